/// An object whose members are the same for many rows but for a few of its own (a row of `access --resource`: its
/// holder and match beside the policy, target and path it shares with every member of a group). The shared members
/// are written once, as the runs of bytes around the own members, which alone are written for each row: no sorting of
/// keys and no copying of members per row. The runs hold the indentation of the nesting level they were written at;
/// written at another, the object is written whole.
struct JSONObjectTemplate {
    private let shared: [JSONMember]
    private let keys: [String]
    private let depth: Int
    /// The bytes before, between and after the own members' values: `keys.count + 1` runs.
    private let runs: [[UInt8]]
    /// The own members in the order they are written: indices into `keys`.
    private let order: [Int]

    /// The object of `shared` members and of own members named `keys`, at nesting level `depth` (the level of the
    /// element or member it will be).
    init(shared: [JSONMember], own keys: [String], depth: Int) throws {
        self.shared = shared
        self.keys = keys
        self.depth = depth
        (runs, order) = try JSONWriter.runs(shared: shared, own: keys, depth: depth)
    }

    /// Writes the object with `values` as its own members' values, in the order of `keys`.
    func write(_ values: [any JSONWritable], to json: inout JSONWriter) throws {
        guard json.depth == depth else {
            return try json.object(shared + zip(keys, values).map { JSONMember($0, $1) })
        }
        json.append(written: runs[0])
        try json.inMembers { json in
            for (number, index) in order.enumerated() {
                try values[index].write(to: &json)
                json.append(written: runs[number + 1])
            }
        }
    }
}
