/// A template's version as text: Access Groups and Policy Management write it as a string (`"1"`), IAM Identity as a
/// number (`1`); both read as the same text. Any other type is a decoding error (the item is reported, as for any
/// field of the wrong type).
struct TemplateVersion: Decodable, Hashable {
    let text: String

    init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if let string = try? value.decode(String.self) {
            text = string
        } else if let number = try? value.decode(Int.self) {
            text = String(number)
        } else {
            throw DecodingError.typeMismatch(String.self, DecodingError.Context(codingPath: decoder.codingPath,
                debugDescription: "expected a template version (a string or a number)"))
        }
    }
}
