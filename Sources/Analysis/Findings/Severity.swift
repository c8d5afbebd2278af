/// How much a finding matters, in SARIF's levels: `error` needs action, `warning` needs a look, `note` is for review.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case note, warning, error

    /// `note` < `warning` < `error`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
