/// The bytes of an object around its own members' values, written once at one nesting level (`JSONWriter.runs`): what
/// `JSONObjectTemplate` writes rows with, without the shared members it was made of, so that threads can share it.
struct JSONObjectRuns: Sendable {
    /// The nesting level the runs were written at (that of the element or member the object is).
    let depth: Int
    /// The bytes before, between and after the own members' values: one more run than own members.
    private let runs: [[UInt8]]
    /// The own members in the order they are written: indices into the keys they were made with.
    private let order: [Int]

    /// The runs of the object of `shared` members and of own members named `keys`, at nesting level `depth`.
    init(shared: [JSONMember], own keys: [String], depth: Int) throws {
        self.depth = depth
        (runs, order) = try JSONWriter.runs(shared: shared, own: keys, depth: depth)
    }

    /// Writes the object, its own members' values written by `value` (given the index of their key), when `json` is
    /// at `depth`; returns false, having written nothing, at another level.
    func write(to json: inout JSONWriter, value: (Int, inout JSONWriter) throws -> Void) rethrows -> Bool {
        guard json.depth == depth else { return false }
        json.append(written: runs[0])
        try json.inMembers { json in
            for (number, index) in order.enumerated() {
                try value(index, &json)
                json.append(written: runs[number + 1])
            }
        }
        return true
    }
}
