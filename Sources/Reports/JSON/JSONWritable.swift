/// A value `JSONWriter` can write: the streaming counterpart of `Encodable` for iamgraph's JSON documents.
protocol JSONWritable {
    func write(to json: inout JSONWriter) throws
}

/// A value written as a JSON object of its `members`, which another object can also merge into its own
/// (`VersionedDocument`, a row that shares its fields).
protocol JSONObject: JSONWritable {
    var members: [JSONMember] { get }
}

extension JSONObject {
    func write(to json: inout JSONWriter) throws {
        try json.object(members)
    }
}

/// A member of a JSON object: its key and its value.
struct JSONMember {
    let key: String
    let value: any JSONWritable

    init(_ key: String, _ value: any JSONWritable) {
        self.key = key
        self.value = value
    }

    /// The members of a literal list of keys and values, without those whose value is `nil` (as `Encodable`'s
    /// synthesized conformance leaves out a `nil` optional; `JSONNullable` writes `null` instead).
    static func list(_ pairs: KeyValuePairs<String, (any JSONWritable)?>) -> [JSONMember] {
        pairs.compactMap { pair in pair.value.map { JSONMember(pair.key, $0) } }
    }
}

/// A value that is written as `null` when absent, where an object must have the key either way.
struct JSONNullable<Wrapped: JSONWritable>: JSONWritable {
    let value: Wrapped?

    init(_ value: Wrapped?) { self.value = value }

    func write(to json: inout JSONWriter) throws {
        if let value { try value.write(to: &json) } else { json.null() }
    }
}

extension String: JSONWritable {
    func write(to json: inout JSONWriter) { json.string(self) }
}

extension Int: JSONWritable {
    func write(to json: inout JSONWriter) { json.integer(self) }
}

extension Bool: JSONWritable {
    func write(to json: inout JSONWriter) { json.bool(self) }
}

extension Array: JSONWritable where Element: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.array(count: count) { index, json in try self[index].write(to: &json) }
    }
}

extension Dictionary: JSONWritable where Key == String, Value: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.object(map { JSONMember($0.key, $0.value) })
    }
}

/// An array whose elements are made when written, one at a time: a document's long lists (findings, SARIF results,
/// policies by last use, diff changes) are never held whole as values, only as what they are made from.
struct JSONElements: JSONWritable {
    let count: Int
    let element: (Int) -> any JSONWritable

    /// `count` elements, element `i` made by `element(i)`.
    init(count: Int, element: @escaping (Int) -> any JSONWritable) {
        self.count = count
        self.element = element
    }

    /// The elements of `base`, each made by `transform` when written.
    init<Base: RandomAccessCollection>(_ base: Base, _ transform: @escaping (Base.Element) -> any JSONWritable)
    where Base.Index == Int {
        count = base.count
        element = { transform(base[base.startIndex + $0]) }
    }

    func write(to json: inout JSONWriter) throws {
        try json.array(count: count) { index, json in try element(index).write(to: &json) }
    }
}

/// `JSONElements` whose elements are made on two threads a run of `OrderedRuns.listRunLength` at a time
/// (`JSONWriter.array(runs:state:element:)`): for the node and edge lists of a whole-account export.
struct ConcurrentJSONElements: JSONWritable {
    let count: Int
    let element: @Sendable (Int) -> any JSONWritable

    /// The elements of `base`, each made by `transform` when written.
    init<Base: RandomAccessCollection & Sendable>(_ base: Base, _ transform: @escaping @Sendable (Base.Element) -> any JSONWritable)
    where Base.Index == Int {
        count = base.count
        element = { transform(base[base.startIndex + $0]) }
    }

    func write(to json: inout JSONWriter) throws {
        let runs = OrderedRuns.ranges(count: count, target: OrderedRuns.listRunLength) { _ in 1 }
        try json.array(runs: runs, state: {}) { [element] index, _, json in try element(index).write(to: &json) }
    }
}
