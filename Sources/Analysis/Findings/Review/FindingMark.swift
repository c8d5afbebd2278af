/// Whether a finding was in the baseline report.
package enum BaselineState: String, Sendable, Hashable {
    /// Not in the baseline.
    case new
    /// In the baseline too.
    case unchanged
}

/// What the ignore file and the baseline say about one finding.
package struct FindingMark: Sendable, Hashable {
    /// The suppression that matches it: holding (the finding is in `FindingsReport.suppressed`) or expired (the
    /// finding is active again).
    package var suppression: Suppression?
    /// New or unchanged, when the report has a baseline.
    package var baseline: BaselineState?
}
