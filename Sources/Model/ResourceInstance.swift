/// A service instance (`GET /v2/resource_instances`). Policies name it by its **guid** (`serviceInstance`) and its
/// service by CRN segment 5.
public struct ResourceInstance: Decodable, Sendable, Hashable {
    /// The CRN, as the API gives it.
    public let id: String
    public let guid: String?
    public let crnString: String?
    public let name: String?
    public let regionID: String?
    public let resourceGroupID: String?
    /// The catalog id (a name or a uuid); not the policy service name.
    public let resourceID: String?
    public let state: String?
    public let type: String?

    enum CodingKeys: String, CodingKey {
        case id, guid, name, state, type
        case crnString = "crn", regionID = "region_id", resourceGroupID = "resource_group_id", resourceID = "resource_id"
    }

    public var crn: CRN? { CRN(crnString ?? id) }
    /// The service name policies use: CRN segment 5.
    public var serviceName: String? { crn?.serviceName }
    /// The instance id policies use: the guid, or CRN segment 8.
    public var instanceID: String { guid ?? crn?.serviceInstance ?? id }
    /// The region: CRN segment 6, or `region_id`.
    public var region: String? { crn.map(\.location).flatMap { $0.isEmpty ? nil : $0 } ?? regionID }
    public var displayName: String { name ?? instanceID }
}
