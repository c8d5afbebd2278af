import Model

/// Short edge labels for policy conditions: "time-based: Mon, Tue, Wed 09:00–17:00 UTC" rather than the raw rule.
enum ConditionText {
    static func short(_ rule: PolicyRule) -> String {
        guard rule.isTimeBased else { return "condition: " + clipped(rule.description) }
        var days: [String] = [], from: String?, until: String?, parts: [String] = []
        for condition in rule.conditions {
            let values = condition.value.strings
            switch condition.operator {
            case "dayOfWeekEquals", "dayOfWeekAnyOf":
                days += values.compactMap { Int($0.prefix { $0.isNumber }) }.map(dayName)
            case let op where op.hasSuffix("GreaterThan") || op.hasSuffix("GreaterThanOrEquals"):
                from = values.first.map(shortTime)
            case let op where op.hasSuffix("LessThan") || op.hasSuffix("LessThanOrEquals"):
                until = values.first.map(shortTime)
            default:
                parts.append(condition.operator)
            }
        }
        if !days.isEmpty { parts.insert(days.joined(separator: ","), at: 0) }
        if from != nil || until != nil { parts.append("\(from ?? "")–\(until ?? "")") }
        return "time-based: " + clipped(parts.joined(separator: " "))
    }

    /// `09:00:00+00:00` → `09:00+00:00`; dates stay as they are.
    private static func shortTime(_ value: String) -> String {
        let pieces = value.split(separator: ":", maxSplits: 2)
        guard pieces.count == 3, value.count <= 14, let zone = pieces[2].firstIndex(where: { $0 == "+" || $0 == "-" || $0 == "Z" }) else {
            return value
        }
        return "\(pieces[0]):\(pieces[1])\(pieces[2][zone...])"
    }

    private static func dayName(_ day: Int) -> String {
        ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][(1...7).contains(day) ? day : 0]
    }

    private static func clipped(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(59)) + "…" : text
    }
}
