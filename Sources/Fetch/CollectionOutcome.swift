import Snapshot

/// What fetching one collection produced: its content in the snapshot's shape, or why it is unavailable.
struct CollectionOutcome: Sendable {
    let kind: CollectionKind
    let source: SnapshotWriter.Source
    let result: Result<JSONTree, CollectionFailure>
    /// A remark for the manifest of an `ok` collection (e.g. the v1 policy listing failed).
    var remark: String? = nil
}
