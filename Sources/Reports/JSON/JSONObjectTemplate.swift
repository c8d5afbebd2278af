/// An object whose members are the same for many rows but for a few of its own (a row of `access --resource`: its
/// holder and match beside the policy, target and path it shares with every member of a group). The shared members
/// are written once, as the runs of bytes around the own members (`JSONObjectRuns`), which alone are written for each
/// row: no sorting of keys and no copying of members per row. The runs hold the indentation of the nesting level they
/// were written at; written at another, the object is written whole.
struct JSONObjectTemplate {
    private let shared: [JSONMember]
    private let keys: [String]
    private let runs: JSONObjectRuns

    /// The object of `shared` members and of own members named `keys`, at nesting level `depth` (the level of the
    /// element or member it will be).
    init(shared: [JSONMember], own keys: [String], depth: Int) throws {
        self.shared = shared
        self.keys = keys
        runs = try JSONObjectRuns(shared: shared, own: keys, depth: depth)
    }

    /// Writes the object with `values` as its own members' values, in the order of `keys`.
    func write(_ values: [any JSONWritable], to json: inout JSONWriter) throws {
        try write(to: &json) { index, json in try values[index].write(to: &json) }
    }

    /// Writes the object with its own members' values written by `value`, given the index of their key in `keys`:
    /// for rows written millions of times, whose values are then not boxed into an array for each.
    func write(to json: inout JSONWriter, value: (Int, inout JSONWriter) throws -> Void) throws {
        guard try runs.write(to: &json, value: value) else { return try json.object(shared, own: keys, value: value) }
    }
}
