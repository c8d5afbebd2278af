/// How one attribute test reads in a label, in words that keep its operator: a plain `stringEquals` names the value,
/// `stringExists` reads "any …" / "no …", `…AnyOf` lists the values, `stringMatch` says "matching".
struct AttributePhrase {
    /// The attribute's noun, e.g. "resource group", "region".
    let noun: String
    /// The noun in the plural, e.g. "resource groups".
    let plural: String

    /// The phrase for `attribute`, with `name` turning a value (an id) into what a reader knows it by.
    /// "resource group prod", "any resource group", "no resource group", "any of resource groups a, b",
    /// "resource groups matching dev-*", "resource group stringFoo x" (an operator iamgraph does not know).
    func text(_ attribute: PolicyAttribute, name: (String) -> String = { $0 }) -> String {
        let values = attribute.value.strings.map(name).joined(separator: ", ")
        switch attribute.operator {
        case "stringEquals":
            if case .list = attribute.value { return "any of \(plural) \(values)" }
            return attribute.value.description == "*" ? "any \(noun)" : "\(noun) \(values)"
        case "stringExists":
            let exists = if case .bool(let flag) = attribute.value { flag } else { attribute.value.description == "true" }
            return exists ? "any \(noun)" : "no \(noun)"
        case "stringEqualsAnyOf": return "any of \(plural) \(values)"
        case "stringMatch": return "\(plural) matching \(values)"
        case "stringMatchAnyOf": return "\(plural) matching any of \(values)"
        default: return "\(noun) \(attribute.operator) \(attribute.value)"
        }
    }

    /// Whether the attribute is a plain `stringEquals` of one value, so a label may use the value on its own.
    static func isPlain(_ attribute: PolicyAttribute) -> Bool {
        guard attribute.operator == "stringEquals", case .string(let value) = attribute.value else { return false }
        return value != "*"
    }
}
