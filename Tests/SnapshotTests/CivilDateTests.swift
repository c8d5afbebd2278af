import Foundation
import Snapshot
import Testing

@Suite struct CivilDateTests {
    /// Foundation's Gregorian calendar in UTC: the reference the civil arithmetic must agree with.
    private static let gregorian: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()

    @Test(arguments: [(0, 1970, 1, 1), (-1, 1969, 12, 31), (59, 1970, 3, 1), (11_016, 2000, 2, 29),
                      (20_777, 2026, 11, 20), (-135_140, 1600, 1, 1), (2_932_896, 9999, 12, 31)])
    func knownDays(days: Int, year: Int, month: Int, day: Int) {
        let date = CivilDate(daysSince1970: days)
        #expect(date == CivilDate(year: year, month: month, day: day))
        #expect(date.daysSince1970 == days)
    }

    @Test func everyFourthDayFrom1600To9999IsFoundationsAndComesBack() {
        for days in stride(from: -135_140, through: 2_932_896, by: 4) {
            let date = CivilDate(daysSince1970: days)
            let parts = Self.gregorian.dateComponents([.year, .month, .day],
                                                      from: Date(timeIntervalSince1970: Double(days) * 86_400))
            #expect(parts.year == date.year && parts.month == date.month && parts.day == date.day, "day \(days)")
            #expect(date.daysSince1970 == days)
            if date.daysSince1970 != days { return }
        }
    }
}
