/// A resource group (`GET /v2/resource_groups`).
public struct ResourceGroup: Decodable, Sendable, Hashable {
    public let id: String
    public let name: String?
    public let crn: String?
    public let state: String?
    public let isDefault: Bool?

    enum CodingKeys: String, CodingKey {
        case id, name, crn, state
        case isDefault = "default"
    }

    public var displayName: String { name ?? id }
}
