import Foundation

/// Where a snapshot went.
package enum SnapshotPlacement: Sendable, Equatable {
    /// At the destination: created, or replacing what was there.
    case inPlace
    /// Beside the destination, which was left as it was because the new snapshot is partial and `reason`.
    case beside(URL, reason: KeptReason)

    /// Why a partial snapshot did not replace the one in place.
    package enum KeptReason: Sendable, Equatable {
        /// The snapshot in place holds these collections (manifest names), which the new one lacks.
        case wouldLose([String])
        /// The snapshot in place has a manifest that cannot be read, so what it holds is unknown.
        case unreadableManifest
        /// The snapshot in place covers this scope (the account, or another identity), and the new one covers only
        /// one identity: replacing it would lose everyone else's access.
        case otherScope(Manifest.Scope)
    }
}
