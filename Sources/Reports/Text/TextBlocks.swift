import Foundation

/// Text handed to a sink about a megabyte at a time, as UTF-8: a report of hundreds of thousands of lines is never
/// held whole, neither as a `String` nor as the `Data` written.
struct TextBlocks {
    private var bytes: [UInt8] = []
    private let sink: (Data) throws -> Void

    /// How many bytes are collected before they are handed to the sink.
    private static let blockSize = 1 << 20

    private init(sink: @escaping (Data) throws -> Void) {
        self.sink = sink
        bytes.reserveCapacity(Self.blockSize + Self.blockSize / 2)
    }

    /// Calls `body` with blocks that go to `sink`, then hands over what is left; throws what `sink` throws.
    static func write(to sink: (Data) throws -> Void, _ body: (inout TextBlocks) throws -> Void) throws {
        try withoutActuallyEscaping(sink) { sink in
            var blocks = TextBlocks(sink: sink)
            try body(&blocks)
            try blocks.flush()
        }
    }

    /// Appends `text` (already cleaned or escaped for its format); a full block goes to the sink.
    mutating func append(_ text: String) throws {
        bytes.append(contentsOf: text.utf8)
        if bytes.count >= Self.blockSize { try flush() }
    }

    /// Appends what `write` appends to the bytes (a table line); a full block goes to the sink.
    mutating func append(_ write: (inout [UInt8]) -> Void) throws {
        write(&bytes)
        if bytes.count >= Self.blockSize { try flush() }
    }

    /// Appends the bytes of `count` runs, each made by `make` on one of two threads (`OrderedRuns`), in order: a long
    /// run goes to the sink whole, shorter ones in full blocks (`OrderedRuns.hand`).
    mutating func append(runs count: Int, _ make: @escaping @Sendable (Int) throws -> [UInt8]) throws {
        let sink = sink
        try OrderedRuns.write(count: count, state: {}, make: { run, _ in try make(run) }, to: { run in
            try OrderedRuns.hand(run, after: &bytes, blockSize: Self.blockSize, to: sink)
        })
    }

    private mutating func flush() throws {
        guard !bytes.isEmpty else { return }
        try sink(Data(bytes))
        bytes.removeAll(keepingCapacity: true)
    }
}
