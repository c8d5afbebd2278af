/// A user of the account (User Management `GET /v2/accounts/{account}/users`).
package struct User: Decodable, Sendable, Hashable {
    package let iamID: String
    package let id: String?
    package let realm: String?
    /// The login, usually the email address.
    package let userID: String?
    package let firstname: String?
    package let lastname: String?
    package let email: String?
    package let state: String?
    package let addedOn: Timestamp?

    enum CodingKeys: String, CodingKey {
        case id, realm, firstname, lastname, email, state
        case iamID = "iam_id", userID = "user_id", addedOn = "added_on"
    }

    /// "First Last", or the login or email when the name is empty.
    package var displayName: String {
        // The non-empty parts joined by a space, without a list of them: every report names users by it.
        let first = firstname ?? "", last = lastname ?? ""
        let name = first.isEmpty ? last : last.isEmpty ? first : first + " " + last
        return name.isEmpty ? (email ?? userID ?? iamID) : name
    }
}
