/// A context-based-restrictions network zone (`GET /v1/zones` on `cbr.cloud.ibm.com`).
package struct CBRZone: Decodable, Sendable, Hashable {
    package let id: String
    package let name: String?
    package let description: String?
    package let addressCount: Int?
    package let excludedCount: Int?

    enum CodingKeys: String, CodingKey {
        case id, name, description
        case addressCount = "address_count", excludedCount = "excluded_count"
    }
}

/// A context-based-restrictions rule (`GET /v1/rules`): requests to the resources it names are allowed only from its
/// contexts (network zones, endpoint types), depending on its enforcement mode.
package struct CBRRule: Decodable, Sendable, Hashable {
    package let id: String
    package let description: String?
    /// `enabled` (enforced), `report` (evaluated and reported only), `disabled`; absent means enabled.
    package let enforcementMode: EnforcementMode
    /// Each context's attributes (`networkZoneId`, `endpointType`, …); a request must match one context.
    package let contexts: [[Attribute]]
    /// Each protected resource's attributes (`accountId`, `serviceName`, `serviceInstance`, `resourceGroupId`, …).
    package let resources: [[Attribute]]

    /// How a rule is applied.
    package enum EnforcementMode: String, Sendable, Hashable {
        case enabled, report, disabled
    }

    /// One `name`/`value` (with an optional `operator`) of a context or resource.
    package struct Attribute: Decodable, Sendable, Hashable {
        package let name: String
        package let value: String
        package let `operator`: String?
    }

    /// The network zones the rule's contexts allow, by id.
    package var zoneIDs: [String] {
        contexts.flatMap { $0.filter { $0.name == "networkZoneId" }.flatMap { $0.value.split(separator: ",").map(String.init) } }
    }

    enum CodingKeys: String, CodingKey {
        case id, description, contexts, resources
        case enforcementMode = "enforcement_mode"
    }

    private struct AttributeList: Decodable { let attributes: [Attribute]? }

    package init(from decoder: any Decoder) throws {
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
package struct CBRAccountSettings: Decodable, Sendable, Hashable {
    package let currentRuleCount: Int?
    package let currentZoneCount: Int?
    package let ruleCountLimit: Int?
    package let zoneCountLimit: Int?

    enum CodingKeys: String, CodingKey {
        case currentRuleCount = "current_rule_count", currentZoneCount = "current_zone_count"
        case ruleCountLimit = "rule_count_limit", zoneCountLimit = "zone_count_limit"
    }
}
