import Foundation
import Model
import Snapshot

/// Calendar days (UTC) as findings and reports write them: `2026-11-20`.
package enum DayText {
    /// The day of an instant, in UTC. Worked out from the seconds since 1970 (the Gregorian calendar's civil date,
    /// as Foundation's ISO 8601 style writes it): findings name tens of thousands of days, and a formatter per day
    /// costs more than the rule that needs it. Days before 1600 (Foundation writes those in the Julian calendar, as they
    /// were before the Gregorian reform) and after 9999 are left to the formatter.
    package static func of(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 400_000_000_000 else { return formatted(date) }
        let civil = CivilDate(daysSince1970: Int((seconds / 86_400).rounded(.down)))
        let (year, month, day) = (civil.year, civil.month, civil.day)
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
