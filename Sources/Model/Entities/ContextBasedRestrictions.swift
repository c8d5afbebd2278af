/// A context-based-restrictions network zone (`GET /v1/zones` on `cbr.cloud.ibm.com`).
public struct CBRZone: Decodable, Sendable, Hashable {
    public let id: String
    public let name: String?
    public let description: String?
    public let addressCount: Int?
    public let excludedCount: Int?

    enum CodingKeys: String, CodingKey {
        case id, name, description
        case addressCount = "address_count", excludedCount = "excluded_count"
    }
}

/// A context-based-restrictions rule (`GET /v1/rules`): requests to the resources it names are allowed only from its
/// contexts (network zones, endpoint types), depending on its enforcement mode.
public struct CBRRule: Decodable, Sendable, Hashable {
    public let id: String
    public let description: String?
    /// `enabled` (enforced), `report` (evaluated and reported only), `disabled`; absent means enabled.
    public let enforcementMode: EnforcementMode
    /// Each context's attributes (`networkZoneId`, `endpointType`, …); a request must match one context.
    public let contexts: [[Attribute]]
    /// Each protected resource's attributes (`accountId`, `serviceName`, `serviceInstance`, `resourceGroupId`, …).
    public let resources: [[Attribute]]

    /// How a rule is applied.
    public enum EnforcementMode: String, Sendable, Hashable {
        case enabled, report, disabled
    }

    /// One `name`/`value` (with an optional `operator`) of a context or resource.
    public struct Attribute: Decodable, Sendable, Hashable {
        public let name: String
        public let value: String
        public let `operator`: String?
    }

    /// The network zones the rule's contexts allow, by id.
    public var zoneIDs: [String] {
        contexts.flatMap { $0.filter { $0.name == "networkZoneId" }.flatMap { $0.value.split(separator: ",").map(String.init) } }
    }

    enum CodingKeys: String, CodingKey {
        case id, description, contexts, resources
        case enforcementMode = "enforcement_mode"
    }

    private struct AttributeList: Decodable { let attributes: [Attribute]? }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        let mode = try c.decodeIfPresent(String.self, forKey: .enforcementMode)
        // An unknown mode is treated as enforced: the stricter reading never hides a restriction.
        enforcementMode = mode.flatMap(EnforcementMode.init(rawValue:)) ?? .enabled
        contexts = (try c.decodeIfPresent([AttributeList].self, forKey: .contexts) ?? []).map { $0.attributes ?? [] }
        resources = (try c.decodeIfPresent([AttributeList].self, forKey: .resources) ?? []).map { $0.attributes ?? [] }
    }
}

/// The account's context-based-restrictions settings (`GET /v1/account_settings/{account}`): limits and counts.
public struct CBRAccountSettings: Decodable, Sendable, Hashable {
    public let currentRuleCount: Int?
    public let currentZoneCount: Int?
    public let ruleCountLimit: Int?
    public let zoneCountLimit: Int?

    enum CodingKeys: String, CodingKey {
        case currentRuleCount = "current_rule_count", currentZoneCount = "current_zone_count"
        case ruleCountLimit = "rule_count_limit", zoneCountLimit = "zone_count_limit"
    }
}
