/// Service-to-service authorizations.
extension Generator {
    mutating func makeAuthorizationPolicies() -> [JSON] {
        let pairs = Catalog.authorizations.compactMap { pair -> (Int, Int, String)? in
            guard let source = Catalog.services.firstIndex(where: { $0.name == pair.0 }),
                  let target = Catalog.services.firstIndex(where: { $0.name == pair.1 }),
                  !instancesByService[source].isEmpty, !instancesByService[target].isEmpty else { return nil }
            return (source, target, pair.2)
        }
        guard !pairs.isEmpty else { return [] }
        var seen: Set<String> = []
        var result: [JSON] = []
        let wanted = max(2, size.instances * 3 / 100)
        var attempts = 0
        while result.count < wanted, attempts < wanted * 4 {
            attempts += 1
            let (source, target, role) = rng.pick(pairs)
            let from = instances[rng.pick(instancesByService[source])]
            let sameGroup = instancesByGroup[from.resourceGroup].filter { instances[$0].service == target }
            let to = instances[sameGroup.isEmpty || rng.chance(0.3) ? rng.pick(instancesByService[target]) : rng.pick(sameGroup)]
            let sourceName = Catalog.services[source].name, targetName = Catalog.services[target].name
            var subject = [eq("serviceName", sourceName), eq("accountId", accountID)]
            let wholeSource = rng.chance(0.2)
            if !wholeSource { subject.append(eq("serviceInstance", from.guid)) }
            var resource = [eq("serviceName", targetName)]
            let wholeTarget = rng.chance(0.25)
            if !wholeTarget { resource.append(eq("serviceInstance", to.guid)) }
            let key = "\(sourceName)|\(wholeSource ? "*" : from.guid)|\(targetName)|\(wholeTarget ? "*" : to.guid)"
            guard seen.insert(key).inserted else { continue }
            let description = "\((wholeSource ? "all " + sourceName : from.name)) uses "
                + (wholeTarget ? "any \(targetName)" : to.name)
            result.append(policy(type: "authorization", subject: subject, roles: [serviceRole(role)], resource: resource,
                                 description: description, created: time(from: max(from.created, to.created)),
                                 usage: 0.9))
        }
        return result
    }
}
