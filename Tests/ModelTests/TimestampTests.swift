import Foundation
import Testing
@testable import Model

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2020-10-16T10:36+0000", 1_602_844_560.0),
        ("2019-01-01T01:01:00Z", 1_546_304_460.0),
        ("2018-08-30T14:09:09.907Z", 1_535_638_149.907),
        ("2026-07-17T06:41:51.267012883Z", 1_784_270_511.267012883),
        ("2022-03-18T19:07:37:999+0000", 1_647_630_457.999),
        ("2022-03-18T21:07:37+02:00", 1_647_630_457.0),
    ])
    func parsesEveryAPIFormat(text: String, epoch: Double) throws {
        let timestamp = Timestamp(text)
        let date = try #require(timestamp.date)
        #expect(abs(date.timeIntervalSince1970 - epoch) < 0.001)
        #expect(timestamp.raw == text)
    }

    @Test(arguments: ["", "yesterday", "2020-13-01T00:00Z", "2020-10-16T10:36", "2020-10-16T10:36+0000junk"])
    func rejectsWhatIsNotATimestampButKeepsTheText(text: String) {
        let timestamp = Timestamp(text)
        #expect(timestamp.date == nil)
        #expect(timestamp.raw == text)
    }

    @Test func ordersByInstantAcrossFormats() {
        #expect(Timestamp("2019-01-01T01:01:00Z") < Timestamp("2020-10-16T10:36+0000"))
        #expect(Timestamp("garbage") < Timestamp("2019-01-01T01:01:00Z"))
    }

    /// From 1583 on, timestamps are counted without `Calendar`; the instant must be the calendar's own, days past a
    /// month's end and a leap second included (they run on, as `Calendar.date(from:)` lets them).
    @Test func countsDaysAsFoundationsGregorianCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(secondsFromGMT: 0))
        for year in [1583, 1600, 1700, 1899, 1900, 1969, 1970, 1999, 2000, 2024, 2025, 2100, 2400, 9999] {
            for month in 1 ... 12 {
                for day in [1, 28, 29, 30, 31] {
                    let text = String(format: "%04d-%02d-%02dT23:59:60Z", year, month, day)
                    let components = DateComponents(year: year, month: month, day: day, hour: 23, minute: 59, second: 60)
                    #expect(Timestamp(text).date == calendar.date(from: components), "\(text)")
                }
            }
        }
        // Before the Gregorian cutover the calendar's own (Julian) count still applies.
        let julian = DateComponents(year: 1500, month: 3, day: 1, hour: 0, minute: 0, second: 0)
        #expect(Timestamp("1500-03-01T00:00:00Z").date == calendar.date(from: julian))
    }
}
