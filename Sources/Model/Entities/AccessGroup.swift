/// An access group (`GET /v2/groups`), with its members and dynamic rules.
public struct AccessGroup: Decodable, Sendable, Hashable {
    /// The id of the built-in group whose policies grant access to everyone, unauthenticated users included.
    public static let publicAccessID = "AccessGroupId-PublicAccess"

    public let id: String
    public let name: String?
    public let description: String?
    public let isFederated: Bool?
    public let createdAt: Timestamp?
    public internal(set) var members: [GroupMember] = []
    public internal(set) var rules: [GroupRule] = []

    enum CodingKeys: String, CodingKey {
        case id, name, description
        case isFederated = "is_federated", createdAt = "created_at"
    }

    public var isPublicAccess: Bool { id == Self.publicAccessID }
    public var displayName: String { name ?? id }
}

/// A member of an access group (`GET /v2/groups/{id}/members?membership_type=all`).
public struct GroupMember: Decodable, Sendable, Hashable {
    public let iamID: String
    /// user | service | profile
    public let type: String?
    /// static | dynamic
    public let membershipType: String?
    public let name: String?
    public let email: String?
    public let expiresAt: Timestamp?

    enum CodingKeys: String, CodingKey {
        case type, name, email
        case iamID = "iam_id", membershipType = "membership_type", expiresAt = "expires_at"
    }

    public var isDynamic: Bool { membershipType == "dynamic" }
}

/// A dynamic membership rule of an access group: federated users whose claims match join for `expiration` hours.
public struct GroupRule: Decodable, Sendable, Hashable {
    public let id: String
    public let name: String?
    public let expiration: Int?
    public let realmName: String?
    public let conditions: [ClaimCondition]?

    enum CodingKeys: String, CodingKey {
        case id, name, expiration, conditions
        case realmName = "realm_name"
    }
}
