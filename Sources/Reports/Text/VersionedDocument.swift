/// A versioned JSON document of iamgraph (graph, access, findings, diff): `format` and `version` beside the body's
/// own fields, in one object. The body declares only what its document says.
struct VersionedDocument<Body> {
    let format: String
    let version: Int
    let body: Body
}

extension VersionedDocument: Encodable where Body: Encodable {
    enum CodingKeys: String, CodingKey { case format, version }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(version, forKey: .version)
        try body.encode(to: encoder)  // the body's keys join the same object
    }
}

extension VersionedDocument: JSONWritable, JSONObject where Body: JSONObject {
    var members: [JSONMember] {
        [JSONMember("format", format), JSONMember("version", version)] + body.members  // the body's keys join the same object
    }
}
