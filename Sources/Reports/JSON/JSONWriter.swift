import Foundation
import Snapshot

/// Writes a JSON document a piece at a time, byte for byte as `CanonicalJSON.data(encoding:)` writes the same value
/// (Foundation's `JSONEncoder` with sorted keys, pretty printing and unescaped slashes, and a final newline), handing
/// it to a sink about a megabyte at a time between the elements of an array: a document of millions of rows is never
/// held whole. The bytes of strings, numbers, indentation and punctuation are `JSONPrimitives`'.
///
/// Members of an object are written in the order of their keys' UTF-8 bytes, which is how `JSONEncoder` sorts them
/// (`JSONSerialization`, which writes snapshot files, sorts differently: `JSONKeyOrder`).
struct JSONWriter {
    /// The nesting level of what is being written: 0 for the document, 1 for its members or elements, and so on.
    private(set) var depth = 0
    private var bytes: [UInt8] = []
    /// Whether the innermost object `object(inOrder:)` is writing has no member yet.
    private var beforeFirstMember = false
    private let sink: ((Data) throws -> Void)?

    /// How many bytes are collected before they are handed to the sink.
    private static let blockSize = 1 << 20

    private init(depth: Int, sink: ((Data) throws -> Void)?) {
        self.depth = depth
        self.sink = sink
        if sink != nil { bytes.reserveCapacity(Self.blockSize + Self.blockSize / 2) }
    }

    /// Writes `value` as a whole document, followed by a line break, to `sink` a block at a time; throws what `sink`
    /// throws.
    static func write(_ value: some JSONWritable, to sink: (Data) throws -> Void) throws {
        try withoutActuallyEscaping(sink) { sink in
            var writer = JSONWriter(depth: 0, sink: sink)
            try value.write(to: &writer)
            writer.bytes.append(UInt8(ascii: "\n"))
            try writer.flush()
        }
    }

    /// The whole document of `value`, as `write(_:to:)` writes it.
    static func data(_ value: some JSONWritable) throws -> Data {
        var data = Data()
        try write(value) { data.append($0) }
        return data
    }

    /// The bytes of `value` written at nesting level `depth`: what `JSONFragment` keeps.
    static func bytes(of value: some JSONWritable, depth: Int) throws -> [UInt8] {
        var writer = JSONWriter(depth: depth, sink: nil)
        try value.write(to: &writer)
        return writer.bytes
    }

    mutating func string(_ value: String) {
        JSONPrimitives.appendString(value, to: &bytes)
    }

    /// A string written in parts without joining them: `parts` appends each part's contents (`contents(_:)`)
    /// between the quotes; the bytes are `string(_:)`'s of the parts joined.
    mutating func string(parts: (inout JSONWriter) throws -> Void) rethrows {
        bytes.append(UInt8(ascii: "\""))
        try parts(&self)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A part of the string `string(parts:)` is writing.
    mutating func contents(_ part: String) {
        JSONPrimitives.appendStringContents(part, to: &bytes)
    }

    mutating func integer(_ value: Int) {
        JSONPrimitives.appendInteger(Int64(value), to: &bytes)
    }

    mutating func bool(_ value: Bool) {
        JSONPrimitives.appendBool(value, to: &bytes)
    }

    mutating func null() {
        JSONPrimitives.appendNull(to: &bytes)
    }

    /// Bytes already written at this nesting level (`JSONFragment`).
    mutating func append(written: [UInt8]) {
        written.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }  // no retain of `written` for each append
    }

