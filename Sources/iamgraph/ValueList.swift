/// The values of an option, from its enum, for help texts and error messages: never listed by hand, so they cannot
/// drift from what the parser accepts.
extension CaseIterable where Self: RawRepresentable, RawValue == String {
    /// "dot|json|svg|png|pdf".
    static var valueList: String { allCases.map(\.rawValue).joined(separator: "|") }

    /// "text, json, markdown, svg, png or dot".
    static var valueWords: String {
        let values = allCases.map(\.rawValue)
        guard values.count > 1 else { return values.joined() }
        return values.dropLast().joined(separator: ", ") + " or " + values[values.count - 1]
    }
}
