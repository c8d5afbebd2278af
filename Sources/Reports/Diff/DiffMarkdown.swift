import Analysis
import Foundation
import Model

/// A snapshot diff as GitHub-flavoured Markdown for a pull-request comment: a headline, the causes (each entity
/// change that changed access, with the access it changed collapsed per policy and way, privileged gains in bold),
/// the effective-access changes holder by holder in a collapsed `<details>` block, the entity changes that changed no
/// access, and the notes. Every value from the snapshots is escaped by `Markdown`.
/// Nothing when nothing changed and nothing needs a note. Written a row at a time (`TextBlocks`): a table of hundreds
/// of thousands of changes is never held whole.
package enum DiffMarkdown {
    /// The whole document, as `write(_:sources:to:)` writes it.
    package static func render(_ diff: SnapshotDiff, sources: DiffSources) -> String {
        var data = Data()
        // Appending to `data` cannot fail.
        try? TextBlocks.write(to: { data.append($0) }) { try write(diff, sources: sources, to: &$0) }
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes the document to `text`; throws what its sink throws.
    static func write(_ diff: SnapshotDiff, sources: DiffSources, to text: inout TextBlocks) throws {
        guard !diff.isEmpty || !diff.notes.isEmpty else { return }
        // Each part ends with a line break; parts are separated by a blank line.
        try text.append("### Access changes: \(Markdown.escape(diff.new.accountName))\n\n"
                        + "\(Markdown.escape(sources.old)) (snapshot \(Markdown.escape(diff.old.fetchedAt))) → "
                        + "\(Markdown.escape(sources.new)) (snapshot \(Markdown.escape(diff.new.fetchedAt)))\n\n"
                        + "**Effective access:** \(DiffWording.accessSummary(diff)). **Causes:** \(DiffWording.causeSummary(diff)). "
                        + "**Entities:** \(DiffWording.entitySummary(diff.entities)).\n")
        if !diff.causes.isEmpty {
            try text.append("\n#### Causes\n\n" + Markdown.head(["", "kind", "entity", "what changed", "access it changed"]))
            let runs = DiffRuns.causes(diff)
            try text.append(runs: runs.count) { run in
                var bytes: [UInt8] = []
                for index in runs[run] { appendRow(diff.causes[index], to: &bytes) }
                return bytes
            }
        }
        if !diff.access.isEmpty {
            let counts = diff.grantCounts
            try text.append("\n<details><summary>Effective access by holder (\(counts.gained + counts.lost) changes)</summary>\n\n"
                            + Markdown.head(["", "who", "role", "on", "via", "policy"]))
            let runs = DiffRuns.holders(diff), cells = RoleCells(diff.grants)
            try text.append(runs: runs.count) { run in
                var bytes: [UInt8] = []
                for index in runs[run] { appendRows(of: diff.access[index], cells: cells, to: &bytes) }
                return bytes
            }
            try text.append("\n</details>\n")
        }
        let others = diff.entitiesWithoutAccessChange
        if !others.isEmpty {
            try text.append("\n#### Entities that changed no access\n\n" + Markdown.head(["", "kind", "entity", "what changed"]))
            for change in others {
                try text.append { appendRow([Self.action(change.action), change.kind.title, change.label,
                                             change.fields.map(fieldText).joined(separator: "; ")], to: &$0) }
            }
        }
        if !diff.notes.isEmpty {
            try text.append("\n" + diff.notes.map { "> **Note:** " + Markdown.escape($0) + "\n" }.joined(separator: ">\n"))
        }
    }

    /// A cause's row: the entity change (or a note that it is not among the compared entities) and, in one cell,
    /// the access it changed.
    private static func appendRow(_ cause: DiffCause, to bytes: inout [UInt8]) {
        let entity = cause.change.map { [Self.action($0.action), $0.kind.title, $0.label,
                                         $0.fields.map(fieldText).joined(separator: "; ")] }
            ?? ["", "", "(cause not among the compared entities)", ""]
        bytes.append(contentsOf: "| ".utf8)
        Markdown.appendCells(entity, to: &bytes)
        bytes.append(contentsOf: Markdown.cellSeparator)
        // Each effect's line made as bytes, read in place: no effect is copied, no `String` made of its line.
        cause.effects.withUnsafeBufferPointer { effects in
            appendLines(count: effects.count, to: &bytes) { index, line in appendLine(of: effects[index], to: &line) }
        }
        bytes.append(contentsOf: " |\n".utf8)
    }

    /// One table row, every cell escaped: what `Markdown.row` makes, appended to `bytes`.
    private static func appendRow(_ cells: [String], to bytes: inout [UInt8]) {
        bytes.append(contentsOf: "| ".utf8)
        Markdown.appendCells(cells, to: &bytes)
        bytes.append(contentsOf: " |\n".utf8)
    }

    /// Appends `count` lines, each made as UTF-8 by `line` given its index, as one cell, exactly as `Markdown.append`
    /// appends them joined by line breaks, but escaping each line alone, so that a cell of many lines takes the fast
    /// way for each. A line that ends in a carriage return would make one break of it and the next line break
    /// (`\r\n`), so it is escaped together with the next line (a carriage return is a character of its own unless a
    /// line feed follows it, so a line ends in one when its last byte is one).
    static func appendLines(count: Int, to bytes: inout [UInt8], line: (Int, inout [UInt8]) -> Void) {
        var pending: [UInt8] = [], hasPending = false
        for index in 0..<count {
            if hasPending {
                if pending.last == UInt8(ascii: "\r") {
                    pending.append(UInt8(ascii: "\n"))
                    line(index, &pending)
                    continue
                }
                pending.withUnsafeBufferPointer { Markdown.append(utf8: $0, to: &bytes) }
                bytes.append(contentsOf: "<br>".utf8)
                pending.removeAll(keepingCapacity: true)
            }
            line(index, &pending)
            hasPending = true
        }
        if hasPending { pending.withUnsafeBufferPointer { Markdown.append(utf8: $0, to: &bytes) } }
    }

    /// "+ [privileged] 4 members of access group Developers gained Manager on …" as UTF-8 (escaped by the table).
    static func appendLine(of effect: AccessEffect, to line: inout [UInt8]) {
        switch effect.direction {
        case .lost: line += "- ".utf8
        case .gained: line += effect.isPrivileged ? "+ [privileged] ".utf8 : "+ ".utf8
        }
        effect.appendSentence(to: &line) { $1 += $0.utf8 }
    }

    /// A holder's effective-access rows, one per grant lost, then gained: direction, who, role, on what (with the
    /// condition), via what, policy — the cells of each role escaped once for the diff (`RoleCells`), those of the
    /// holder and of each way once for the holder's rows.
    private static func appendRows(of holder: IdentityAccessChanges, cells: RoleCells, to bytes: inout [UInt8]) {
        var name: [UInt8] = []
        Markdown.append(holder.holder.displayName, to: &name)
        var way: (path: HeldPath, cell: [UInt8])?
        func appendRow(_ change: AccessChange) {
            if way?.path !== change.way {
                var cell: [UInt8] = []
                Markdown.append(change.way.words, to: &cell)
                way = (change.way, cell)
            }
            bytes.append(contentsOf: "| ".utf8)
            switch change.direction {
            case .lost: bytes.append(borrowing: cells.lost)
            case .gained: bytes.append(borrowing: change.isPrivileged ? cells.privilegedGain : cells.gained)
            }
            bytes.append(borrowing: cells.separator)
            bytes.append(borrowing: name)
            bytes.append(borrowing: cells.separator)
            cells.roleAndTarget.append(change.grant, to: &bytes)
            bytes.append(borrowing: cells.separator)
            bytes.append(borrowing: way?.cell ?? [])
            bytes.append(borrowing: cells.separator)
            cells.policy.append(change.grant, to: &bytes)
            bytes.append(contentsOf: " |\n".utf8)
        }
        // Through pointers, lost then gained: no change is copied (nor its role and way retained) for its row.
        for changes in [holder.lost, holder.gained] {
            changes.withUnsafeBufferPointer { changes in
                for index in changes.indices { appendRow(changes[index]) }
            }
        }
    }

    /// The cells of each role a diff describes (`SnapshotDiff.grants`), escaped once, by `GrantedRole.number`:
    /// "role | on what" (the target and condition) and "policy" (its id's first 8 characters). Made on two threads
    /// before the rows, and shared read-only by the threads that write them.
    struct RoleCells: Sendable {
        /// Each grant's "role | on what".
        let roleAndTarget: PerGrantBytes
        /// Each grant's "policy".
        let policy: PerGrantBytes
        /// The direction cells of a lost, a gained and a privileged gained grant, escaped once.
        let lost = Self.escaped("- lost"), gained = Self.escaped("+ gained"), privilegedGain = Self.escaped("+ gained [privileged]")
        /// `Markdown.cellSeparator`.
        let separator = Markdown.cellSeparator

        init(_ grants: [GrantedRole]) {
            roleAndTarget = PerGrantBytes(grants, Self.roleAndTarget)
            policy = PerGrantBytes(grants, Self.policy)
        }

        private static func escaped(_ text: String) -> [UInt8] {
            var bytes: [UInt8] = []
            Markdown.append(text, to: &bytes)
            return bytes
        }

        private static func roleAndTarget(_ grant: GrantedRole) -> [UInt8] {
            var bytes: [UInt8] = []
            Markdown.appendCells([grant.role, grant.targetLabel + (grant.condition.map { ", only when \($0)" } ?? "")],
                                 to: &bytes)
            return bytes
        }

        private static func policy(_ grant: GrantedRole) -> [UInt8] {
            var bytes: [UInt8] = []
            Markdown.append(String(grant.policyID.prefix(8)), to: &bytes)
            return bytes
        }
    }

    /// "roles: + Manager, − Editor", "state: active → deleted".
    private static func fieldText(_ change: EntityChange.FieldChange) -> String {
        switch change {
        case .value(let field, let old, let new):
            "\(field): \(old ?? "(none)") → \(new ?? "(none)")"
        case .elements(let field, let added, let removed):
            "\(field): " + (added.map { "+ \($0)" } + removed.map { "− \($0)" }).joined(separator: ", ")
        }
    }

    private static func action(_ action: EntityChange.Action) -> String {
        switch action {
        case .added: "+ added"
        case .removed: "- removed"
        case .changed: "± changed"
        }
    }
}
