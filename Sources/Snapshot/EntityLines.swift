import Foundation

/// Where each item of a collection file lies, by line: canonical JSON puts every item of a list at one indentation
/// (per-parent items one level deeper), so an item's lines stay the same while it does not change, and SARIF can
/// point at them. Items are found by their id key (`guid` for resource instances, whose findings name the guid).
public struct EntityLines: Sendable {
    /// First and last line (1-based, inclusive) of each item, by id.
    public let ranges: [String: ClosedRange<Int>]
    /// How many lines the file has.
    public let lineCount: Int

    /// The line ranges of `kind`'s file in `directory`; `nil` when the file cannot be read from inside it.
    public init?(_ kind: CollectionKind, in directory: URL) {
        guard case .success(let url) = ContainedPath.resolve(kind.fileName, in: directory),
              let data = try? Data(contentsOf: url) else { return nil }
        self.init(String(decoding: data, as: UTF8.self), kind: kind)
    }

    /// The line ranges of a canonical collection file's text.
    public init(_ text: String, kind: CollectionKind) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lineCount = lines.last?.isEmpty == true ? lines.count - 1 : lines.count
        let depth: Int
        switch kind.shape {
        case .list: depth = 2
        case .perParent, .roles: depth = 4
        case .object:
            ranges = [:]
            return
        }
        let open = String(repeating: " ", count: depth) + "{"
        let close = String(repeating: " ", count: depth) + "}"
        let keyPrefix = String(repeating: " ", count: depth + 2) + "\"" + (kind == .resourceInstances ? "guid" : kind.idKey) + "\" : "
        var ranges: [String: ClosedRange<Int>] = [:]
        var start: Int?
        var id: String?
        for (offset, line) in lines.enumerated() {
            if line == open { start = offset + 1; id = nil; continue }
            if let begun = start, line == close || line == close + "," {
                if let id, ranges[id] == nil { ranges[id] = begun...(offset + 1) }
                start = nil
                continue
            }
            if start != nil, id == nil, line.hasPrefix(keyPrefix) {
                var value = line.dropFirst(keyPrefix.count)
                if value.hasSuffix(",") { value = value.dropLast() }
                id = (try? JSONSerialization.jsonObject(with: Data(value.utf8), options: .fragmentsAllowed)) as? String
            }
        }
        self.ranges = ranges
    }

    /// The lines of the item with this id; for a file holding one object, the whole file.
    public func lines(of id: String) -> ClosedRange<Int>? {
        ranges[id] ?? (ranges.isEmpty && lineCount > 0 ? 1...lineCount : nil)
    }
}
