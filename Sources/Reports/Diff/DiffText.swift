import Analysis

/// A snapshot diff as text in the style of `git diff`: `---`/`+++` headers naming the snapshots, then causes first —
/// an `@@ causes @@` hunk where each entity change that changed access (`+` added, `-` removed, a changed one as a
/// context line with `-`/`+` lines for its fields) is followed by the access it changed, collapsed per policy and
/// way (`-`/`+` and `->`, privileged gains marked `[privileged]`) — then effective access holder by holder (one
/// sentence per grant), then the entity changes that changed no access. Nothing when nothing changed.
package enum DiffText {
    /// The mark of a privileged gain.
    static let privilegedMark = "[privileged] "

    package static func render(_ diff: SnapshotDiff, sources: DiffSources) -> String {
        var text = ""
        lines(diff, sources: sources) { text += $0 + "\n" }
        return text
    }

    /// Hands the text's lines (without their line breaks) to `line` one at a time, as `render` joins them.
    package static func lines(_ diff: SnapshotDiff, sources: DiffSources, _ line: (String) throws -> Void) rethrows {
        guard !diff.isEmpty else { return }
        for (mark, source, side) in [("---", sources.old, diff.old), ("+++", sources.new, diff.new)] {
            try line("\(mark) \(TerminalText.clean(source))\t\(TerminalText.clean("\(side.accountName) · snapshot \(side.fetchedAt)"))")
        }
        if !diff.causes.isEmpty {
            try line(TerminalText.clean("@@ causes: \(DiffWording.causeSummary(diff)); \(DiffWording.accessSummary(diff)) @@"))
            for cause in diff.causes {
                if let change = cause.change {
                    for text in entityLines(change) { try line(TerminalText.clean(text)) }
                } else {
                    try line(TerminalText.clean("  (cause not among the compared entities)"))
                }
                for effect in cause.effects {
                    try line(TerminalText.clean(sign(effect.direction) + "     -> "
                             + (effect.direction == .gained && effect.isPrivileged ? privilegedMark : "") + effect.sentence()))
                }
            }
        }
        if !diff.access.isEmpty {
            try line(TerminalText.clean("@@ effective access by holder: \(DiffWording.accessSummary(diff)) @@"))
            for holder in diff.access {
                let name = holder.holder.displayName
                for change in holder.lost { try line(TerminalText.clean("- " + change.sentence(for: holder.holder, named: name))) }
                for change in holder.gained {
                    try line(TerminalText.clean("+ " + (change.isPrivileged ? privilegedMark : "")
                                                + change.sentence(for: holder.holder, named: name)))
                }
            }
        }
        let others = diff.entitiesWithoutAccessChange
        if !others.isEmpty {
            try line(TerminalText.clean("@@ entities that changed no access: \(DiffWording.entitySummary(others)) @@"))
            for change in others {
                for text in entityLines(change) { try line(TerminalText.clean(text)) }
            }
        }
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
