/// A role (`GET /v2/roles`): platform (system), service, or the account's custom roles. Policies name roles by CRN.
public struct Role: Decodable, Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable { case system, service, custom }

    public let crn: String
    public let displayName: String?
    public let description: String?
    public let actions: [String]?
    /// Custom roles only.
    public let name: String?
    public let serviceName: String?
    public internal(set) var kind: Kind = .system

    enum CodingKeys: String, CodingKey {
        case crn, description, actions, name
        case displayName = "display_name", serviceName = "service_name"
    }

    /// The short name: `display_name`, else the CRN's last segment after `role:`/`serviceRole:`/`customRole:`.
    public var shortName: String { displayName ?? RoleName.fromCRN(crn) }
}

/// Role names derived from role CRNs, for roles the snapshot's role list does not describe.
public enum RoleName {
    /// `crn:v1:bluemix:public:iam::::serviceRole:Manager` → `Manager`.
    public static func fromCRN(_ crn: String) -> String {
        guard let colon = crn.lastIndex(of: ":") else { return crn }
        return String(crn[crn.index(after: colon)...])
    }
}
