import Testing
@testable import Model

/// `PolicyTarget` is made in one scan of the attributes, with its key written into one string: it must give what
/// filtering, sorting, looking each scope key up and joining the parts gave (the code of 406002b, kept here as the
/// oracle), on seeded hostile attribute lists — repeated keys, repeated account tests, lists, booleans, operators,
/// tags, keys that only look like scope keys.
@Suite struct PolicyTargetOneScanTests {
    /// The target as 406002b made it.
    struct Oracle {
        let attributes: [PolicyAttribute], tags: [PolicyAttribute], account: PolicyAttribute?
        let scope: PolicyTarget.Scope, key: String

        init(resource: [PolicyAttribute], tags: [PolicyAttribute], homeAccount: String?) {
            account = resource.first { $0.key == "accountId" }
            attributes = resource.filter { $0.key != "accountId" }.sorted { ($0.key, $0.operator) < ($1.key, $1.operator) }
            self.tags = tags.sorted { ($0.key, $0.value.description) < ($1.key, $1.value.description) }
            scope = Self.classify(attributes)
            let accountPart = account.flatMap { test in
                test.operator == "stringEquals" && test.value.description == homeAccount ? nil : Self.text(test)
            }
            let parts = [accountPart].compactMap { $0 } + attributes.map(Self.text) + self.tags.map { "tag:" + Self.text($0) }
            key = parts.isEmpty ? "account" : parts.joined(separator: ",")
        }

        static func text(_ attribute: PolicyAttribute) -> String {
            let op = attribute.operator == "stringEquals" ? "=" : " \(attribute.operator) "
            return attribute.key + op + attribute.value.description
        }

        /// Each scope key's first value found by a search of its own, as 406002b did; the decision on those values
        /// is `PolicyTarget`'s own (moved unchanged into `classify(service:…)`, which `PolicyTargetTests` covers).
        static func classify(_ attributes: [PolicyAttribute]) -> PolicyTarget.Scope {
            func first(_ key: String) -> PolicyAttribute? { attributes.first { $0.key == key } }
            func value(_ key: String) -> String? { first(key).map { $0.value.description } }
            let specific = attributes.contains { !PolicyTarget.scopeKeys.contains($0.key) && $0.key != "region" }
            return PolicyTarget.classify(service: value("serviceName"), group: value("resourceGroupId"),
                                         instance: value("serviceInstance"), resourceType: value("resourceType"),
                                         resource: value("resource"), serviceType: first("serviceType"),
                                         serviceGroup: first("service_group_id"), specific: specific)
        }
    }

    /// A small deterministic generator (SplitMix64).
    struct Seeded {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        mutating func pick<T>(_ list: [T]) -> T { list[next(list.count)] }
    }

    static let keys = ["accountId", "serviceName", "serviceInstance", "resourceGroupId", "serviceType", "service_group_id",
                       "resourceType", "resource", "region", "bucket", "servicename", "serviceName ", "e\u{301}", "é", ""]
    static let values = ["acct", "other", "kms", "iam-groups", "billing", "service", "platform_service", "IAM",
                         "resource-group", "rg1", "g-1", "logs*", "", "a,b", "é"]
    static let operators = ["stringEquals", "stringMatch", "stringExists", "stringEqualsAnyOf", "stringMatchAnyOf"]

    static func attribute(_ random: inout Seeded, keys: [String]) -> PolicyAttribute {
        let value: AttributeValue = switch random.next(6) {
        case 0: .bool(random.next(2) == 0)
        case 1: .list((0..<random.next(3)).map { _ in random.pick(values) })
        default: .string(random.pick(values))
        }
        return PolicyAttribute(key: random.pick(keys), operator: random.pick(operators), value: value)
    }

    @Test func oneScanGivesWhatTheFilterSortAndJoinGave() {
        var random = Seeded(state: 20_261_201)
        var scopes = Set<String>()
        for _ in 0..<20_000 {
            let resource = (0..<random.next(6)).map { _ in Self.attribute(&random, keys: Self.keys) }
            let tags = (0..<random.next(3)).map { _ in Self.attribute(&random, keys: ["env", "team", "env", "é"]) }
            let home: String? = random.pick(["acct", "other", nil])
            let target = PolicyTarget(resource: resource, tags: tags, homeAccount: home)
            let oracle = Oracle(resource: resource, tags: tags, homeAccount: home)
            #expect(target.attributes == oracle.attributes && target.tags == oracle.tags && target.account == oracle.account,
                    "\(resource) \(tags)")
            #expect(target.scope == oracle.scope, "\(resource)")
            #expect(target.key == oracle.key, "\(resource) \(tags) \(String(describing: home))")
            scopes.insert("\(target.scope)".prefix { $0 != "(" }.description)
        }
        // Every kind of scope came up.
        #expect(scopes.count == 11, "\(scopes.sorted())")
    }
}
