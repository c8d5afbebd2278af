/// The conditions of a v2 policy (`rule`): one condition, or `and`/`or` of conditions (nested at most twice).
package indirect enum PolicyRule: Sendable, Hashable, CustomStringConvertible {
    case condition(PolicyAttribute)
    case and([PolicyRule])
    case or([PolicyRule])

    /// Every leaf condition.
    package var conditions: [PolicyAttribute] {
        switch self {
        case .condition(let c): [c]
        case .and(let rules), .or(let rules): rules.flatMap(\.conditions)
        }
    }

    /// Whether the rule limits access in time (time, date or day-of-week conditions).
    package var isTimeBased: Bool {
        conditions.contains { $0.key.contains("environment.attributes") }
    }

    package var description: String {
        switch self {
        case .condition(let c):
            let key = c.key.replacingOccurrences(of: "{{environment.attributes.", with: "")
                .replacingOccurrences(of: "}}", with: "")
            return "\(key) \(c.operator) \(c.value)"
        case .and(let rules): return rules.map(\.description).joined(separator: " and ")
        case .or(let rules): return "(" + rules.map(\.description).joined(separator: " or ") + ")"
        }
    }
}
