import Analysis

/// The words the text and Markdown diff reports share: the headline counts.
enum DiffWording {
    /// "5 grants gained, 7 lost, for 6 holders".
    static func accessSummary(_ diff: SnapshotDiff) -> String {
        let counts = diff.grantCounts
        return "\(counts.gained) \(counts.gained == 1 ? "grant" : "grants") gained, \(counts.lost) lost, for "
            + "\(diff.access.count) \(diff.access.count == 1 ? "holder" : "holders")"
    }

    /// "1 added, 2 removed, 1 changed".
    static func entitySummary(_ diff: SnapshotDiff) -> String {
        [EntityChange.Action.added, .removed, .changed].map { "\(diff.entityCount($0)) \($0.rawValue)" }
            .joined(separator: ", ")
    }
}
