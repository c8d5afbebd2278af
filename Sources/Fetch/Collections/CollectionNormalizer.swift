import Dispatch
import Snapshot

/// Brings fetched collections into snapshot file form one at a time, on a thread of its own, while the fetch goes on.
/// The work is CPU-bound (sorting and canonical serialization); on Swift's cooperative pool, which has as many threads
/// as cores, it would hold up the tasks that keep requests in flight.
struct CollectionNormalizer: Sendable {
    private let queue = DispatchQueue(label: "iamgraph.fetch.normalize", qos: .utility)

    func normalize(_ outcome: CollectionOutcome<JSONTree>) async -> CollectionOutcome<NormalizedCollection> {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: outcome.normalized()) }
        }
    }
}
