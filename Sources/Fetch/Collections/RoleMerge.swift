import Foundation
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

    /// The `/v2/roles` queries a snapshot needs besides the account's own (no filter), in a fixed order:
    /// `service_name=` for every service named in a policy or of an instance; `policy_type=authorization` with
    /// `service_name=` and `source_service_name=` for every source → target pair of an authorization policy (the
    /// roles such a policy may grant are listed only so); `service_group_id=` for every service group a policy names.
    static func queries(policies: [Any], instances: [Any]) -> [[URLQueryItem]] {
        var services = Set<String>()
        var authorizations = Set<[String]>()
        var serviceGroups = Set<String>()
        for policy in policies {
            guard let object = policy as? [String: Any] else { continue }
            let subjects = attributeLists(object, single: "subject", multiple: "subjects")
            let resources = attributeLists(object, single: "resource", multiple: "resources")
            for attributes in subjects + resources {
                if let name = concrete(attributes, "serviceName") { services.insert(name) }
            }
            for attributes in resources {
                if let group = concrete(attributes, "service_group_id") { serviceGroups.insert(group) }
            }
            guard (object["type"] as? String) == "authorization" else { continue }
            for subject in subjects {
                guard let source = concrete(subject, "serviceName") else { continue }
                for resource in resources {
                    if let target = concrete(resource, "serviceName") { authorizations.insert([source, target]) }
                }
            }
        }
        for instance in instances {
            guard let crn = ((instance as? [String: Any])?["crn"] ?? (instance as? [String: Any])?["id"]) as? String else { continue }
            let parts = crn.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count > 4, !parts[4].isEmpty { services.insert(String(parts[4])) }
        }
        let byService = services.sorted().map { [URLQueryItem(name: "service_name", value: $0)] }
        let byAuthorization = authorizations.sorted { $0.lexicographicallyPrecedes($1) }.map { pair in
            [URLQueryItem(name: "policy_type", value: "authorization"), URLQueryItem(name: "service_name", value: pair[1]),
             URLQueryItem(name: "source_service_name", value: pair[0])]
        }
        let byServiceGroup = serviceGroups.sorted().map { [URLQueryItem(name: "service_group_id", value: $0)] }
        return byService + byAuthorization + byServiceGroup
    }

    /// The attribute lists of a policy's subject or resource: v2's one object, v1's array.
    private static func attributeLists(_ policy: [String: Any], single: String, multiple: String) -> [[[String: Any]]] {
        var lists: [[[String: Any]]] = []
        if let part = policy[single] as? [String: Any] { lists.append((part["attributes"] as? [[String: Any]]) ?? []) }
        for part in (policy[multiple] as? [[String: Any]]) ?? [] { lists.append((part["attributes"] as? [[String: Any]]) ?? []) }
        return lists
    }

    /// The value of attribute `key` (v2 `key`, v1 `name`) when it is one concrete value, not a pattern.
    private static func concrete(_ attributes: [[String: Any]], _ key: String) -> String? {
        for attribute in attributes where (attribute["key"] ?? attribute["name"]) as? String == key {
            if let value = attribute["value"] as? String, !value.isEmpty, !value.contains("*") { return value }
        }
        return nil
    }
}
