/// How much a finding matters, in SARIF's levels: `error` needs action, `warning` needs a look, `note` is for review.
package enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case note, warning, error

    /// `note` < `warning` < `error`.
    package static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
