/// A resource group (`GET /v2/resource_groups`).
package struct ResourceGroup: Decodable, Sendable, Hashable {
    package let id: String
    package let name: String?
    package let crn: String?
    package let state: String?
    package let isDefault: Bool?

    enum CodingKeys: String, CodingKey {
        case id, name, crn, state
        case isDefault = "default"
    }

    package var displayName: String { name ?? id }
}
