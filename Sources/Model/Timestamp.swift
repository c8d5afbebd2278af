import Foundation
import Snapshot

/// A timestamp as the API wrote it. The raw string is kept (snapshots are lossless); `date` parses it leniently,
/// accepting the five formats IBM's APIs use:
/// `2020-10-16T10:36+0000`, `2019-01-01T01:01:00Z`, `2018-08-30T14:09:09.907Z`,
/// `2026-07-17T06:41:51.267012883Z` and `2022-03-18T19:07:37:999+0000`.
package struct Timestamp: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    package let raw: String
    /// The instant, or `nil` when the string is in none of the known formats.
    package let date: Date?

    package init(_ raw: String) {
        self.raw = raw
        self.date = Self.parse(raw)
    }

    package init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(raw)
    }

    package var description: String { raw }

    /// Orders by instant; unparsable timestamps come first, in string order.
    package static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        switch (lhs.date, rhs.date) {
        case let (l?, r?): l < r
        case (nil, _?): true
        case (_?, nil): false
        case (nil, nil): lhs.raw < rhs.raw
        }
    }

    /// Parses `YYYY-MM-DDThh:mm[:ss[(.|:)fraction]](Z|±hh[:]mm)`.
    static func parse(_ text: String) -> Date? {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(4), scanner.skip("-"), let month = scanner.number(2), scanner.skip("-"),
              let day = scanner.number(2), scanner.skip("T") || scanner.skip(" "),
              let hour = scanner.number(2), scanner.skip(":"), let minute = scanner.number(2) else { return nil }
        var second = 0
        var fraction = 0.0
        if scanner.skip(":") {
            guard let s = scanner.number(2) else { return nil }
            second = s
            if scanner.skip(".") || scanner.skip(":") {
                guard let f = scanner.fraction() else { return nil }
                fraction = f
            }
        }
        var offset = 0
        if scanner.skip("Z") || scanner.skip("z") {
            offset = 0
        } else if let sign = scanner.sign() {
            guard let hours = scanner.number(2) else { return nil }
            _ = scanner.skip(":")
            guard let minutes = scanner.number(2) else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        guard scanner.atEnd, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else {
            return nil
        }
        let base: Date
        if year >= gregorianSince {
            let days = CivilDate(year: year, month: month, day: day).daysSince1970
            base = Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3_600 + minute * 60 + second))
        } else {
            var components = DateComponents()
            components.year = year
            components.month = month
            components.day = day
            components.hour = hour
            components.minute = minute
            components.second = second
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(secondsFromGMT: 0)!
            guard let date = calendar.date(from: components) else { return nil }
            base = date
        }
        return base.addingTimeInterval(fraction - Double(offset))
    }

    /// The first year from which Foundation's Gregorian calendar is the proleptic Gregorian calendar (before its
    /// 1582 cutover it counts Julian days), so that `CivilDate.daysSince1970` gives the calendar's own answer.
    static let gregorianSince = 1583
}

/// A cursor over ASCII bytes for the timestamp parser.
private struct DigitScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func skip(_ character: Character) -> Bool {
        guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
        index += 1
        return true
    }

    mutating func number(_ digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index ..< index + digits] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += digits
        return value
    }

    mutating func fraction() -> Double? {
        var value = 0.0
        var scale = 0.1
        let start = index
        while index < bytes.count, (48...57).contains(bytes[index]) {
            value += Double(bytes[index] - 48) * scale
            scale /= 10
            index += 1
        }
        return index > start ? value : nil
    }

    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }
}
