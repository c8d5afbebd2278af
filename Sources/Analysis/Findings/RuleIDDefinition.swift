import Snapshot

/// What a `RuleID` says about its rule, read from the rule's type (`definition`, generated with the cases).
extension RuleID: RawRepresentable, Codable {
    /// The stable rule id, as the rule declares it.
    package var rawValue: String { definition.id }

    /// The rule of this id, if there is one.
    package init?(rawValue: String) {
        guard let rule = Self.byRawValue[rawValue] else { return nil }
        self = rule
    }

    /// Every rule by its id. The generator refuses duplicate ids, so keeping the first loses nothing.
    private static let byRawValue = Dictionary(allCases.map { ($0.rawValue, $0) }, uniquingKeysWith: { first, _ in first })

    /// How severe the rule's findings are (SARIF's `defaultConfiguration.level`).
    package var severity: Severity { definition.severity }
    /// A short title, the same for every finding of the rule.
    package var title: String { definition.title }
    /// What a finding of the rule means.
    package var summary: String { definition.summary }
    /// How to fix what the rule finds.
    package var fix: String { definition.fix }
    /// Collections without which the rule cannot be evaluated: when one is unknown, the rule is skipped.
    package var requires: Set<CollectionKind> { definition.requires }
    /// Collections the rule also reads: when one is unknown, the rule runs but may miss findings.
    package var alsoReads: Set<CollectionKind> { definition.alsoReads }
    /// Whether the rule costs as much as many others together, and so is started first.
    var isCostly: Bool { definition.isCostly }
}
