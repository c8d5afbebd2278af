/// A service ID (IAM Identity `GET /v1/serviceids/`).
public struct ServiceID: Decodable, Sendable, Hashable {
    public let id: String
    public let iamID: String
    public let name: String?
    public let description: String?
    public let crn: String?
    public let locked: Bool?
    public let createdAt: Timestamp?

    enum CodingKeys: String, CodingKey {
        case id, name, description, crn, locked
        case iamID = "iam_id", createdAt = "created_at"
    }
}
