/// What a findings report says about one CIS control: its status, why, and the findings behind a fail.
public struct ControlResult: Sendable, Hashable {
    /// A control's status.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Decided from the snapshot: nothing fails it.
        case pass
        /// Decided from the snapshot: the findings listed fail it.
        case fail
        /// Not decidable from IAM data: a person checks it.
        case manual
        /// Decidable, but not from this snapshot: a collection or report it needs is missing, forbidden or incomplete.
        case unknown
    }

    public let control: CISControl
    public let status: Status
    /// Why the control has this status (which rules decided it, or what is missing).
    public let reason: String
    /// The findings that fail it (empty unless `fail`).
    public let findings: [Finding]
}
