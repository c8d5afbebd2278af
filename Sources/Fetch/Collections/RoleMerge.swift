import Snapshot

/// Merges `/v2/roles` responses (the account's, then one per service) into the three arrays of `roles.json`.
/// A role is kept the first time it is listed; a later listing of the same `crn` with other actions — a system role's
/// actions differ per service — is kept too, with the `service_name` it was asked for, so that no service's actions
/// are merged away. Listings with the same actions are kept once.
enum RoleMerge {
    /// - Parameter responses: each response with the service it was asked for (nil: the account's).
    static func merge(_ responses: [(service: String?, body: [String: Any])]) -> [String: Any] {
        var result: [String: Any] = [:]
        for key in RoleArrays.keys {
            var kept: [Any] = []
            var actionsByCRN: [String: [[String]]] = [:]
            for (service, body) in responses {
                for role in (body[key] as? [Any]) ?? [] {
                    guard var object = role as? [String: Any], let crn = object["crn"] as? String else {
                        kept.append(role)
                        continue
                    }
                    let actions = (object["actions"] as? [Any])?.compactMap { $0 as? String } ?? []
                    if let listed = actionsByCRN[crn] {
                        guard let service, !listed.contains(actions) else { continue }
                        if object["service_name"] == nil { object["service_name"] = service }
                    }
                    actionsByCRN[crn, default: []].append(actions)
                    kept.append(object)
                }
            }
            result[key] = kept
        }
        return result
    }

    /// The services whose roles a snapshot needs: every `serviceName` in policies and every instance's service.
    static func services(policies: [Any], instances: [Any]) -> [String] {
        var names = Set<String>()
        for policy in policies {
            guard let object = policy as? [String: Any] else { continue }
            var attributeLists: [[[String: Any]]] = []
            if let resource = object["resource"] as? [String: Any] { attributeLists.append((resource["attributes"] as? [[String: Any]]) ?? []) }
            if let subject = object["subject"] as? [String: Any] { attributeLists.append((subject["attributes"] as? [[String: Any]]) ?? []) }
            for resource in (object["resources"] as? [[String: Any]]) ?? [] { attributeLists.append((resource["attributes"] as? [[String: Any]]) ?? []) }
            for attributes in attributeLists {
                for attribute in attributes where (attribute["key"] ?? attribute["name"]) as? String == "serviceName" {
                    if let value = attribute["value"] as? String, !value.contains("*") { names.insert(value) }
                }
            }
        }
        for instance in instances {
            guard let crn = ((instance as? [String: Any])?["crn"] ?? (instance as? [String: Any])?["id"]) as? String else { continue }
            let parts = crn.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count > 4, !parts[4].isEmpty { names.insert(String(parts[4])) }
        }
        return names.sorted()
    }
}
