import Foundation
import Testing
@testable import Reports
import Snapshot
import TestSupport

/// The SQLite export finds a collection file's items by scanning its bytes and parses each alone: the same items, with
/// the same parents, as parsing the whole file.
@Suite struct JSONItemScannerTests {
    /// Each item (as canonical JSON) and its parent, by scanning.
    static func scanned(_ file: Data, perParent: Bool) -> [String] {
        JSONItemScanner.items(in: file, perParent: perParent).compactMap { item in
            guard let object = try? JSONSerialization.jsonObject(with: file[item.bytes]) as? [String: Any],
                  let json = try? CanonicalJSON.data(object) else { return nil }
            return "\(item.parent ?? "-") \(String(decoding: json, as: UTF8.self))"
        }
    }

    /// Each object item (as canonical JSON) and its parent, by parsing the whole file.
    static func parsed(_ file: Data, perParent: Bool) throws -> [String] {
        let document = try JSONSerialization.jsonObject(with: file)
        let groups: [(String?, [Any])] = perParent
            ? ((document as? [String: Any]) ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value as? [Any] ?? []) }
            : [(nil, document as? [Any] ?? [])]
        return try groups.flatMap { parent, items in
            try items.compactMap { $0 as? [String: Any] }.map {
                "\(parent ?? "-") \(String(decoding: try CanonicalJSON.data($0), as: UTF8.self))"
            }
        }
    }

    @Test(arguments: [Samples.demo, Samples.enterprise])
    func everyCollectionFileGivesTheItemsOfTheWholeParse(sample: URL) throws {
        for kind in CollectionKind.allCases where kind.shape != .object {
            let url = sample.appendingPathComponent(kind.fileName)
            guard let file = try? Data(contentsOf: url) else { continue }
            let perParent = kind.shape != .list
            // The file's order of parents (canonical: by UTF-16) against Swift's: rows keep the file's.
            #expect(try Self.scanned(file, perParent: perParent).sorted() == Self.parsed(file, perParent: perParent).sorted(),
                    "\(kind)")
        }
    }

    @Test func stringsWithBracketsQuotesAndEscapesDoNotEndAnItem() throws {
        let list = Data(#"[ {"a": "} ] { [ \" \\", "b": [{"c": "\"}"}]}, 3, "x{", [ {"nested": 1} ], {"d": "\u007d"} ]"#.utf8)
        #expect(try Self.scanned(list, perParent: false) == Self.parsed(list, perParent: false))
        #expect(Self.scanned(list, perParent: false).count == 2)
        let groups = Data(#"{ "g\"1}": [ {"id": "]"} ], "g2": {"id": "not a list"}, "g3": [ 1, {"id": "x"} ] }"#.utf8)
        let found = Self.scanned(groups, perParent: true)
        let whole = try Self.parsed(groups, perParent: true)
        #expect(found == whole && found.count == 2 && found[0].hasPrefix("g\"1} "), "\(found)")
        #expect(Self.scanned(Data("[ {\"a\": 1}, {\"b\": ".utf8), perParent: false).count == 1)
    }

    /// Plain bytes are skipped eight at a time inside strings: an escaped quote, a backslash, a bracket or a non-ASCII
    /// character after every length of plain text still ends (or does not end) the string where it should.
    @Test func stringsOfEveryLengthEndWhereTheyShould() throws {
        for length in 0..<24 {
            for special in [#"\""#, #"\\"#, "}", "]", "{ [", "é", #"\u0022"#] {
                let plain = String(repeating: "x", count: length)
                let value = plain + special + plain
                let list = Data(#"[ {"a": "\#(value)", "b": [{"c": "\#(special)"}]}, {"d": "\#(plain)"} ]"#.utf8)
                #expect(try Self.scanned(list, perParent: false) == Self.parsed(list, perParent: false), "\(value)")
                #expect(Self.scanned(list, perParent: false).count == 2, "\(value)")
                let groups = Data(#"{ "\#(value)": [ {"id": "\#(value)"} ], "g": [ {"id": "\#(plain)"} ] }"#.utf8)
                let found = Self.scanned(groups, perParent: true), whole = try Self.parsed(groups, perParent: true)
                #expect(found.count == 2 && found.sorted() == whole.sorted(), "\(value)")
            }
        }
    }
}
