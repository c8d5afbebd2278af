import Snapshot

/// A report of the volatile area (`--with-activity`, `--with-mfa-report`) that the snapshot a fetch replaced held and
/// the new one does not. The new snapshot replaces the old one's files as a whole, and a report is never carried over
/// from an older fetch: it would describe the account at another time than the manifest's `fetched_at` says, and a
/// stale MFA report would decide the MFA controls. So the fetch says what it removed and why, instead of dropping a
/// committed file silently.
package struct RemovedReport: Sendable, Equatable {
    package let kind: IdentityReportFetch.Kind
    /// Whether this fetch asked for the report and could not read it, rather than running without its option.
    package let asked: Bool

    /// The line for stderr, e.g. "volatile/mfa.json, the MFA enrolment report of the snapshot replaced, was removed: …".
    package var message: String {
        "\(kind.volatile.file), the \(kind.title) of the snapshot replaced, was removed: "
            + (asked ? "this fetch could not read a new one" : "this fetch ran without \(kind.option)")
            + "; a report is never carried over from an older fetch (git keeps the old one if it was committed)"
    }

    /// The reports `previous` (the manifest of the snapshot replaced) had and `written` has not; `asked` are those
    /// this fetch asked for.
    static func list(previous: Manifest?, written: Manifest, asked: Set<IdentityReportFetch.Kind>) -> [RemovedReport] {
        guard let previous else { return [] }
        return IdentityReportFetch.Kind.allCases
            .filter { previous.volatile[$0.volatile.key] != nil && written.volatile[$0.volatile.key] == nil }
            .map { RemovedReport(kind: $0, asked: asked.contains($0)) }
    }
}
