import Snapshot

/// Merges `/v2/roles` responses (the account's, then one per service) into the three arrays of `roles.json`,
/// each role once by `crn`.
enum RoleMerge {
    static func merge(_ responses: [[String: Any]]) -> [String: Any] {
        var result: [String: Any] = [:]
        for key in RoleArrays.keys {
            var seen = Set<String>()
            result[key] = responses.flatMap { ($0[key] as? [Any]) ?? [] }.filter { role in
                guard let crn = (role as? [String: Any])?["crn"] as? String else { return true }
                return seen.insert(crn).inserted
            }
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
