import Foundation

/// The `/v2/roles` queries a snapshot needs besides the account's own (no filter), gathered collection by collection
/// as policies and instances arrive, so that no collection's items are held until the last one is in:
/// `service_name=` for every service named in a policy or of an instance; `policy_type=authorization` with
/// `service_name=` and `source_service_name=` for every source → target pair of an authorization policy (the roles
/// such a policy may grant are listed only so); `service_group_id=` for every service group a policy names.
package struct RoleQueries {
    private var services = Set<String>()
    private var authorizations = Set<[String]>()
    private var serviceGroups = Set<String>()

    /// The queries for `policies` and `instances` (`queries`' order).
    package static func queries(policies: [Any], instances: [Any]) -> [[URLQueryItem]] {
        var queries = RoleQueries()
        queries.add(policies: policies)
        queries.add(instances: instances)
        return queries.queries
    }

    /// The queries, in a fixed order whatever order the items came in: per service, per authorization pair, per
    /// service group, each sorted.
    var queries: [[URLQueryItem]] {
        let byService = services.sorted().map { [URLQueryItem(name: "service_name", value: $0)] }
        let byAuthorization = authorizations.sorted { $0.lexicographicallyPrecedes($1) }.map { pair in
            [URLQueryItem(name: "policy_type", value: "authorization"), URLQueryItem(name: "service_name", value: pair[1]),
             URLQueryItem(name: "source_service_name", value: pair[0])]
        }
        let byServiceGroup = serviceGroups.sorted().map { [URLQueryItem(name: "service_group_id", value: $0)] }
        return byService + byAuthorization + byServiceGroup
    }

    /// Adds the services, authorization pairs and service groups `policies` (v1 or v2 items) name.
    mutating func add(policies: [Any]) {
        for policy in policies {
            guard let object = policy as? [String: Any] else { continue }
            let subjects = Self.attributeLists(object, single: "subject", multiple: "subjects")
            let resources = Self.attributeLists(object, single: "resource", multiple: "resources")
            for attributes in subjects + resources {
                if let name = Self.concrete(attributes, "serviceName") { services.insert(name) }
            }
            for attributes in resources {
                if let group = Self.concrete(attributes, "service_group_id") { serviceGroups.insert(group) }
            }
            guard (object["type"] as? String) == "authorization" else { continue }
            for subject in subjects {
                guard let source = Self.concrete(subject, "serviceName") else { continue }
                for resource in resources {
                    if let target = Self.concrete(resource, "serviceName") { authorizations.insert([source, target]) }
                }
            }
        }
    }

    /// Adds the service of each instance: the fifth segment of its CRN (or of its id, which is the CRN).
    mutating func add(instances: [Any]) {
        for instance in instances {
            guard let crn = ((instance as? [String: Any])?["crn"] ?? (instance as? [String: Any])?["id"]) as? String else { continue }
            let parts = crn.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count > 4, !parts[4].isEmpty { services.insert(String(parts[4])) }
        }
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
