/// Where a `Decodable` that survives a failure of one of its parts (keeping the rest, as Model's `Lossy` does)
/// records that failure, when its decoder offers one in `userInfo[RecoveredFailures.userInfoKey]`.
///
/// `SnapshotDecoder` offers one: a document with a recovered failure is decoded again by `JSONDecoder`, so every
/// failure is described in `JSONDecoder`'s words, whichever decoder met it first.
package final class RecoveredFailures {
    /// The `userInfo` key under which a decoder offers a `RecoveredFailures`.
    package static let userInfoKey = CodingUserInfoKey(rawValue: "iamgraph.recoveredFailures")!

    /// How many failures were recovered from. Read and written only by the thread that decodes.
    package private(set) var count = 0

    init() {}

    /// Records one failure that the decoding survived.
    package func record() { count += 1 }
}
