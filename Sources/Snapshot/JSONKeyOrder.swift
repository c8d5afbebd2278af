import Foundation

/// The order in which Foundation's `JSONSerialization` writes an object's keys with `.sortedKeys` on Linux, found
/// without Foundation for the keys that occur in practice.
///
/// swift-corelibs-foundation sorts keys with `compare(_:options: [.numeric, .caseInsensitive, .forcedOrdering],
/// range:locale: NSLocale.system)`. Core Foundation walks both strings, compares runs of ASCII digits by value, and
/// at the first difference hands the rest to ICU's root collation: punctuation and symbols first (in the order of
/// `collationOrder` below), then digits, then letters, case ignored. Strings equal at that level (`id` and `ID`,
/// `a01` and `a1`) are then ordered by case and by code points. Control characters other than whitespace are
/// ignorable in ICU, and non-ASCII text follows Unicode's collation tables.
///
/// So a dictionary whose keys are all printable ASCII (plus the whitespace controls), with digit runs of at most 19
/// digits (which Core Foundation's 64-bit accumulator holds), is sorted here by that primary order alone; any other
/// dictionary, and any whose keys tie at the primary level, is sorted with Foundation's own comparison. The tests
/// compare the result with `JSONSerialization`'s bytes for every sample and for hostile keys.
package enum JSONKeyOrder {
    /// `dictionary`'s entries in Foundation's key order.
    package static func sorted<Value>(_ dictionary: [String: Value]) -> [(key: String, value: Value)] {
        sortedIndices(dictionary).map { dictionary[$0] }
    }

    /// The positions of `dictionary`'s entries in Foundation's key order: what `sorted(_:)` gives, found by moving
    /// positions around instead of key and value pairs (a writer walks every object of a snapshot this way).
    package static func sortedIndices<Value>(_ dictionary: [String: Value]) -> [Dictionary<String, Value>.Index] {
        var indices = Array(dictionary.indices)
        guard indices.count > 1 else { return indices }
        if dictionary.keys.allSatisfy(isCollatable) {
            indices.sort { primaryOrder(dictionary[$0].key, dictionary[$1].key) < 0 }
            if !zip(indices, indices.dropFirst()).contains(where: { primaryOrder(dictionary[$0].key, dictionary[$1].key) == 0 }) {
                return indices
            }
        }
        return indices.sorted { foundationPrecedes(dictionary[$0].key, dictionary[$1].key) }
    }

    /// Foundation's own comparison, exactly as `JSONSerialization` calls it.
    package static func foundationPrecedes(_ first: String, _ second: String) -> Bool {
        first.compare(second, options: [.numeric, .caseInsensitive, .forcedOrdering],
                      range: first.startIndex..<first.endIndex, locale: NSLocale.system) == .orderedAscending
    }

    /// The printable ASCII characters that are not letters or digits, and the whitespace controls, in ICU root
    /// collation order (each its own primary weight); digits follow them, then letters.
    static let collationOrder = "\t\n\u{0B}\u{0C}\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$"

    /// Longest digit run compared here (19 digits always fit Core Foundation's `UInt64`).
    static let longestDigitRun = 19

    /// Whether `key` is made only of characters whose order is known here.
    static func isCollatable(_ key: String) -> Bool {
        withBytes(of: key, isCollatable)
    }

    /// Whether the key spelled by `bytes` (its UTF-8 bytes, as a JSON text holds a key without escapes) is made only
    /// of characters whose order is known here.
    static func isCollatable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let weights = weights
        var run = 0
        for byte in bytes {
            guard byte < 0x80, weights[Int(byte)] != 0 else { return false }
            run = isDigit(byte) ? run + 1 : 0
            if run > longestDigitRun { return false }
        }
        return true
    }

    /// Compares two collatable keys at the primary level: negative, zero (a tie) or positive.
    static func primaryOrder(_ first: String, _ second: String) -> Int {
        withBytes(of: first) { a in withBytes(of: second) { b in primaryOrder(a, b) } }
    }

    /// Compares two collatable keys spelled by their UTF-8 bytes at the primary level: negative, zero (a tie) or
    /// positive.
    static func primaryOrder(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Int {
        // The weights are fetched once per comparison, not once per byte (each fetch of a static checks that it
        // was initialised).
        weights.withUnsafeBufferPointer { weights in primaryOrder(first, second, weights) }
    }

    private static func primaryOrder(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>,
                                     _ weights: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if isDigit(a[i]) && isDigit(b[j]) {
                // Numbers by value: leading zeros skipped, then more digits is larger, then digit by digit.
                while i < a.count && a[i] == UInt8(ascii: "0") { i += 1 }
                while j < b.count && b[j] == UInt8(ascii: "0") { j += 1 }
                var endA = i
                var endB = j
                while endA < a.count && isDigit(a[endA]) { endA += 1 }
                while endB < b.count && isDigit(b[endB]) { endB += 1 }
                if endA - i != endB - j { return endA - i < endB - j ? -1 : 1 }
                while i < endA {
                    if a[i] != b[j] { return a[i] < b[j] ? -1 : 1 }
                    i += 1
                    j += 1
                }
                continue
            }
            let weightA = weights[Int(a[i])]
            let weightB = weights[Int(b[j])]
            if weightA != weightB { return weightA < weightB ? -1 : 1 }
            i += 1
            j += 1
        }
        if i < a.count { return 1 }
        if j < b.count { return -1 }
        return 0
    }

    /// Primary weight of each ASCII byte; 0 for the bytes not handled here (controls other than whitespace, DEL).
    private static let weights: [UInt8] = {
        var weights = [UInt8](repeating: 0, count: 0x80)
        let others = Array(collationOrder.utf8)
        for (rank, byte) in others.enumerated() { weights[Int(byte)] = UInt8(rank + 1) }
        let digit = UInt8(others.count + 1)
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { weights[Int(byte)] = digit }
        for (offset, byte) in (UInt8(ascii: "a")...UInt8(ascii: "z")).enumerated() {
            weights[Int(byte)] = digit + 1 + UInt8(offset)
            weights[Int(byte - 0x20)] = digit + 1 + UInt8(offset)
        }
        return weights
    }()

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Runs `body` over `string`'s UTF-8 bytes without copying them when the string is native.
    private static func withBytes<R>(of string: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = string.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(string.utf8).withUnsafeBufferPointer(body)
    }
}
