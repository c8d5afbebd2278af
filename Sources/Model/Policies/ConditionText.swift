/// Policy conditions in words, the same in maps, tables and diffs: "time-based: Mon–Fri 09:00–17:00 UTC" rather than
/// the raw rule `day_of_week dayOfWeekAnyOf [1+00:00, …] and time_of_day timeGreaterThanOrEquals 09:00:00+00:00 …`.
/// Rules that are not about time keep their raw form after "condition: ".
package enum ConditionText {
    /// The whole condition in words.
    package static func readable(_ rule: PolicyRule) -> String {
        guard rule.isTimeBased else { return "condition: " + rule.description }
        var days: [Int] = [], from: String?, until: String?, parts: [String] = [], zones: [String] = []
        for condition in rule.conditions {
            let values = condition.value.strings
            switch condition.operator {
            case "dayOfWeekEquals", "dayOfWeekAnyOf":
                for value in values {
                    guard let day = Int(value.prefix { $0.isNumber }) else { continue }
                    days.append(day)
                    zones.append(String(value.drop { $0.isNumber }))
                }
            case let op where op.hasSuffix("GreaterThan") || op.hasSuffix("GreaterThanOrEquals"):
                from = values.first.map { time($0, zones: &zones) }
            case let op where op.hasSuffix("LessThan") || op.hasSuffix("LessThanOrEquals"):
                until = values.first.map { time($0, zones: &zones) }
            default:
                parts.append(condition.operator)
            }
        }
        if !days.isEmpty { parts.insert(dayList(days), at: 0) }
        if from != nil || until != nil { parts.append("\(from ?? "")–\(until ?? "")") }
        if let zone = zones.first, zones.allSatisfy({ $0 == zone }), !zone.isEmpty {
            parts.append(zone == "+00:00" || zone == "Z" ? "UTC" : "UTC" + zone)
        }
        return "time-based: " + parts.joined(separator: " ")
    }

    /// The condition for a map's edge label: `readable`, cut to 60 characters.
    package static func short(_ rule: PolicyRule) -> String {
        let text = readable(rule)
        return text.count > 60 ? String(text.prefix(59)) + "…" : text
    }

    /// `09:00:00+00:00` → `09:00`, its zone added to `zones`; dates and other values stay as they are.
    private static func time(_ value: String, zones: inout [String]) -> String {
        let pieces = value.split(separator: ":", maxSplits: 2)
        guard pieces.count == 3, value.count <= 14,
              let zone = pieces[2].firstIndex(where: { $0 == "+" || $0 == "-" || $0 == "Z" }) else {
            zones.append("")
            return value
        }
        zones.append(String(pieces[2][zone...]))
        return "\(pieces[0]):\(pieces[1])"
    }

    /// "Mon–Fri", "Mon, Wed, Fri", "Sat, Sun": runs of three or more days as a range.
    private static func dayList(_ days: [Int]) -> String {
        let sorted = Array(Set(days)).sorted()
        var runs: [[Int]] = []
        for day in sorted {
            if let last = runs.last?.last, last + 1 == day { runs[runs.count - 1].append(day) } else { runs.append([day]) }
        }
        return runs.map { run in
            run.count >= 3 ? "\(dayName(run[0]))–\(dayName(run[run.count - 1]))" : run.map(dayName).joined(separator: ", ")
        }.joined(separator: ", ")
    }

    private static func dayName(_ day: Int) -> String {
        (1...7).contains(day) ? ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][day - 1] : "day \(day)"
    }
}
