/// A JSON value read as a string when it is one, else `nil` (credentials and properties objects mix strings, numbers
/// and objects).
struct LossyString: Decodable, Hashable {
    let value: String?

    init(from decoder: any Decoder) throws {
        value = try? decoder.singleValueContainer().decode(String.self)
    }
}
