import Analysis

/// The words the text and Markdown diff reports share: the headline counts.
enum DiffWording {
    /// "5 grants gained (2 privileged), 7 lost, for 6 holders".
    static func accessSummary(_ diff: SnapshotDiff) -> String {
        let counts = diff.grantCounts, privileged = diff.privilegedGains
        return "\(counts.gained) \(counts.gained == 1 ? "grant" : "grants") gained"
            + (privileged > 0 ? " (\(privileged) privileged)" : "") + ", \(counts.lost) lost, for "
            + "\(diff.access.count) \(diff.access.count == 1 ? "holder" : "holders")"
    }

    /// "3 entity changes changed access (1 gains privilege)".
    static func causeSummary(_ diff: SnapshotDiff) -> String {
        let count = diff.causes.filter { $0.change != nil }.count
        let privileged = diff.causes.filter(\.gainsPrivilege).count
        return "\(count) entity \(count == 1 ? "change" : "changes") changed access"
            + (privileged > 0 ? " (\(privileged) \(privileged == 1 ? "gives" : "give") privileged roles)" : "")
    }

    /// "1 added, 2 removed, 1 changed".
    static func entitySummary(_ changes: [EntityChange]) -> String {
        [EntityChange.Action.added, .removed, .changed].map { action in
            "\(changes.lazy.filter { $0.action == action }.count) \(action.rawValue)"
        }.joined(separator: ", ")
    }
}
