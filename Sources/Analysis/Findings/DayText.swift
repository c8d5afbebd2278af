import Foundation
import Model

/// Calendar days (UTC) as findings and reports write them: `2026-11-20`.
package enum DayText {
    /// The day of an instant, in UTC. Worked out from the seconds since 1970 (the Gregorian calendar's civil date,
    /// as Foundation's ISO 8601 style writes it): findings name tens of thousands of days, and a formatter per day
    /// costs more than the rule that needs it. Days before 1600 (Foundation writes those in the Julian calendar, as they
    /// were before the Gregorian reform) and after 9999 are left to the formatter.
    package static func of(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 400_000_000_000 else { return formatted(date) }
        let days = Int((seconds / 86_400).rounded(.down))
        // Howard Hinnant's days-from-civil, inverted: eras of 400 years, years starting in March.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        guard (1600...9999).contains(year) else { return formatted(date) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        digits(year, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(month, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(day, 2)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The day as Foundation's ISO 8601 style writes it: what `of(_:)` matches.
    static func formatted(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle().year().month().day())
    }

    /// The day of a timestamp, or its raw text when it is not a valid time.
    package static func of(_ timestamp: Timestamp) -> String {
        timestamp.date.map(of) ?? timestamp.raw
    }
}
