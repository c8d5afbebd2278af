/// What a findings report says about one CIS control: its status, why, and the findings behind a fail.
package struct ControlResult: Sendable, Hashable {
    /// A control's status.
    package enum Status: String, Sendable, Hashable, CaseIterable {
        /// Decided from the snapshot: nothing fails it.
        case pass
        /// Decided from the snapshot: the findings listed fail it.
        case fail
        /// Not decidable from IAM data: a person checks it.
        case manual
        /// Decidable, but not from this snapshot: a collection or report it needs is missing, forbidden or incomplete.
        case unknown
    }

    package let control: CISControl
    package let status: Status
    /// Why the control has this status (which rules decided it, or what is missing).
    package let reason: String
    /// The findings that fail it (empty unless `fail`).
    package let findings: [Finding]
}
