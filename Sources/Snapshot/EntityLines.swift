import Dispatch
import Foundation

/// Where each item of a collection file lies, by line: canonical JSON puts every item of a list at one indentation
/// (per-parent items one level deeper), so an item's lines stay the same while it does not change, and SARIF can
/// point at them. Items are found by their id key (`guid` for resource instances, whose findings name the guid).
///
/// The file is scanned as bytes, a line at a time: a big account's policy and instance files are tens of megabytes,
/// and only the lines that open or close an item, or hold its id, are looked at.
package struct EntityLines: Sendable {
    /// First and last line (1-based, inclusive) of each item, by id.
    package let ranges: [String: ClosedRange<Int>]
    /// How many lines the file has.
    package let lineCount: Int

    /// The line ranges of `kind`'s file in `directory`; `nil` when the file cannot be read from inside it.
    package init?(_ kind: CollectionKind, in directory: URL) {
        guard case .success(let url) = ContainedPath.resolve(kind.fileName, in: directory),
              let data = try? Data(contentsOf: url) else { return nil }
        self.init(data, kind: kind)
    }

    /// The line ranges of each of `kinds`' files in `directory` that can be read from inside it, the files scanned
    /// side by side (a big account's policy file alone is tens of megabytes).
    package static func of(_ kinds: [CollectionKind], in directory: URL) -> [CollectionKind: EntityLines] {
        let scanned = Scanned(count: kinds.count)
        DispatchQueue.concurrentPerform(iterations: kinds.count) { position in
            scanned.set(position, EntityLines(kinds[position], in: directory))
        }
        return Dictionary(zip(kinds, scanned.values).compactMap { kind, lines in lines.map { (kind, $0) } },
                          uniquingKeysWith: { first, _ in first })
    }

    /// The files `of(_:in:)` scanned, by position; `@unchecked Sendable` because `values` is only touched with `lock`
    /// held.
    private final class Scanned: @unchecked Sendable {
        private let lock = NSLock()
        private var scanned: [EntityLines?]

        init(count: Int) {
            scanned = Array(repeating: nil, count: count)
        }

        func set(_ position: Int, _ lines: EntityLines?) {
            lock.withLock { scanned[position] = lines }
        }

        var values: [EntityLines?] { lock.withLock { scanned } }
    }

    /// The line ranges of a canonical collection file's text.
    package init(_ text: String, kind: CollectionKind) {
        self.init(Data(text.utf8), kind: kind)
    }

    /// The line ranges of a canonical collection file's bytes.
    package init(_ bytes: Data, kind: CollectionKind) {
        let depth: Int
        switch kind.shape {
        case .list: depth = 2
        case .perParent, .roles: depth = 4
        case .object:
            ranges = [:]
            lineCount = Self.lineCount(bytes)
            return
        }
        let indent = [UInt8](repeating: UInt8(ascii: " "), count: depth)
        let open = indent + [UInt8(ascii: "{")]
        let close = indent + [UInt8(ascii: "}")]
        let closeBeforeNext = close + [UInt8(ascii: ",")]
        let keyPrefix = Array((String(repeating: " ", count: depth + 2) + "\""
            + (kind == .resourceInstances ? "guid" : kind.idKey) + "\" : ").utf8)
        var ranges: [String: ClosedRange<Int>] = [:]
        var start: Int?
        var id: String?
        var lines = 0
        bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let all = buffer.bindMemory(to: UInt8.self)
            var lineStart = 0
            while lineStart <= all.count {
                let lineEnd = Self.lineBreak(in: all, from: lineStart)
                let line = UnsafeBufferPointer(rebasing: all[lineStart..<lineEnd])
                lines += 1
                let number = lines
                lineStart = lineEnd + 1
                if Self.line(line, is: open) { start = number; id = nil; continue }
                if let begun = start, Self.line(line, is: close) || Self.line(line, is: closeBeforeNext) {
                    if let id, ranges[id] == nil { ranges[id] = begun...number }
                    start = nil
                    continue
                }
                if start != nil, id == nil, Self.line(line, startsWith: keyPrefix) {
                    var value = line[(line.startIndex + keyPrefix.count)...]
                    if value.last == UInt8(ascii: ",") { value = value.dropLast() }
                    id = Self.string(UnsafeBufferPointer(rebasing: value))
                }
            }
        }
        // A final line break ends the last line rather than starting an empty one; an empty file has no lines.
        lineCount = bytes.isEmpty || bytes.last == UInt8(ascii: "\n") ? lines - 1 : lines
        self.ranges = ranges
    }

    /// The lines of the item with this id; for a file holding one object, the whole file.
    package func lines(of id: String) -> ClosedRange<Int>? {
        ranges[id] ?? (ranges.isEmpty && lineCount > 0 ? 1...lineCount : nil)
    }

    /// The position of the first line break at or after `start`, else the end: `memchr`, as a policy file has
    /// hundreds of thousands of lines.
    private static func lineBreak(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else { return bytes.count }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// Whether `line` is `bytes`: lengths first, then `memcmp` (most lines of a file are neither an item's opening
    /// nor its closing, and differ in length from both).
    private static func line(_ line: UnsafeBufferPointer<UInt8>, is bytes: [UInt8]) -> Bool {
        line.count == bytes.count && Self.line(line, startsWith: bytes)
    }

    /// Whether `line` starts with `prefix`.
    private static func line(_ line: UnsafeBufferPointer<UInt8>, startsWith prefix: [UInt8]) -> Bool {
        guard line.count >= prefix.count else { return false }
        guard let base = line.baseAddress else { return prefix.isEmpty }
        return prefix.withUnsafeBufferPointer { prefix in
            prefix.baseAddress.map { memcmp(base, $0, prefix.count) == 0 } ?? true
        }
    }

    /// How many lines `bytes` holds (a final line break ends the last line; an empty file has none).
    private static func lineCount(_ bytes: Data) -> Int {
        let breaks = bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        return bytes.isEmpty || bytes.last == UInt8(ascii: "\n") ? breaks : breaks + 1
    }

    /// The string a JSON value's bytes stand for, or `nil` when they are not a string: a plain quoted string is
    /// read as it is, one with escapes is decoded by `JSONSerialization`.
    private static func string(_ value: UnsafeBufferPointer<UInt8>) -> String? {
        guard value.count >= 2, value.first == UInt8(ascii: "\""), value.last == UInt8(ascii: "\"") else { return nil }
        let inner = UnsafeBufferPointer(rebasing: value[(value.startIndex + 1)..<(value.endIndex - 1)])
        if !inner.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 < 0x20 }) {
            return String(decoding: inner, as: UTF8.self)
        }
        // Bytes that are not UTF-8 are read as U+FFFD first, as in a plain string.
        let repaired = Data(String(decoding: value, as: UTF8.self).utf8)
        return (try? JSONSerialization.jsonObject(with: repaired, options: .fragmentsAllowed)) as? String
    }
}
