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

    /// The line ranges of each of `kinds`' files in `directory` that can be read from inside it, one file after
    /// another, each large one scanned in two halves side by side (a big account's policy file alone is hundreds of
    /// megabytes, most of the scan: files side by side would leave one thread alone with it). One file is held at a
    /// time.
    package static func of(_ kinds: [CollectionKind], in directory: URL) -> [CollectionKind: EntityLines] {
        Dictionary(kinds.compactMap { kind in EntityLines(kind, in: directory).map { (kind, $0) } },
                   uniquingKeysWith: { first, _ in first })
    }

    /// The scans of a file's parts, by position; `@unchecked Sendable` because `values` is only touched with `lock`
    /// held.
    private final class Scanned: @unchecked Sendable {
        private let lock = NSLock()
        private var scanned: [Part?]

        init(count: Int) {
            scanned = Array(repeating: nil, count: count)
        }

        func set(_ position: Int, _ part: Part) {
            lock.withLock { scanned[position] = part }
        }

        var values: [Part?] { lock.withLock { scanned } }
    }

    /// What scanning one part of a file found: the ranges of the items that open in it (line numbers from the part's
    /// first line, counted from 1) and how many lines start in it.
    private struct Part: Sendable {
        var ranges: [String: ClosedRange<Int>] = [:]
        var lines = 0
    }

    /// Files at least this long are scanned in two halves side by side.
    static let splitLength = 1 << 20

    /// The line ranges of a canonical collection file's text.
    package init(_ text: String, kind: CollectionKind) {
        self.init(Data(text.utf8), kind: kind)
    }

    /// The line ranges of a canonical collection file's bytes.
    package init(_ bytes: Data, kind: CollectionKind) {
        self.init(bytes, kind: kind, cutFrom: bytes.count >= Self.splitLength ? bytes.count / 2 : nil)
    }

    /// The line ranges of a canonical collection file's bytes, scanned in two parts side by side when `cutFrom` is
    /// given: the second starts at the first line at or after byte `cutFrom` that opens an item (so no item spans
    /// both parts, and each part's scan starts as the whole file's would at that line). Where an id repeats, the
    /// first item keeps it, as in one scan.
    init(_ bytes: Data, kind: CollectionKind, cutFrom: Int?) {
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
        let marks = Marks(
            open: indent + [UInt8(ascii: "{")],
            close: indent + [UInt8(ascii: "}")],
            closeBeforeNext: indent + [UInt8(ascii: "}"), UInt8(ascii: ",")],
            keyPrefix: Array((String(repeating: " ", count: depth + 2) + "\""
                + (kind == .resourceInstances ? "guid" : kind.idKey) + "\" : ").utf8))
        let parts: [Part] = bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let all = buffer.bindMemory(to: UInt8.self)
            guard let cutFrom, let cut = Self.itemStart(in: all, from: cutFrom, open: marks.open) else {
                return [Self.scan(all, from: 0, to: nil, marks)]
            }
            let bounds = [(0, Optional(cut)), (cut, nil)]
            let scanned = Scanned(count: bounds.count)
            // Both halves are read from the same bytes, which outlive the scans (`concurrentPerform` returns after
            // them).
            nonisolated(unsafe) let shared = all
            DispatchQueue.concurrentPerform(iterations: bounds.count) { position in
                scanned.set(position, Self.scan(shared, from: bounds[position].0, to: bounds[position].1, marks))
            }
            return scanned.values.compactMap { $0 }
        }
        var ranges = parts.first?.ranges ?? [:]
        var lines = parts.first?.lines ?? 0
        for part in parts.dropFirst() {
            for (id, range) in part.ranges where ranges[id] == nil {
                ranges[id] = (range.lowerBound + lines)...(range.upperBound + lines)
            }
            lines += part.lines
        }
        // A final line break ends the last line rather than starting an empty one; an empty file has no lines.
        lineCount = bytes.isEmpty || bytes.last == UInt8(ascii: "\n") ? lines - 1 : lines
        self.ranges = ranges
    }

    /// The lines a scan looks for: an item's opening and closing (the last one, or one followed by another) at the
    /// items' depth, and the start of its id line.
    private struct Marks: Sendable {
        let open: [UInt8]
        let close: [UInt8]
        let closeBeforeNext: [UInt8]
        let keyPrefix: [UInt8]
    }

    /// Scans the lines that start at or after `start` and before `end` (to the end of the bytes when `end` is `nil`,
    /// counting the empty line after a final line break, as `init` expects); line numbers count from the first.
    private static func scan(_ all: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int?, _ marks: Marks) -> Part {
        var part = Part()
        var begun: Int?
        var id: String?
        var lineStart = start
        while end.map({ lineStart < $0 }) ?? (lineStart <= all.count) {
            let lineEnd = Self.lineBreak(in: all, from: lineStart)
            let line = UnsafeBufferPointer(rebasing: all[lineStart..<lineEnd])
            part.lines += 1
            let number = part.lines
            lineStart = lineEnd + 1
            if Self.line(line, is: marks.open) { begun = number; id = nil; continue }
            if let first = begun, Self.line(line, is: marks.close) || Self.line(line, is: marks.closeBeforeNext) {
                if let id, part.ranges[id] == nil { part.ranges[id] = first...number }
                begun = nil
                continue
            }
            if begun != nil, id == nil, Self.line(line, startsWith: marks.keyPrefix) {
                var value = line[(line.startIndex + marks.keyPrefix.count)...]
                if value.last == UInt8(ascii: ",") { value = value.dropLast() }
                id = Self.string(UnsafeBufferPointer(rebasing: value))
            }
        }
        return part
    }

    /// The position of the first line at or after byte `from` (not counting a line that starts before it) that is
    /// exactly `open`, or `nil` when there is none past the file's first line.
    private static func itemStart(in all: UnsafeBufferPointer<UInt8>, from: Int, open: [UInt8]) -> Int? {
        var lineStart = max(from, 1)
        while lineStart < all.count {
            guard all[lineStart - 1] == UInt8(ascii: "\n") else {
                lineStart = Self.lineBreak(in: all, from: lineStart) + 1
                continue
            }
            let lineEnd = Self.lineBreak(in: all, from: lineStart)
            if Self.line(UnsafeBufferPointer(rebasing: all[lineStart..<lineEnd]), is: open) { return lineStart }
            lineStart = lineEnd + 1
        }
        return nil
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
