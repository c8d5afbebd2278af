import Model

/// An account's context-based-restrictions rules, read once, ready to say which rules restrict a grant's target or
/// protect an instance. A rule restricts a target when the resources it names overlap what the target reaches: all
/// of it (every attribute the rule tests is one the target fixes to the same value) or part of it.
package struct NetworkRestrictions: Sendable {
    private let rules: [Rule]
    private let instances: [String: ResourceInstance]
    /// Every rule's resources, with the rule's position in `rules`.
    private let resources: [(rule: Int, resource: RuleResource)]
    /// Positions in `resources` by the value a resource fixes (tested, or implied by the instance it names), and of
    /// those that leave the attribute open: a reach that fixes a value need only look at these, so that accounts with
    /// hundreds of rules on single instances are not read whole for every target.
    private let fixing: [ReachKey: (byValue: [String: [Int]], open: [Int])]

    /// A rule with its zones named.
    private struct Rule: Sendable {
        let rule: CBRRule
        let zones: [(id: String, name: String?)]
    }

    package init(_ account: IAMAccount) {
        let zoneNames = Dictionary(account.cbrZones.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        instances = account.instancesByGUID
        rules = account.cbrRules.map { Rule(rule: $0, zones: $0.zoneIDs.map { ($0, zoneNames[$0] ?? nil) }) }
        var resources: [(rule: Int, resource: RuleResource)] = []
        for (position, rule) in account.cbrRules.enumerated() {
            for attributes in rule.resources {
                resources.append((position, RuleResource(attributes, accountID: account.accountID, instances: account.instancesByGUID)))
            }
        }
        self.resources = resources
        var fixing: [ReachKey: (byValue: [String: [Int]], open: [Int])] = [:]
        for key in [ReachKey.serviceInstance, .serviceName, .resourceGroupId] {
            var byValue: [String: [Int]] = [:], open: [Int] = []
            for (position, entry) in resources.enumerated() {
                if let value = entry.resource.implied[key] { byValue[value, default: []].append(position) } else { open.append(position) }
            }
            fixing[key] = (byValue, open)
        }
        self.fixing = fixing
    }

    /// Whether the account has no rule at all.
    package var isEmpty: Bool { rules.isEmpty }

    /// The rules on some or all of what `target` reaches, in the snapshot's order (by id).
    package func restricting(_ target: PolicyTarget) -> [NetworkRestriction] {
        restrictions(on: Reach(target, instances: instances))
    }

    /// The rules whose resources include `instance` (all of it, or part: a resource type inside it), in the
    /// snapshot's order.
    package func protecting(_ instance: ResourceInstance) -> [NetworkRestriction] {
        restrictions(on: Reach(instance))
    }

    /// The positions in `instances` of those a rule at one of `rules` (positions in the account's `cbrRules`)
    /// protects: the instances whose `protecting(_:)` names one of those rules, in order, found without working out
    /// what protects every instance. A resource naming an instance is compared with an instance's guid first, so a
    /// few rules on single instances do not make a reach of every instance.
    package func instances(_ instances: [ResourceInstance], protectedByRulesAt rules: Set<Int>) -> [Int] {
        let selected = resources.filter { rules.contains($0.rule) }.map { (resource: $0.resource, guid: $0.resource.implied[.serviceInstance]) }
        guard !selected.isEmpty else { return [] }
        return instances.indices.filter { position in
            let guid = instances[position].instanceID
            // An instance whose guid differs from the one a resource implies cannot overlap it (`RuleResource.overlap`).
            let possible = selected.filter { $0.guid == nil || $0.guid == guid }
            guard !possible.isEmpty else { return false }
            let reach = Reach(instances[position])
            return possible.contains { $0.resource.overlap(with: reach) != nil }
        }
    }

    private func restrictions(on reach: Reach) -> [NetworkRestriction] {
        guard !rules.isEmpty else { return [] }
        var widest: [Int: Overlap] = [:]
        for position in candidates(for: reach) {
            let entry = resources[position]
            guard let overlap = entry.resource.overlap(with: reach) else { continue }
            widest[entry.rule] = max(widest[entry.rule] ?? overlap, overlap)
        }
        return widest.keys.sorted().map { position in
            NetworkRestriction(rule: rules[position].rule, zones: rules[position].zones, partial: widest[position] == .part)
        }
    }

    /// The resources that may overlap `reach`: of the instance, service and resource group the reach fixes, the one
    /// whose resources fixing it to the same value or leaving it open are fewest (a resource fixing it to another
    /// value cannot overlap), else all. A grant on a service in one resource group looks only at the rules of that
    /// group or of that service, whichever are fewer: looking at the whole service for every resource group read
    /// the rules of a large account once per resource group.
    private func candidates(for reach: Reach) -> [Int] {
        var fewest: (byValue: [Int], open: [Int])?
        for key in [ReachKey.serviceInstance, .serviceName, .resourceGroupId] {
            guard let value = reach.values[key], let index = fixing[key] else { continue }
            let byValue = index.byValue[value] ?? []
            if let best = fewest, best.byValue.count + best.open.count <= byValue.count + index.open.count { continue }
            fewest = (byValue, index.open)
        }
        guard let fewest else { return Array(resources.indices) }
        return fewest.byValue + fewest.open
    }

    /// How many of the rules' resources `restricting(target)` compares with the target (what the index leaves).
    func candidateCount(_ target: PolicyTarget) -> Int {
        candidates(for: Reach(target, instances: instances)).count
    }
}

/// The attributes of a CBR resource iamgraph evaluates; the values of a grant's target or an instance compared with
/// them.
private enum ReachKey: CaseIterable, Sendable {
    case serviceName, serviceInstance, region, resourceGroupId

    init?(_ name: String) {
        switch name {
        case "serviceName": self = .serviceName
        case "serviceInstance": self = .serviceInstance
        case "region": self = .region
        case "resourceGroupId": self = .resourceGroupId
        default: return nil
        }
    }

    func value(of instance: ResourceInstance) -> String? {
        switch self {
        case .serviceName: instance.serviceName
        case .serviceInstance: instance.instanceID
        case .region: instance.region
        case .resourceGroupId: instance.resourceGroupID
        }
    }
}

/// How much of a reach a rule's resource covers.
private enum Overlap: Comparable {
    case part, all
}

/// What a grant's target (or an instance) reaches, as CBR compares it: the values it fixes and which kind of
/// services it is about.
private struct Reach {
    /// Values the reach fixes exactly (from the target's `stringEquals` attributes, or its instance's).
    var values: [ReachKey: String] = [:]
    /// Whether a value missing from `values` is known to be absent (an instance) rather than left open (a target).
    var exhaustive = false
    var services: Services

    /// Which services a reach is about: CBR protects resources of IAM-enabled services and some account management
    /// services, each by its service name.
    enum Services {
        /// Any service (an account-wide grant).
        case any
        /// IAM-enabled services' resources.
        case resources
        /// Account management services: these, or all of them when `nil`.
        case accountManagement(Set<String>?)
        /// Nothing a CBR rule names (a resource group itself).
        case none
    }

    init(_ instance: ResourceInstance) {
        for key in ReachKey.allCases { values[key] = key.value(of: instance) }
        exhaustive = true
        services = .resources
    }

    init(_ target: PolicyTarget, instances: [String: ResourceInstance]) {
        for attribute in target.attributes where attribute.operator == "stringEquals" {
            guard let key = ReachKey(attribute.key), case .string(let value) = attribute.value,
                  !Glob.hasWildcards(value) else { continue }
            values[key] = value
        }
        if let guid = values[.serviceInstance], let instance = instances[guid] {
            for key in ReachKey.allCases where values[key] == nil { values[key] = key.value(of: instance) }
        }
        if let service = values[.serviceName] {
            services = AccountManagementServices.all.contains(service) ? .accountManagement([service]) : .resources
            return
        }
        services = switch target.scope {
        case .everything: .any
        case .allAccountManagement: .accountManagement(nil)
        case .allIAMAccountManagement: .accountManagement(AccountManagementServices.iam)
        case .accountManagementService(let service): .accountManagement([service])
        case .resourceGroupItself: .none
        case .allIAMEnabledServices, .resourceGroupResources, .serviceInResourceGroup, .serviceInAccount, .instance,
             .subResource: .resources
        }
    }
}

/// One resource of a CBR rule: the values it tests, those its instance implies, and whether it tests something
/// iamgraph does not evaluate.
private struct RuleResource: Sendable {
    /// The rule's own tests of the evaluated attributes.
    let tests: [ReachKey: String]
    /// Values implied by the instance the rule names (its service, region, resource group), for telling apart what
    /// cannot overlap.
    let implied: [ReachKey: String]
    /// The `accountId` the rule tests, if any.
    let accountTest: String?
    let homeAccount: String
    /// Whether it tests an attribute iamgraph does not evaluate (a resource type, an operator other than equality):
    /// it then protects part of what it otherwise names.
    let unevaluated: Bool
    /// For a resource naming no instance (a service, a resource group) of IAM-enabled services: the account's
    /// instances it protects. It overlaps part of a wider reach only through one of them, so a service-wide rule
    /// does not mark a grant on a resource group holding none of its service's instances.
    let protectedInstances: [ResourceInstance]?

    init(_ attributes: [CBRRule.Attribute], accountID: String, instances: [String: ResourceInstance]) {
        var tests: [ReachKey: String] = [:], accountTest: String?, unevaluated = false
        for attribute in attributes {
            // CBR attributes are exact values (`stringEquals`); anything else is not evaluated and counts as partial.
            guard attribute.operator == nil || attribute.operator == "stringEquals" else {
                unevaluated = true
                continue
            }
            if attribute.name == "accountId" {
                accountTest = attribute.value
            } else if let key = ReachKey(attribute.name) {
                tests[key] = attribute.value
            } else {
                unevaluated = true
            }
        }
        var implied = tests
        if let guid = tests[.serviceInstance], let instance = instances[guid] {
            for key in ReachKey.allCases where implied[key] == nil { implied[key] = key.value(of: instance) }
        }
        self.tests = tests
        self.implied = implied
        self.accountTest = accountTest
        homeAccount = accountID
        self.unevaluated = unevaluated
        let management = tests[.serviceName].map(AccountManagementServices.all.contains) ?? false
        protectedInstances = tests[.serviceInstance] != nil || management ? nil : instances.values.filter { instance in
            tests.allSatisfy { $0.key.value(of: instance) == $0.value }
        }
    }

    /// How much of `reach` this resource covers; `nil` when they cannot overlap.
    func overlap(with reach: Reach) -> Overlap? {
        if let accountTest, accountTest != homeAccount { return nil }
        let service = implied[.serviceName]
        let managementService = service.map(AccountManagementServices.all.contains) ?? false
        switch reach.services {
        case .any: break
        case .none: return nil
        case .resources: if managementService { return nil }
        case .accountManagement(let names):
            guard let service, managementService, names?.contains(service) ?? true else { return nil }
        }
        for key in ReachKey.allCases {
            guard let value = implied[key] else { continue }
            if let actual = reach.values[key] {
                if actual != value { return nil }
            } else if reach.exhaustive {
                return nil
            }
        }
        if !unevaluated, tests.allSatisfy({ reach.values[$0.key] == $0.value }) { return .all }
        if !reach.exhaustive, let protectedInstances,
           !protectedInstances.contains(where: { instance in reach.values.allSatisfy { $0.key.value(of: instance) == $0.value } }) {
            return nil
        }
        return .part
    }
}
