/// Values that recur in a document (an effect's holders and roles, listed again in effect after effect), each written
/// once at one nesting level and then appended from the bytes kept for it, found by a key that is cheap to make
/// (`StringIdentity`). One for each writing thread: nothing in it is shared. At most `limit` bytes are kept, then all
/// are forgotten and written again.
struct WrittenBytes<Key: Hashable> {
    private static var limit: Int { 16 << 20 }
    /// The kept values' bytes, one after another.
    private var bytes: [UInt8] = []
    /// Where each key's bytes are in `bytes`.
    private var ranges: [Key: Range<Int>] = [:]
    /// The nesting level the kept bytes were written at.
    private var depth = -1

    /// Appends the value `key` stands for to `json`: the bytes kept for `key` when there are some, else `value()`
    /// written and its bytes kept. Keys must stand for equal values at least as long as this lives.
    mutating func write(_ key: Key, to json: inout JSONWriter, _ value: () -> some JSONWritable) throws {
        if json.depth != depth { forget(at: json.depth) }
        if let range = ranges[key] {
            bytes.withUnsafeBufferPointer { json.append(written: UnsafeBufferPointer(rebasing: $0[range])) }
            return
        }
        let written = try JSONWriter.bytes(of: value(), depth: depth)
        if bytes.count + written.count > Self.limit { forget(at: depth) }
        ranges[key] = bytes.count..<bytes.count + written.count
        bytes.append(contentsOf: written)
        json.append(written: written)
    }

    private mutating func forget(at depth: Int) {
        bytes.removeAll(keepingCapacity: true)
        ranges.removeAll(keepingCapacity: true)
        self.depth = depth
    }
}
