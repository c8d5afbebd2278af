import Snapshot

/// The headline facts of a snapshot: account, time, scope, how many entities of each kind, and what is unknown.
package struct AccountSummary: Sendable {
    /// One entity kind and its count; `nil` when the collection holding it is unknown.
    package struct Row: Sendable, Equatable {
        package let label: String
        package let count: Int?
        package let note: String?
    }

    /// One thing a template manages: what (`access group`, `trusted profile`, `account settings`, `policies`), which
    /// (a name; for policies, how many), and the template.
    package struct Managed: Sendable, Equatable {
        package let what: String
        package let which: String
        package let template: TemplateMark
    }

    package let account: IAMAccount
    package let rows: [Row]
    /// What enterprise templates manage in the account: access groups, trusted profiles and the settings by name,
    /// policies counted per template and version.
    package let managed: [Managed]
    /// Collections whose content is unknown, so that more may be managed than `managed` lists.
    package let managedUnknownFrom: [CollectionKind]

    /// The rows of every collection the summary counts (`CollectionKind.registration`), in `CollectionKind` order;
    /// an unknown collection's row has no count and the reason as its note.
    package init(_ account: IAMAccount) {
        self.account = account
        rows = CollectionKind.allCases.compactMap { kind in
            guard let summary = kind.registration.summary else { return nil }
            return account.isKnown(kind) ? Row(label: summary.label, count: summary.count(account), note: summary.note(account))
                : Row(label: summary.label, count: nil, note: account.unknown[kind]?.description)
        }
        managed = Self.managed(account)
        managedUnknownFrom = TemplateManagement.sources.filter { !account.isKnown($0) }
    }

    private static func managed(_ account: IAMAccount) -> [Managed] {
        let marks = account.templateManagement
        var managed: [Managed] = []
        for group in account.accessGroups {
            if let mark = marks.groups[group.id] { managed.append(Managed(what: "access group", which: group.displayName, template: mark)) }
        }
        for profile in account.trustedProfiles {
            if let mark = marks.profiles[profile.id] {
                managed.append(Managed(what: "trusted profile", which: profile.name ?? profile.id, template: mark))
            }
        }
        if let settings = marks.settings { managed.append(Managed(what: "account settings", which: "", template: settings)) }
        var policyCounts: [TemplateMark: Int] = [:]
        for mark in marks.policies.values {
            // Counted per template and version; the assignment is not part of what a reader compares.
            policyCounts[TemplateMark(templateID: mark.templateID, templateName: mark.templateName, version: mark.version), default: 0] += 1
        }
        for (mark, count) in policyCounts.sorted(by: { ($0.key.templateID, $0.key.version ?? "") < ($1.key.templateID, $1.key.version ?? "") }) {
            managed.append(Managed(what: "policies", which: count == 1 ? "1 policy" : "\(count) policies", template: mark))
        }
        return managed
    }

    /// Collections whose content is unknown, sorted by name, with the reason.
    package var unknownCollections: [(kind: CollectionKind, reason: String)] {
        account.unknown.sorted { $0.key < $1.key }.map { ($0.key, $0.value.description) }
    }
}
