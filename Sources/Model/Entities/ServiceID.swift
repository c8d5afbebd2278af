/// A service ID (IAM Identity `GET /v1/serviceids/`).
package struct ServiceID: Decodable, Sendable, Hashable {
    package let id: String
    package let iamID: String
    package let name: String?
    package let description: String?
    package let crn: String?
    package let locked: Bool?
    package let createdAt: Timestamp?

    enum CodingKeys: String, CodingKey {
        case id, name, description, crn, locked
        case iamID = "iam_id", createdAt = "created_at"
    }
}
