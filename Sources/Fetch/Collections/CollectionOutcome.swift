import Snapshot

/// What fetching one collection produced — its content (as the API gave it, then in snapshot file form), or why it
/// is unavailable.
package struct CollectionOutcome<Content: Sendable>: Sendable {
    let kind: CollectionKind
    let source: SnapshotWriter.Source
    package let result: Result<Content, CollectionFailure>
    /// A remark for the manifest of an `ok` collection (e.g. the v1 policy listing failed).
    package var remark: String?

    package init(kind: CollectionKind, source: SnapshotWriter.Source, result: Result<Content, CollectionFailure>,
                 remark: String? = nil) {
        self.kind = kind
        self.source = source
        self.result = result
        self.remark = remark
    }
}

extension CollectionOutcome where Content == JSONTree {
    /// The same outcome with its content in snapshot file form (sorted, canonical bytes); content without the
    /// collection's shape makes the collection `failed`.
    package func normalized() -> CollectionOutcome<NormalizedCollection> {
        let file = result.flatMap { content -> Result<NormalizedCollection, CollectionFailure> in
            do {
                return .success(try NormalizedCollection(kind, content: content.value))
            } catch {
                return .failure(.failed(200, "unexpected response shape: \(error)"))
            }
        }
        return CollectionOutcome<NormalizedCollection>(kind: kind, source: source, result: file, remark: remark)
    }
}
