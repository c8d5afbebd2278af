/// A service instance (`GET /v2/resource_instances`). Policies name it by its **guid** (`serviceInstance`) and its
/// service by CRN segment 5.
package struct ResourceInstance: Decodable, Sendable, Hashable {
    /// The CRN, as the API gives it.
    package let id: String
    package let guid: String?
    package let crnString: String?
    package let name: String?
    package let regionID: String?
    package let resourceGroupID: String?
    /// The catalog id (a name or a uuid); not the policy service name.
    package let resourceID: String?
    package let state: String?
    package let type: String?
    /// `crn` (or `id`) parsed once, when decoded: the names and ids below are read from it many times.
    package let crn: CRN?

    enum CodingKeys: String, CodingKey {
        case id, guid, name, state, type
        case crnString = "crn", regionID = "region_id", resourceGroupID = "resource_group_id", resourceID = "resource_id"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        guid = try container.decodeIfPresent(String.self, forKey: .guid)
        crnString = try container.decodeIfPresent(String.self, forKey: .crnString)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        regionID = try container.decodeIfPresent(String.self, forKey: .regionID)
        resourceGroupID = try container.decodeIfPresent(String.self, forKey: .resourceGroupID)
        resourceID = try container.decodeIfPresent(String.self, forKey: .resourceID)
        state = try container.decodeIfPresent(String.self, forKey: .state)
        type = try container.decodeIfPresent(String.self, forKey: .type)
        crn = CRN(crnString ?? id)
    }

    /// The service name policies use: CRN segment 5.
    package var serviceName: String? { crn?.serviceName }
    /// The instance id policies use: the guid, or CRN segment 8.
    package var instanceID: String { guid ?? crn?.serviceInstance ?? id }
    /// The region: CRN segment 6, or `region_id`.
    package var region: String? { crn.map(\.location).flatMap { $0.isEmpty ? nil : $0 } ?? regionID }
    package var displayName: String { name ?? instanceID }
}
