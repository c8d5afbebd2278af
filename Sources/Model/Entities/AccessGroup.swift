/// An access group (`GET /v2/groups`), with its members and dynamic rules.
package struct AccessGroup: Decodable, Sendable, Hashable {
    /// The id of the built-in group whose policies grant access to everyone, unauthenticated users included.
    package static let publicAccessID = "AccessGroupId-PublicAccess"

    package let id: String
    package let name: String?
    package let description: String?
    package let isFederated: Bool?
    package let createdAt: Timestamp?
    package internal(set) var members: [GroupMember] = []
    package internal(set) var rules: [GroupRule] = []

    enum CodingKeys: String, CodingKey {
        case id, name, description
        case isFederated = "is_federated", createdAt = "created_at"
    }

    package var isPublicAccess: Bool { id == Self.publicAccessID }
    package var displayName: String { name ?? id }
}

/// A member of an access group (`GET /v2/groups/{id}/members?membership_type=all`).
package struct GroupMember: Decodable, Sendable, Hashable {
    package let iamID: String
    /// user | service | profile
    package let type: String?
    /// static | dynamic
    package let membershipType: String?
    package let name: String?
    package let email: String?
    package let expiresAt: Timestamp?

    enum CodingKeys: String, CodingKey {
        case type, name, email
        case iamID = "iam_id", membershipType = "membership_type", expiresAt = "expires_at"
    }

    package var isDynamic: Bool { membershipType == "dynamic" }
}

/// A dynamic membership rule of an access group: federated users whose claims match join for `expiration` hours.
package struct GroupRule: Decodable, Sendable, Hashable {
    package let id: String
    package let name: String?
    package let expiration: Int?
    package let realmName: String?
    package let conditions: [ClaimCondition]?

    enum CodingKeys: String, CodingKey {
        case id, name, expiration, conditions
        case realmName = "realm_name"
    }
}
