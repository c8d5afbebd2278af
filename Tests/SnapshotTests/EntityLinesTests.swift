import Foundation
import Testing
import TestSupport
@testable import Snapshot

/// SARIF points each finding at its entity's lines: `EntityLines` finds every item of a canonical collection file by
/// its id, scanning the file's bytes.
@Suite struct EntityLinesTests {
    /// Every item of every list and per-parent file of the samples is found, its range opening with the item's `{`
    /// and holding its id line; each id once.
    @Test(arguments: [Samples.demo, Samples.enterprise])
    func everyItemOfTheSamplesIsFound(_ directory: URL) throws {
        for kind in CollectionKind.allCases {
            guard let lines = EntityLines(kind, in: directory) else { continue }
            let text = try String(contentsOf: directory.appendingPathComponent(kind.fileName), encoding: .utf8)
            let fileLines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.lineCount == fileLines.count - 1, "\(kind.fileName) ends with a line break")
            for (id, range) in lines.ranges {
                let first = fileLines[range.lowerBound - 1], last = fileLines[range.upperBound - 1]
                #expect(first.hasSuffix("{") && first.allSatisfy { $0 == " " || $0 == "{" }, "\(kind.fileName) \(id)")
                #expect(last.hasPrefix(String(first.dropLast()) + "}"), "\(kind.fileName) \(id)")
                let idKey = kind == .resourceInstances ? "guid" : kind.idKey
                let quoted = String(decoding: try JSONSerialization.data(withJSONObject: id, options: [.fragmentsAllowed, .withoutEscapingSlashes]), as: UTF8.self)
                #expect(fileLines[range].contains { $0.hasSuffix("\"\(idKey)\" : \(quoted),") || $0.hasSuffix("\"\(idKey)\" : \(quoted)") },
                        "\(kind.fileName) \(id)")
            }
            switch kind.shape {
            case .list, .perParent, .roles: #expect(!lines.ranges.isEmpty || !text.contains("\"\(kind.idKey)\""), "\(kind.fileName)")
            case .object: #expect(lines.ranges.isEmpty)
            }
        }
    }

    /// Ids with escapes and non-ASCII characters read back as the strings they stand for; an id that is not a string,
    /// and an item without an id, are not found; an empty file has no lines and one without a final line break counts
    /// its last line.
    @Test func escapedIdsAndOddFilesAreRead() {
        let text = #"""
        [
          {
            "id" : "AccessGroupId-\"quoted\" \u001b[31m",
            "name" : "a"
          },
          {
            "id" : "AccessGroupId-é",
            "name" : "b"
          },
          {
            "id" : 42
          },
          {
            "name" : "no id"
          }
        ]
        """#
        let lines = EntityLines(text, kind: .accessGroups)
        #expect(lines.ranges == ["AccessGroupId-\"quoted\" \u{1B}[31m": 2...5, "AccessGroupId-é": 6...9])
        #expect(lines.lineCount == 16)
        #expect(EntityLines(text + "\n", kind: .accessGroups).lineCount == 16)
        #expect(EntityLines("", kind: .accessGroups).lineCount == 0)
        #expect(EntityLines("", kind: .accessGroups).lines(of: "x") == nil)
        #expect(EntityLines("{\n}\n", kind: .account).lines(of: "anything") == 1...2)
    }

    /// A file scanned in two halves side by side gives what one scan gives, wherever the cut is searched from: every
    /// list and per-parent file of the samples, and a hostile one (an item left open before the cut, a repeated id
    /// on both sides of it, a closing line without an opening, no final line break).
    @Test func twoHalvesGiveWhatOneScanGives() throws {
        var files: [(CollectionKind, Data)] = []
        for directory in [Samples.demo, Samples.enterprise] {
            for kind in CollectionKind.allCases where kind.shape != .object {
                guard let data = try? Data(contentsOf: directory.appendingPathComponent(kind.fileName)) else { continue }
                files.append((kind, data))
            }
        }
        let hostile = #"""
        [
          {
            "id" : "first",
          {
            "id" : "twice"
          },
          }
          {
            "id" : "twice",
            "name" : "later"
          },
          {
            "id" : "last"
          }
        ]
        """#
        files.append((.accessGroups, Data(hostile.utf8)))
        #expect(files.count > 10)
        for (kind, data) in files {
            let whole = EntityLines(data, kind: kind, cutFrom: nil)
            // Sixty cut points spread over each file (every byte of a shorter one).
            for cutFrom in stride(from: 0, through: data.count, by: max(1, data.count / 60)) {
                let halves = EntityLines(data, kind: kind, cutFrom: cutFrom)
                #expect(halves.ranges == whole.ranges && halves.lineCount == whole.lineCount, "\(kind.fileName) cut from \(cutFrom)")
            }
        }
        let lines = EntityLines(Data(hostile.utf8), kind: .accessGroups, cutFrom: hostile.utf8.count / 2)
        #expect(lines.ranges == ["twice": 4...6, "last": 12...14], "\(lines.ranges)")
        #expect(lines.lineCount == 15)
    }

    /// A file as long as the split length is scanned in two halves by default, and gives what one scan gives.
    @Test func longFilesAreSplitByDefault() {
        let item = "  {\n    \"id\" : \"ID\",\n    \"name\" : \"" + String(repeating: "x", count: 200) + "\"\n  },\n"
        var text = "[\n"
        var count = 0
        while text.utf8.count < EntityLines.splitLength { text += item.replacingOccurrences(of: "ID", with: "id-\(count)"); count += 1 }
        text += "  {\n    \"id\" : \"id-last\"\n  }\n]\n"
        let data = Data(text.utf8)
        let lines = EntityLines(data, kind: .accessGroups)
        #expect(lines.ranges.count == count + 1)
        #expect(lines.ranges == EntityLines(data, kind: .accessGroups, cutFrom: nil).ranges)
        #expect(lines.lines(of: "id-\(count / 2)") == (2 + 4 * (count / 2))...(5 + 4 * (count / 2)))
        #expect(lines.lineCount == 4 * count + 5)
    }
}
