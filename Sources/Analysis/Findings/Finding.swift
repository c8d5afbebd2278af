import Snapshot

/// One thing the findings report flags: which rule, about which entities, and why, in one line.
package struct Finding: Sendable, Hashable {
    /// The rule that fired.
    package let rule: RuleID
    /// The entities involved; the first is the one the finding is about.
    package let entities: [FindingEntity]
    /// One line saying why the rule fired for these entities.
    package let why: String
    /// How severe the finding is: the rule's severity, or less for a rule whose findings differ (e.g.
    /// `privilege-escalation` to a target short of account administration is a warning).
    package let severity: Severity
    /// A finding of `rule` about `entities` (the one it is about first), with the reason; as severe as the rule
    /// unless `severity` says less.
    package init(_ rule: RuleID, entities: [FindingEntity], why: String, severity: Severity? = nil) {
        self.rule = rule
        self.entities = entities
        self.why = why
        self.severity = severity.map { min($0, rule.severity) } ?? rule.severity
    }

    /// The snapshot collection whose file holds the first entity. (Rules about something that does not exist, such
    /// as a deleted instance, put the policy naming it first.)
    package var location: CollectionKind? { entities.first?.collection }

    /// The finding's identity within its rule, stable across fetches: its entities as "kind/id", joined by "|"
    /// (SARIF's `partialFingerprints`; baselines compare rule and fingerprint).
    package var fingerprint: String {
        var text = ""
        fingerprint { text += $0 }
        return text
    }

    /// Hands `fingerprint`'s text to `part` in pieces, for a writer that escapes it as it goes (SARIF's results)
    /// rather than making a string per finding.
    package func fingerprint(parts part: (String) -> Void) {
        for (position, entity) in entities.enumerated() {
            if position > 0 { part("|") }
            part(entity.kind.rawValue)
            part("/")
            part(entity.id)
        }
    }

    /// The rule's title.
    package var title: String { rule.title }
}
