/// A value written once and kept as bytes, for a document that repeats it: the policy, target and path every member
/// of a big access group shares in an access report. Its bytes hold the indentation of the nesting level they were
/// written at; written at another level, the value is written again.
struct JSONFragment: JSONWritable {
    private let value: any JSONWritable
    private let depth: Int
    private let bytes: [UInt8]

    /// `value` written at nesting level `depth` (the level of the member or element it will be).
    init(_ value: any JSONWritable, depth: Int) throws {
        self.value = value
        self.depth = depth
        bytes = try JSONWriter.bytes(of: value, depth: depth)
    }

    func write(to json: inout JSONWriter) throws {
        if json.depth == depth {
            json.append(written: bytes)
        } else {
            try value.write(to: &json)
        }
    }
}
