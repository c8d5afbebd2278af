import Model

/// A context-based-restrictions rule on what a grant reaches (or on one instance): requests to the resources it names
/// are allowed only from the rule's network zones when the rule is enforced, whoever holds the access.
package struct NetworkRestriction: Sendable, Hashable {
    package let rule: CBRRule
    /// The zones the rule allows, by id, with their names when the snapshot holds them.
    package let zones: [(id: String, name: String?)]
    /// Whether the rule protects only part of what the grant reaches (one instance of a service-wide grant, a
    /// resource type inside an instance, or an attribute iamgraph does not evaluate).
    package let partial: Bool

    package init(rule: CBRRule, zones: [(id: String, name: String?)], partial: Bool) {
        self.rule = rule
        self.zones = zones
        self.partial = partial
    }

    /// Whether the rule refuses every request from outside its zones to all of it: enforced and not partial.
    package var restrictsAll: Bool {
        switch rule.enforcementMode {
        case .enabled: !partial
        case .report, .disabled: false
        }
    }

    /// The rule in a few words, the same on maps and in tables: its mode and how much it covers, the zones it
    /// allows, then the rule's id and description, e.g. "enforced: only from office-network, ci-runners (CBR rule
    /// c3e5a7b9…, key-protect-prod only from the office and CI)".
    package var summary: String {
        let mode = switch rule.enforcementMode {
        case .enabled: partial ? "enforced on part of it" : "enforced"
        case .report: partial ? "report-only (not enforced), on part of it" : "report-only (not enforced)"
        case .disabled: partial ? "disabled (not enforced), on part of it" : "disabled (not enforced)"
        }
        let allowed = zones.isEmpty ? "no zone" : zones.map { $0.name ?? $0.id }.joined(separator: ", ")
        return "\(mode): only from \(allowed) (CBR rule \(rule.id)\(rule.description.map { ", \($0)" } ?? ""))"
    }

    package static func == (a: Self, b: Self) -> Bool {
        a.rule == b.rule && a.partial == b.partial && a.zones.map(\.id) == b.zones.map(\.id)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        hasher.combine(partial)
        hasher.combine(zones.map(\.id))
    }
}
