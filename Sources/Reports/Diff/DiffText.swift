import Analysis

/// A snapshot diff as text in the style of `git diff`: `---`/`+++` headers naming the snapshots, then causes first —
/// an `@@ causes @@` hunk where each entity change that changed access (`+` added, `-` removed, a changed one as a
/// context line with `-`/`+` lines for its fields) is followed by the access it changed, collapsed per policy and
/// way (`-`/`+` and `->`, privileged gains marked `[privileged]`) — then effective access holder by holder (one
/// sentence per grant), then the entity changes that changed no access. Nothing when nothing changed.
public enum DiffText {
    /// The mark of a privileged gain.
    static let privilegedMark = "[privileged] "

    public static func render(_ diff: SnapshotDiff, sources: DiffSources) -> String {
        guard !diff.isEmpty else { return "" }
        var lines: [String] = []
        if !diff.causes.isEmpty {
            lines.append("@@ causes: \(DiffWording.causeSummary(diff)); \(DiffWording.accessSummary(diff)) @@")
            for cause in diff.causes {
                if let change = cause.change {
                    lines += entityLines(change)
                } else {
                    lines.append("  (cause not among the compared entities)")
                }
                lines += cause.effects.map { effect in
                    sign(effect.direction) + "     -> " + (effect.direction == .gained && effect.isPrivileged ? privilegedMark : "")
                        + effect.sentence()
                }
            }
        }
        if !diff.access.isEmpty {
            lines.append("@@ effective access by holder: \(DiffWording.accessSummary(diff)) @@")
            for holder in diff.access {
                lines += holder.lost.map { "- " + $0.sentence(for: holder.holder) }
                lines += holder.gained.map { "+ " + ($0.isPrivileged ? privilegedMark : "") + $0.sentence(for: holder.holder) }
            }
        }
        let others = diff.entitiesWithoutAccessChange
        if !others.isEmpty {
            lines.append("@@ entities that changed no access: \(DiffWording.entitySummary(others)) @@")
            lines += others.flatMap(entityLines)
        }
        let header = [("---", sources.old, diff.old), ("+++", sources.new, diff.new)].map { mark, source, side in
            "\(mark) \(TerminalText.clean(source))\t\(TerminalText.clean("\(side.accountName) · snapshot \(side.fetchedAt)"))"
        }
        return (header + lines.map(TerminalText.clean)).joined(separator: "\n") + "\n"
    }

    private static func sign(_ direction: AccessChange.Direction) -> String {
        switch direction {
        case .gained: "+"
        case .lost: "-"
        }
    }

    /// An entity change: `+`/`-` for an added or removed one, a context line and its fields' lines for a changed one.
    private static func entityLines(_ change: EntityChange) -> [String] {
        let line = "\(change.kind.title) \(change.label)"
        switch change.action {
        case .added: return ["+ " + line]
        case .removed: return ["- " + line]
        case .changed: return ["  " + line] + change.fields.flatMap(fieldLines)
        }
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
