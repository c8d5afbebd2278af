/// API key metadata (`GET /v1/apikeys`); never the secret.
package struct APIKey: Decodable, Sendable, Hashable {
    package let id: String
    package let name: String?
    /// The owner: a user or `iam-ServiceId-…`.
    package let iamID: String?
    package let createdAt: Timestamp?
    package let createdBy: String?
    package let locked: Bool?
    package let disabled: Bool?
    package let leaked: Bool?
    package let expiresAt: Timestamp?

    enum CodingKeys: String, CodingKey {
        case id, name, locked, disabled, leaked
        case iamID = "iam_id", createdAt = "created_at", createdBy = "created_by", expiresAt = "expires_at"
    }
}
