import Snapshot

/// Decodes an item without failing its container: a bad item becomes an error (with its full coding path) and the
/// items around it still load. The failure is recorded where the decoder offers (`RecoveredFailures`), so that
/// `SnapshotDecoder` describes it in `JSONDecoder`'s words.
package struct Lossy<Value: Decodable>: Decodable {
    package let result: Result<Value, any Error>

    package init(from decoder: any Decoder) throws {
        do {
            result = .success(try Value(from: decoder))
        } catch {
            (decoder.userInfo[RecoveredFailures.userInfoKey] as? RecoveredFailures)?.record()
            result = .failure(error)
        }
    }
}
