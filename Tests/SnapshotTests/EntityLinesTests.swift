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
}
