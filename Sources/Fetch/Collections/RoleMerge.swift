import Foundation
import Snapshot

/// Merges `/v2/roles` responses (the account's, then one per service) into the three arrays of `roles.json`.
/// A role is kept the first time it is listed; a later listing of the same `crn` with other actions — a system role's
/// actions differ per service — is kept too, with the `service_name` it was asked for, so that no service's actions
/// are merged away. Listings with the same actions are kept once.
package enum RoleMerge {
    /// - Parameter responses: each response with the service it was asked for (nil: the account's).
    package static func merge(_ responses: [(service: String?, body: [String: Any])]) -> [String: Any] {
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
}