    /// Bytes already written at this nesting level, read through a pointer (a table shared by threads).
    mutating func append(written: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: written)
    }

    /// Writes `body` at the level of an object's members: for bytes of an object's opening written by hand
    /// (`JSONObjectTemplate`).
    mutating func inMembers(_ body: (inout JSONWriter) throws -> Void) rethrows {
        depth += 1
        defer { depth -= 1 }
        try body(&self)
    }

    /// The bytes of the object of `shared` and `own` members written at nesting level `depth`, cut before each of
    /// the `own` members' values: the runs of bytes around them (`own.count + 1`) and the order the `own` members
    /// come in (indices into `own`). What `JSONObjectTemplate` keeps.
    static func runs(shared: [JSONMember], own keys: [String], depth: Int) throws -> (runs: [[UInt8]], order: [Int]) {
        var writer = JSONWriter(depth: depth, sink: nil)
        var runs: [[UInt8]] = []
        var order: [Int] = []
        let slots = keys.enumerated().map { JSONMember($0.element, Slot(index: $0.offset)) }
        try writer.object(shared + slots) { slot, writer in
            runs.append(writer.bytes)
            writer.bytes.removeAll()
            order.append(slot.index)
        }
        runs.append(writer.bytes)
        return (runs, order)
    }

    /// The place of an own member's value in `runs`.
    private struct Slot: JSONWritable {
        let index: Int

        func write(to json: inout JSONWriter) {}
    }

    /// An array of `count` elements, each written by `element` at the next nesting level; the bytes so far go to the
    /// sink after any element that fills a block.
    mutating func array(count: Int, element: (Int, inout JSONWriter) throws -> Void) throws {
        JSONPrimitives.appendOpen(.array, to: &bytes)
        depth += 1
        for index in 0..<count {
            if index > 0 { JSONPrimitives.appendMemberSeparator(to: &bytes) }
            JSONPrimitives.appendIndent(depth: depth, to: &bytes)
            try element(index, &self)
            if bytes.count >= Self.blockSize { try flush() }
        }
        depth -= 1
        JSONPrimitives.appendClose(.array, depth: depth, to: &bytes)
    }

    /// `array(count:element:)` for the elements of `runs` (consecutive ranges from index 0), each run written on one
    /// of two threads (`OrderedRuns`) by a writer of its own at the elements' nesting level, with the state `state`
    /// makes for that thread; the runs' bytes are handed on in order (`OrderedRuns.hand`): a long run whole, shorter
    /// ones a block at a time.
    mutating func array<State>(runs: [Range<Int>], state: @escaping @Sendable () -> State,
                               element: @escaping @Sendable (Int, inout State, inout JSONWriter) throws -> Void) throws {
        JSONPrimitives.appendOpen(.array, to: &bytes)
        let level = depth + 1, sink = sink
        // Each thread's state, and the size of the last run it made: the next run's bytes are reserved at about that
        // size, so that a run of half a megabyte is not copied again each time its array grows.
        try OrderedRuns.write(count: runs.count, state: { (state(), 0) }, make: { run, local in
            var writer = JSONWriter(depth: level, sink: nil)
            writer.bytes.reserveCapacity(local.1 + local.1 / 4)
            for index in runs[run] {
                if index > 0 { JSONPrimitives.appendMemberSeparator(to: &writer.bytes) }
                JSONPrimitives.appendIndent(depth: level, to: &writer.bytes)
                try element(index, &local.0, &writer)
            }
            local.1 = writer.bytes.count
            return writer.bytes
        }, to: { run in
            guard let sink else { return bytes.append(contentsOf: run) }
            try OrderedRuns.hand(run, after: &bytes, blockSize: Self.blockSize, to: sink)
        })
        JSONPrimitives.appendClose(.array, depth: depth, to: &bytes)
    }

    /// An object whose members `body` writes with `member(_:_:)`, in the order of their keys' UTF-8 bytes — the order
    /// `object(_:)` sorts them in, which the caller keeps: for objects written thousands of times, whose members are
    /// then neither made, boxed nor sorted for each.
    mutating func object(inOrder body: (inout JSONWriter) throws -> Void) rethrows {
        JSONPrimitives.appendOpen(.object, to: &bytes)
        depth += 1
        let outer = beforeFirstMember
        beforeFirstMember = true
        try body(&self)
        beforeFirstMember = outer
        depth -= 1
        JSONPrimitives.appendClose(.object, depth: depth, to: &bytes)
    }

    /// A member of the object `object(inOrder:)` is writing, after those of smaller keys.
    mutating func member(_ key: JSONKey, _ value: some JSONWritable) throws {
        appendKey(key)
        try value.write(to: &self)
    }

    /// A member, after those of smaller keys, whose value is the object `body` writes (`object(inOrder:)`).
    mutating func object(key: JSONKey, _ body: (inout JSONWriter) throws -> Void) rethrows {
        appendKey(key)
        try object(inOrder: body)
    }

    /// A member, after those of smaller keys, whose value is the string `parts` writes (`string(parts:)`).
    mutating func member(_ key: JSONKey, stringParts parts: (inout JSONWriter) throws -> Void) rethrows {
        appendKey(key)
        try string(parts: parts)
    }

    /// A member, after those of smaller keys, whose value is the array of `count` elements `element` writes
    /// (`array(count:element:)`): for an array written thousands of times, not made as a value for each.
    mutating func array(key: JSONKey, count: Int, element: (Int, inout JSONWriter) throws -> Void) throws {
        appendKey(key)
        try array(count: count, element: element)
    }

    /// `member(_:_:)` when `value` is there; nothing when it is `nil` (as `JSONMember.list` leaves it out).
    mutating func member(_ key: JSONKey, _ value: (some JSONWritable)?) throws {
        if let value { try member(key, value) }
    }

    /// What comes before a member's value in `object(inOrder:)`: the separator from the member before, the
    /// indentation and the key.
    private mutating func appendKey(_ key: JSONKey) {
        if beforeFirstMember { beforeFirstMember = false } else { JSONPrimitives.appendMemberSeparator(to: &bytes) }
        JSONPrimitives.appendIndent(depth: depth, to: &bytes)
        key.append(to: &bytes)
    }

    /// An object of `members`, written in the order of their keys; keys must be distinct.
    mutating func object(_ members: [JSONMember]) throws {
        try object(members) { _, _ in }
    }

    /// An object of `shared` members and of own members named `keys`, whose values `value` writes (given the index
    /// of the key in `keys`), all written in the order of their keys: `JSONObjectTemplate`'s object, written whole.
    mutating func object(_ shared: [JSONMember], own keys: [String],
                         value: (Int, inout JSONWriter) throws -> Void) throws {
        try object(shared + keys.enumerated().map { JSONMember($0.element, Slot(index: $0.offset)) }) { slot, json in
            try value(slot.index, &json)
        }
    }

    /// `object(_:)`, with `slot` called in place of writing a `Slot`'s value.
    private mutating func object(_ members: [JSONMember], slot: (Slot, inout JSONWriter) throws -> Void) throws {
        JSONPrimitives.appendOpen(.object, to: &bytes)
        depth += 1
        var first = true
        for member in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            if !first { JSONPrimitives.appendMemberSeparator(to: &bytes) }
            first = false
            JSONPrimitives.appendIndent(depth: depth, to: &bytes)
            JSONPrimitives.appendString(member.key, to: &bytes)
            JSONPrimitives.appendKeySeparator(to: &bytes)
            if let value = member.value as? Slot {
                try slot(value, &self)
            } else {
                try member.value.write(to: &self)
            }
        }
        depth -= 1
        JSONPrimitives.appendClose(.object, depth: depth, to: &bytes)
    }

    private mutating func flush() throws {
        guard let sink, !bytes.isEmpty else { return }
        try sink(Data(bytes))
        bytes.removeAll(keepingCapacity: true)
    }
}
