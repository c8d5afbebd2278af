import Snapshot

extension Endpoint {
    /// The collections served straight from their `CollectionKind.endpoint`, without a hand-written route: every
    /// `object` collection, answered with the object the snapshot holds. Routes for lists, with their API's paging and
    /// filters, are written by hand (the other `Endpoint` extensions).
    static let catalogue: [Endpoint] = CollectionKind.allCases.filter { $0.shape == .object }.map { kind in
        Endpoint("GET", kind.endpoint.path, reads: [kind]) { context in
            .json(context.snapshot.object(kind) ?? [:])
        }
    }
}
