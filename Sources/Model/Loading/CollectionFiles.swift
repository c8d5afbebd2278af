import Foundation
import Snapshot

/// The collection files of a snapshot being decoded, each handed out once. The decoder that takes a file holds its
/// only copy, so the file's bytes are freed as soon as it is decoded rather than when the whole account is: a large
/// snapshot's raw files (115 MB on L) are never all held beside the account being built from them.
///
/// Shared by the loader's decoders, which run on two threads; `@unchecked Sendable` because `files` is only touched
/// under `lock`.
final class CollectionFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [CollectionKind: Data]

    init(_ files: [CollectionKind: Data]) { self.files = files }

    /// The bytes of `kind`'s file, given up: no later call returns them. `nil` when the snapshot has no readable file
    /// for `kind`, or it was taken already.
    func take(_ kind: CollectionKind) -> Data? {
        lock.withLock { files.removeValue(forKey: kind) }
    }

    /// Whether `kind`'s file is still there to take.
    func holds(_ kind: CollectionKind) -> Bool {
        lock.withLock { files[kind] != nil }
    }
}
