import Model

/// The `summary` command's text: the account, fetch time and scope, a count per entity kind, and the collections
/// whose content is unknown. Everything taken from the snapshot (names, ids, times, the API's messages) goes through
/// `TerminalText`.
package enum SummaryText {
    package static func render(_ summary: AccountSummary) -> String {
        let account = summary.account
        var lines = [
            "account:    \(TerminalText.clean(account.displayName)) (\(TerminalText.clean(account.accountID)))",
            "fetched at: \(TerminalText.clean(account.fetchedAt.raw))",
            "scope:      \(TerminalText.clean(account.scope.description))",
            "",
        ]
        let width = summary.rows.map(\.label.count).max() ?? 0
        for row in summary.rows {
            let count = row.count.map(String.init) ?? "unknown"
            let label = row.label.padding(toLength: width, withPad: " ", startingAt: 0)
            let padding = String(repeating: " ", count: max(0, 7 - count.count))
            lines.append("  \(label)  \(padding)\(count)" + (row.note.map { "  (\(TerminalText.clean($0)))" } ?? ""))
        }
        if !summary.managed.isEmpty || !summary.managedUnknownFrom.isEmpty {
            lines.append("")
            lines.append("managed by enterprise templates (change them through the template):")
            let whatWidth = summary.managed.map(\.what.count).max() ?? 0
            let whichWidth = summary.managed.map { TerminalText.clean($0.which).count }.max() ?? 0
            for managed in summary.managed {
                let what = managed.what.padding(toLength: whatWidth, withPad: " ", startingAt: 0)
                let which = TerminalText.clean(managed.which).padding(toLength: whichWidth, withPad: " ", startingAt: 0)
                lines.append("  \(what)  \(which)  \(TerminalText.clean(managed.template.description))")
            }
            if summary.managed.isEmpty { lines.append("  none found") }
            if !summary.managedUnknownFrom.isEmpty {
                lines.append("  (more may be: \(summary.managedUnknownFrom.map(\.name).joined(separator: ", ")) unknown)")
            }
        }
        let unknown = summary.unknownCollections
        if !unknown.isEmpty {
            lines.append("")
            lines.append("unknown collections (not empty: the snapshot could not read them):")
            lines += unknown.map { "  \($0.kind.name): \(TerminalText.clean($0.reason))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
