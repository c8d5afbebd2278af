import Analysis

/// A snapshot diff as GitHub-flavoured Markdown for a pull-request comment: a headline, the causes (each entity
/// change that changed access, with the access it changed collapsed per policy and way, privileged gains in bold),
/// the effective-access changes holder by holder in a collapsed `<details>` block, the entity changes that changed no
/// access, and the notes. Every value from the snapshots is escaped by `Markdown`.
/// Nothing when nothing changed and nothing needs a note.
public enum DiffMarkdown {
    public static func render(_ diff: SnapshotDiff, sources: DiffSources) -> String {
        guard !diff.isEmpty || !diff.notes.isEmpty else { return "" }
        // Each part ends with a line break; parts are separated by a blank line.
        var parts = [
            "### Access changes: \(Markdown.escape(diff.new.accountName))\n",
            "\(Markdown.escape(sources.old)) (snapshot \(Markdown.escape(diff.old.fetchedAt))) → "
                + "\(Markdown.escape(sources.new)) (snapshot \(Markdown.escape(diff.new.fetchedAt)))\n",
            "**Effective access:** \(DiffWording.accessSummary(diff)). **Causes:** \(DiffWording.causeSummary(diff)). "
                + "**Entities:** \(DiffWording.entitySummary(diff.entities)).\n",
        ]
        if !diff.causes.isEmpty {
            let rows = diff.causes.map { cause in
                let entity = cause.change.map { [Self.action($0.action), $0.kind.title, $0.label,
                                                 $0.fields.map(fieldText).joined(separator: "; ")] }
                    ?? ["", "", "(cause not among the compared entities)", ""]
                return entity + [cause.effects.map(effectText).joined(separator: "\n")]
            }
            parts.append("#### Causes\n\n"
                         + Markdown.table(["", "kind", "entity", "what changed", "access it changed"], rows))
        }
        if !diff.access.isEmpty {
            let rows = diff.access.flatMap { holder in (holder.lost + holder.gained).map { row($0, of: holder.holder) } }
            parts.append("<details><summary>Effective access by holder (\(rows.count) changes)</summary>\n\n"
                         + Markdown.table(["", "who", "role", "on", "via", "policy"], rows) + "\n</details>\n")
        }
        let others = diff.entitiesWithoutAccessChange
        if !others.isEmpty {
            let rows = others.map { change in
                [Self.action(change.action), change.kind.title, change.label,
                 change.fields.map(fieldText).joined(separator: "; ")]
            }
            parts.append("#### Entities that changed no access\n\n"
                         + Markdown.table(["", "kind", "entity", "what changed"], rows))
        }
        if !diff.notes.isEmpty {
            parts.append(diff.notes.map { "> **Note:** " + Markdown.escape($0) + "\n" }.joined(separator: ">\n"))
        }
        return parts.joined(separator: "\n")
    }

    /// "+ [privileged] 4 members of access group Developers gained Manager on …" (escaped by the table).
    private static func effectText(_ effect: AccessEffect) -> String {
        (effect.direction == .gained ? "+ " : "- ") + (effect.direction == .gained && effect.isPrivileged ? "[privileged] " : "")
            + effect.sentence()
    }

    /// One effective-access row: direction, who, role, on what (with the condition), via what, policy.
    private static func row(_ change: AccessChange, of holder: AccessHolder) -> [String] {
        let on = change.targetLabel + (change.condition.map { ", only when \($0)" } ?? "")
        let via = change.path.isEmpty ? "directly" : change.path.pathDescription
        let direction = change.direction == .gained ? (change.isPrivileged ? "+ gained [privileged]" : "+ gained") : "- lost"
        return [direction, holder.displayName, change.role, on, via,
                String(change.policyID.prefix(8))]
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
