import Model
import Testing

/// Conditions in words, as maps, access tables and diffs write them.
@Suite struct ConditionTextTests {
    private func rule(_ conditions: [(String, String, AttributeValue)]) -> PolicyRule {
        .and(conditions.map { .condition(PolicyAttribute(key: "{{environment.attributes.\($0.0)}}", operator: $0.1, value: $0.2)) })
    }

    @Test func weekdaysAndHoursRead() {
        let weekdays = rule([("day_of_week", "dayOfWeekAnyOf", .list(["1+00:00", "2+00:00", "3+00:00", "4+00:00", "5+00:00"])),
                             ("current_time", "timeGreaterThanOrEquals", .string("09:00:00+00:00")),
                             ("current_time", "timeLessThanOrEquals", .string("17:00:00+00:00"))])
        #expect(ConditionText.readable(weekdays) == "time-based: Mon–Fri 09:00–17:00 UTC")
    }

    @Test func scatteredDaysAndOtherZones() {
        let days = rule([("day_of_week", "dayOfWeekAnyOf", .list(["1+02:00", "3+02:00", "6+02:00", "7+02:00"])),
                         ("current_time", "timeLessThan", .string("12:30:00+02:00"))])
        #expect(ConditionText.readable(days) == "time-based: Mon, Wed, Sat, Sun –12:30 UTC+02:00")
    }

    @Test func hostileValuesNeverTrap() {
        let odd = rule([("day_of_week", "dayOfWeekAnyOf", .list(["99999999999999999999999", "0", "8", "x"])),
                        ("current_date", "dateTimeGreaterThan", .string("2026-01-01T00:00:00+00:00"))])
        #expect(ConditionText.readable(odd) == "time-based: day 0, day 8 2026-01-01T00:00:00+00:00–")
        let other = PolicyRule.condition(PolicyAttribute(key: "tag", operator: "stringEquals", value: .string("x")))
        #expect(ConditionText.readable(other) == "condition: tag stringEquals x")
        let long = PolicyRule.condition(PolicyAttribute(key: "tag", operator: "stringEquals", value: .string(String(repeating: "x", count: 100))))
        #expect(ConditionText.short(long).count == 60 && ConditionText.short(long).hasSuffix("…"))
    }
}
