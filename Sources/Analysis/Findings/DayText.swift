import Foundation
import Model

/// Calendar days (UTC) as findings and reports write them: `2026-11-20`.
package enum DayText {
    /// The day of an instant, in UTC.
    package static func of(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle().year().month().day())
    }

    /// The day of a timestamp, or its raw text when it is not a valid time.
    package static func of(_ timestamp: Timestamp) -> String {
        timestamp.date.map(of) ?? timestamp.raw
    }
}
