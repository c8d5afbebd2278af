/// Resolves the escapes of a JSON string's raw bytes (between its quotes), as RFC 8259 defines them.
enum JSONEscapes {
    /// The string the raw bytes spell, or `nil` when an escape is malformed or a `\u` escape leaves a UTF-16
    /// surrogate unpaired. The bytes between escapes must already be valid UTF-8 (`JSONTapeParser` checks it).
    static func unescape(_ raw: UnsafeRawBufferPointer) -> String? {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\") else {
                utf8.append(byte)
                index += 1
                continue
            }
            guard index + 1 < raw.count else { return nil }
            let escape = raw[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                guard let unit = hexUnit(raw, at: index) else { return nil }
                index += 4
                var scalarValue = UInt32(unit)
                if UTF16.isLeadSurrogate(unit) {
                    guard index + 6 <= raw.count, raw[index] == UInt8(ascii: "\\"), raw[index + 1] == UInt8(ascii: "u"),
                          let trail = hexUnit(raw, at: index + 2), UTF16.isTrailSurrogate(trail) else { return nil }
                    index += 6
                    scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(trail) - 0xDC00)
                } else if UTF16.isTrailSurrogate(unit) {
                    return nil
                }
                guard let scalar = Unicode.Scalar(scalarValue) else { return nil }
                UTF8.encode(scalar) { utf8.append($0) }
            default:
                return nil
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The four hex digits at `index` as a UTF-16 code unit.
    private static func hexUnit(_ raw: UnsafeRawBufferPointer, at index: Int) -> UInt16? {
        guard index + 4 <= raw.count else { return nil }
        var unit: UInt16 = 0
        for byte in raw[index ..< index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0") ... UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a") ... UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A") ... UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }
}
