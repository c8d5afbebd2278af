/// One condition of a dynamic access-group rule or a trusted-profile claim rule: `claim operator value`.
public struct ClaimCondition: Decodable, Sendable, Hashable, CustomStringConvertible {
    public let claim: String
    public let `operator`: String
    /// The raw value; trusted-profile rules JSON-encode it (`"\"cloud-dev\""`).
    public let value: String

    public var description: String { "\(claim) \(`operator`) \(value)" }
}
