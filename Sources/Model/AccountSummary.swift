import Snapshot

/// The headline facts of a snapshot: account, time, scope, how many entities of each kind, and what is unknown.
public struct AccountSummary: Sendable {
    /// One entity kind and its count; `nil` when the collection holding it is unknown.
    public struct Row: Sendable, Equatable {
        public let label: String
        public let count: Int?
        public let note: String?
    }

    public let account: IAMAccount
    public let rows: [Row]

    /// The rows of every collection the summary counts (`CollectionKind.registration`), in `CollectionKind` order;
    /// an unknown collection's row has no count and the reason as its note.
    public init(_ account: IAMAccount) {
        self.account = account
        rows = CollectionKind.allCases.compactMap { kind in
            guard let summary = kind.registration.summary else { return nil }
            return account.isKnown(kind) ? Row(label: summary.label, count: summary.count(account), note: summary.note(account))
                : Row(label: summary.label, count: nil, note: account.unknown[kind]?.description)
        }
    }

    /// Collections whose content is unknown, sorted by name, with the reason.
    public var unknownCollections: [(kind: CollectionKind, reason: String)] {
        account.unknown.sorted { $0.key < $1.key }.map { ($0.key, $0.value.description) }
    }
}
