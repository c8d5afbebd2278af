/// A versioned JSON document of iamgraph (graph, access, findings, diff): `format` and `version` beside the body's
/// own fields, in one object. The body declares only what its document says.
struct VersionedDocument<Body: Encodable>: Encodable {
    let format: String
    let version: Int
    let body: Body

    enum CodingKeys: String, CodingKey { case format, version }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(version, forKey: .version)
        try body.encode(to: encoder)  // the body's keys join the same object
    }
}
