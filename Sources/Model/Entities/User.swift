/// A user of the account (User Management `GET /v2/accounts/{account}/users`).
public struct User: Decodable, Sendable, Hashable {
    public let iamID: String
    public let id: String?
    public let realm: String?
    /// The login, usually the email address.
    public let userID: String?
    public let firstname: String?
    public let lastname: String?
    public let email: String?
    public let state: String?
    public let addedOn: Timestamp?

    enum CodingKeys: String, CodingKey {
        case id, realm, firstname, lastname, email, state
        case iamID = "iam_id", userID = "user_id", addedOn = "added_on"
    }

    /// "First Last", or the login or email when the name is empty.
    public var displayName: String {
        let name = [firstname, lastname].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        return name.isEmpty ? (email ?? userID ?? iamID) : name
    }
}
