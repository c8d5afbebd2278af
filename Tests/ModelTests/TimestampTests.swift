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
}
