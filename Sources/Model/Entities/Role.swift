/// A role (`GET /v2/roles`): platform (system), service, or the account's custom roles. Policies name roles by CRN.
package struct Role: Decodable, Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable, Codable { case system, service, custom }

    package let crn: String
    package let displayName: String?
    package let description: String?
    package let actions: [String]?
    /// Custom roles only.
    package let name: String?
    package let serviceName: String?
    package internal(set) var kind: Kind = .system

    enum CodingKeys: String, CodingKey {
        case crn, description, actions, name
        case displayName = "display_name", serviceName = "service_name"
    }

    /// The short name: `display_name`, else the CRN's last segment after `role:`/`serviceRole:`/`customRole:`.
    package var shortName: String { displayName ?? RoleName.fromCRN(crn) }
}

/// Role names derived from role CRNs, for roles the snapshot's role list does not describe.
package enum RoleName {
    /// `crn:v1:bluemix:public:iam::::serviceRole:Manager` → `Manager`.
    package static func fromCRN(_ crn: String) -> String {
        guard let colon = crn.lastIndex(of: ":") else { return crn }
        return String(crn[crn.index(after: colon)...])
    }
}
