import Analysis
import Foundation

/// A snapshot diff as text in the style of `git diff`: `---`/`+++` headers naming the snapshots, then causes first —
/// an `@@ causes @@` hunk where each entity change that changed access (`+` added, `-` removed, a changed one as a
/// context line with `-`/`+` lines for its fields) is followed by the access it changed, collapsed per policy and
/// way (`-`/`+` and `->`, privileged gains marked `[privileged]`) — then effective access holder by holder (one
/// sentence per grant), then the entity changes that changed no access. Nothing when nothing changed.
package enum DiffText {
    /// The mark of a privileged gain.
    static let privilegedMark = "[privileged] "

    /// The whole text, as `write(_:sources:to:)` writes it.
    package static func render(_ diff: SnapshotDiff, sources: DiffSources) -> String {
        var data = Data()
        // Appending to `data` cannot fail.
        try? TextBlocks.write(to: { data.append($0) }) { try write(diff, sources: sources, to: &$0) }
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes the text's lines, each cleaned for a terminal and ended by a line break, to `text`; the causes and the
    /// holders' changes a run at a time on two threads (`DiffRuns`). Throws what the sink throws.
    static func write(_ diff: SnapshotDiff, sources: DiffSources, to text: inout TextBlocks) throws {
        guard !diff.isEmpty else { return }
        // The headers' parts are cleaned one by one: the tab between them stays.
        for (mark, source, side) in [("---", sources.old, diff.old), ("+++", sources.new, diff.new)] {
            try text.append("\(mark) \(TerminalText.clean(source))\t\(TerminalText.clean("\(side.accountName) · snapshot \(side.fetchedAt)"))\n")
        }
        if !diff.causes.isEmpty {
            try text.append { append("@@ causes: \(DiffWording.causeSummary(diff)); \(DiffWording.accessSummary(diff)) @@", to: &$0) }
            let runs = DiffRuns.causes(diff)
            try text.append(runs: runs.count) { run in
                var bytes: [UInt8] = []
                for index in runs[run] { appendLines(of: diff.causes[index], to: &bytes) }
                return bytes
            }
        }
        if !diff.access.isEmpty {
            try text.append { append("@@ effective access by holder: \(DiffWording.accessSummary(diff)) @@", to: &$0) }
            let runs = DiffRuns.holders(diff), words = RoleWords(diff.grants)
            try text.append(runs: runs.count) { run in
                var bytes: [UInt8] = []
                for index in runs[run] { appendLines(of: diff.access[index], words: words, to: &bytes) }
                return bytes
            }
        }
        let others = diff.entitiesWithoutAccessChange
        if !others.isEmpty {
            try text.append { append("@@ entities that changed no access: \(DiffWording.entitySummary(others)) @@", to: &$0) }
            for change in others {
                try text.append { bytes in for line in entityLines(change) { append(line, to: &bytes) } }
            }
        }
    }

    /// A line, cleaned for a terminal, and its line break.
    private static func append(_ line: String, to bytes: inout [UInt8]) {
        bytes += TerminalText.clean(line).utf8
        bytes.append(UInt8(ascii: "\n"))
    }

    /// A cause's lines: its entity change, then the access it changed, collapsed.
    private static func appendLines(of cause: DiffCause, to bytes: inout [UInt8]) {
        if let change = cause.change {
            for line in entityLines(change) { append(line, to: &bytes) }
        } else {
            append("  (cause not among the compared entities)", to: &bytes)
        }
        // The line's lead is clean ASCII and cleaning goes scalar by scalar: only the sentence is cleaned, and no line
        // is joined.
        // Through a pointer: no effect is copied (nor its references retained) for its line.
        cause.effects.withUnsafeBufferPointer { effects in
            for index in effects.indices {
                switch effects[index].direction {
                case .lost: bytes.append(borrowing: Self.lostEffectLead)
                case .gained:
                    bytes.append(borrowing: effects[index].isPrivileged ? Self.privilegedGainEffectLead : Self.gainedEffectLead)
                }
                appendSentence(of: effects[index], to: &bytes)
                bytes.append(UInt8(ascii: "\n"))
            }
        }
    }

    /// `effect`'s sentence cleaned, each part cleaned alone (`clean` goes scalar by scalar, so the cleaned parts are
    /// the cleaned sentence).
    static func appendSentence(of effect: AccessEffect, to bytes: inout [UInt8]) {
        effect.appendSentence(to: &bytes) { _ = TerminalText.append($0, to: &$1) }
    }

    /// A holder's lines: one sentence per grant lost, then per grant gained, each cleaned as it is written from its
    /// parts cleaned once (`clean` goes scalar by scalar, so the cleaned parts are the cleaned sentence): the holder's
    /// name once for its lines, each way's words once for its changes in a row, the role's once for the diff.
    private static func appendLines(of holder: IdentityAccessChanges, words: RoleWords, to bytes: inout [UInt8]) {
        var name: [UInt8] = []
        _ = TerminalText.append(holder.holder.displayName, to: &name)
        var way: (path: HeldPath, via: [UInt8])?
        func appendLine(_ change: AccessChange) {
            switch change.direction {
            case .lost: bytes.append(borrowing: Self.lostSign)
            case .gained: bytes.append(borrowing: change.isPrivileged ? Self.privilegedGainSign : Self.gainedSign)
            }
            change.sentenceLayout(for: holder.holder) { part in
                switch part {
                case .holderName: bytes.append(borrowing: name)
                case .space: bytes.append(UInt8(ascii: " "))
                case .direction: bytes.append(contentsOf: change.direction.rawValue.utf8)
                case .roleOnTarget: words.roleOnTarget.append(change.grant, to: &bytes)
                case .via:
                    if way?.path !== change.way {
                        var via: [UInt8] = []
                        _ = TerminalText.append(change.way.via, to: &via)
                        way = (change.way, via)
                    }
                    bytes.append(borrowing: way?.via ?? [])
                case .policyNote: words.policyNote.append(change.grant, to: &bytes)
                }
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        for change in holder.lost { appendLine(change) }
        for change in holder.gained { appendLine(change) }
    }

    private static let lostSign = Array("- ".utf8), gainedSign = Array("+ ".utf8)
    private static let privilegedGainSign = Array(("+ " + privilegedMark).utf8)
    private static let lostEffectLead = Array("-     -> ".utf8), gainedEffectLead = Array("+     -> ".utf8)
    private static let privilegedGainEffectLead = Array(("+     -> " + privilegedMark).utf8)

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
