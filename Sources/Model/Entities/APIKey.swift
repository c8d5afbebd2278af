/// API key metadata (`GET /v1/apikeys`); never the secret.
public struct APIKey: Decodable, Sendable, Hashable {
    public let id: String
    public let name: String?
    /// The owner: a user or `iam-ServiceId-…`.
    public let iamID: String?
    public let createdAt: Timestamp?
    public let createdBy: String?
    public let locked: Bool?
    public let disabled: Bool?
    public let leaked: Bool?
    public let expiresAt: Timestamp?

    enum CodingKeys: String, CodingKey {
        case id, name, locked, disabled, leaked
        case iamID = "iam_id", createdAt = "created_at", createdBy = "created_by", expiresAt = "expires_at"
    }
}
