/// The part of a snapshot that changes on every fetch, kept in `volatile/` so the rest stays diff-quiet.
package enum VolatileArea {
    package static let directory = "volatile"
    /// Manifest key and file of the policies' usage fields.
    package static let policyUsage = (key: "policy_usage", file: "volatile/policy-usage.json")
    /// Manifest key and file of the identity activity report.
    package static let activity = (key: "activity", file: "volatile/activity.json")
    /// Manifest key and file of the MFA enrolment report.
    package static let mfa = (key: "mfa", file: "volatile/mfa.json")
    /// The file of each manifest key of the volatile area.
    package static let files = [policyUsage.key: policyUsage.file, activity.key: activity.file, mfa.key: mfa.file]
    /// The policy fields that move to `policy-usage.json`.
    package static let policyUsageFields = ["last_permit_at", "last_permit_frequency"]
}
