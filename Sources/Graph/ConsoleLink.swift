import Foundation

/// Links from map nodes to the entity's page in the IBM Cloud console. Ids are percent-encoded, so untrusted ids can
/// never turn a link into anything but an https link to cloud.ibm.com.
enum ConsoleLink {
    static let base = "https://cloud.ibm.com"

    static func user(_ iamID: String) -> String { "\(base)/iam/users/\(encode(iamID))" }
    static func serviceID(_ id: String) -> String { "\(base)/iam/serviceids/\(encode(id))" }
    static func trustedProfile(_ id: String) -> String { "\(base)/iam/trusted-profiles/\(encode(id))" }
    static func accessGroup(_ id: String) -> String { "\(base)/iam/groups/\(encode(id))" }
    static func resourceGroup(_ id: String) -> String { "\(base)/account/resource-groups/\(encode(id))" }
    static func instance(_ crn: String) -> String { "\(base)/services/\(encode(crn))" }
    static func customRole(_ name: String) -> String { "\(base)/iam/roles/\(encode(name))" }

    /// The characters left as they are: letters, digits and RFC 3986's unreserved marks.
    private static let unescaped = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unescaped) ?? ""
    }
}
