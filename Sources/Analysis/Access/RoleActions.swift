import Model

/// The actions each role carries, as the snapshot's role list gives them: custom roles for their service, service and
/// system roles once per service the fetch asked about (`service_name`) and once without (the account-wide answer).
/// A system role's actions differ per service — Administrator on `iam-groups` adds members, on `kms` it does not — so
/// they are kept per service, never merged.
package struct RoleActions: Sendable {
    /// Whether a role carries an action, as far as the snapshot can tell.
    package enum Answer: Sendable, Hashable {
        /// The role's action list for the service holds a matching action.
        case yes
        /// The role's action list describes the service and holds none.
        case no
        /// The snapshot lists no actions for the role on this service.
        case unknown
    }

    /// Role CRN → service name (nil: the entry names none) → actions.
    private let actionsByRole: [String: [String?: [String]]]

    package init(_ roles: [Role]) {
        var byRole: [String: [String?: [String]]] = [:]
        for role in roles {
            guard let actions = role.actions, byRole[role.crn]?[role.serviceName] == nil else { continue }
            byRole[role.crn, default: [:]][role.serviceName] = actions
        }
        actionsByRole = byRole
    }

    /// The role's actions on `service`: its entry for the service, else its entry naming no service; nil when the
    /// snapshot lists none.
    package func actions(of roleCRN: String, on service: String?) -> [String]? {
        guard let entries = actionsByRole[roleCRN] else { return nil }
        return service.flatMap { entries[$0] } ?? entries[nil] ?? (entries.count == 1 ? entries.values.first : nil)
    }

    /// Whether the role carries an action matching `pattern` (`kms.secrets.*` style wildcards allowed) on `service`.
    /// A list that holds no action of the pattern's service (its first segment) does not describe that service:
    /// unknown, not no.
    package func answer(_ pattern: String, role roleCRN: String, on service: String?) -> Answer {
        matching(pattern, role: roleCRN, on: service).answer
    }

    /// The answer for a pattern, and the role's actions that match it (sorted, once each; none unless `.yes`).
    package struct Match: Sendable, Hashable {
        package let answer: Answer
        package let actions: [String]
    }

    /// `answer(_:role:on:)`, with the role's actions that match `pattern` on `service`.
    package func matching(_ pattern: String, role roleCRN: String, on service: String?) -> Match {
        guard let actions = actions(of: roleCRN, on: service) else { return Match(answer: .unknown, actions: []) }
        let matched = Set(actions.filter { Glob.matches(pattern, $0) })
        if !matched.isEmpty { return Match(answer: .yes, actions: matched.sorted()) }
        let prefix = Self.servicePrefix(of: pattern)
        return Match(answer: actions.contains { Self.servicePrefix(of: $0) == prefix } ? .no : .unknown, actions: [])
    }

    /// `kms` for `kms.secrets.read`: the segment before the first dot.
    static func servicePrefix(of action: String) -> Substring {
        action.prefix { $0 != "." }
    }
}
