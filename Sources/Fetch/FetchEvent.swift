import Snapshot

/// What a fetch reports as it goes (the CLI shows it on stderr).
package enum FetchEvent: Sendable {
    /// A request is being retried, and why (never with credentials).
    case retry(endpoint: String, reason: String, delay: Double)
    /// A collection is complete, forbidden or failed.
    case collection(CollectionKind, status: Manifest.Status, items: Int, message: String?)
    /// Something worth a line that is not an error.
    case note(String)
}
