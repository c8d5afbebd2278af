import Analysis

/// A snapshot diff as text in the style of `git diff`: `---`/`+++` headers naming the snapshots, an `@@` hunk for
/// effective access (one sentence per grant, `-` lost, `+` gained) and one for entities (`+` added, `-` removed;
/// a changed entity is a context line followed by `-`/`+` lines for its fields). Nothing when nothing changed.
public enum DiffText {
    public static func render(_ diff: SnapshotDiff, sources: DiffSources) -> String {
        guard !diff.isEmpty else { return "" }
        var lines: [String] = []
        if !diff.access.isEmpty {
            lines.append("@@ effective access: \(DiffWording.accessSummary(diff)) @@")
            for holder in diff.access {
                lines += holder.lost.map { "- " + $0.sentence(for: holder.holder) }
                lines += holder.gained.map { "+ " + $0.sentence(for: holder.holder) }
            }
        }
        if !diff.entities.isEmpty {
            lines.append("@@ entities: \(DiffWording.entitySummary(diff)) @@")
            for change in diff.entities {
                let line = "\(change.kind.title) \(change.label)"
                switch change.action {
                case .added: lines.append("+ " + line)
                case .removed: lines.append("- " + line)
                case .changed:
                    lines.append("  " + line)
                    lines += change.fields.flatMap(fieldLines)
                }
            }
        }
        let header = [("---", sources.old, diff.old), ("+++", sources.new, diff.new)].map { mark, source, side in
            "\(mark) \(TerminalText.clean(source))\t\(TerminalText.clean("\(side.accountName) · snapshot \(side.fetchedAt)"))"
        }
        return (header + lines.map(TerminalText.clean)).joined(separator: "\n") + "\n"
    }

    /// `-`/`+` lines of one changed field, indented under its entity.
    private static func fieldLines(_ change: EntityChange.FieldChange) -> [String] {
        switch change {
        case .value(let field, let old, let new):
            ["-     \(field): \(old ?? "(none)")", "+     \(field): \(new ?? "(none)")"]
        case .elements(let field, let added, let removed):
            removed.map { "-     \(field): \($0)" } + added.map { "+     \(field): \($0)" }
        }
    }
}
