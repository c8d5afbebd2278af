/// One condition of a dynamic access-group rule or a trusted-profile claim rule: `claim operator value`.
package struct ClaimCondition: Decodable, Sendable, Hashable, CustomStringConvertible {
    package let claim: String
    package let `operator`: String
    /// The raw value; trusted-profile rules JSON-encode it (`"\"cloud-dev\""`).
    package let value: String

    package var description: String { "\(claim) \(`operator`) \(value)" }
}
