import Foundation
import Testing
@testable import Reports
import Analysis
import Model
import Snapshot
import TestSupport

/// The SQLite export's collection tables, read back with Python's `sqlite3`, hold exactly the rows of the reference:
/// every object item of the collection file parsed whole by Foundation, with its parent, filter columns and canonical
/// text — the rows the export stored when it parsed every item with Foundation, whichever way it reads them now.
@Suite struct SQLiteCollectionRowsTests {
    static let columns = ["id", "parent_id", "name", "iam_id", "crn", "type", "state", "json"]

    /// The reference rows of a collection file, as tab-joined columns (`None` for `NULL`), sorted.
    static func expectedRows(_ kind: CollectionKind, _ file: Data) throws -> [String] {
        let document = try JSONSerialization.jsonObject(with: file)
        let items: [(parent: String?, item: Any)] = switch kind.shape {
        case .object: [(nil, document)]
        case .list: (document as? [Any] ?? []).map { (nil, $0) }
        case .perParent, .roles:
            (document as? [String: Any] ?? [:]).flatMap { parent, list -> [(parent: String?, item: Any)] in
                (list as? [Any] ?? []).map { (parent, $0) }
            }
        }
        func text(_ value: Any?) -> String? {
            switch value {
            case let string as String: string
            case let number as NSNumber: number.stringValue
            default: nil
            }
        }
        return try items.compactMap { parent, item in
            guard let object = item as? [String: Any] else { return nil }
            let json = String(decoding: try CanonicalJSON.data(object), as: UTF8.self)
            let name = text(object["name"]) ?? text(object["email"]) ?? text(object["display_name"])
            let row = [text(object[kind.idKey]), parent, name, text(object["iam_id"]), text(object["crn"]),
                       text(object["type"]), text(object["state"]), json]
            return row.map { $0 ?? "None" }.joined(separator: "\t")
        }.sorted()
    }

    /// Every table's rows as Python's `sqlite3` reads them, tab-joined, by table.
    static func tables(_ file: URL, _ names: [String]) async throws -> [String: [String]] {
        let script = """
            import json, sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            print(json.dumps({t: sorted("\\t".join(str(v) for v in r) for r in c.execute(
                "SELECT \(columns.joined(separator: ", ")) FROM " + t)) for t in sys.argv[2:]}))
            """
        let result = try await ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"),
                                                 ["python3", "-c", script, file.path] + names)
        try #require(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode([String: [String]].self, from: Data(result.stdout.utf8))
    }

    @Test(arguments: [Samples.demo, Samples.enterprise])
    func everyCollectionTableHoldsTheRowsOfItsFileParsedWhole(sample: URL) async throws {
        let snapshot = try SnapshotReader.load(sample)
        let file = TemporaryDirectory.removedAtExit("collection-rows").appendingPathExtension("sqlite")
        try SQLiteExport.write(snapshot, to: file.path, note: { Issue.record("unexpected note: \($0)") })
        let tables = try await Self.tables(file, CollectionKind.allCases.map(\.rawValue))
        var rows = 0
        for kind in CollectionKind.allCases {
            let expected = try snapshot.files[kind].map { try Self.expectedRows(kind, $0) } ?? []
            #expect(tables[kind.rawValue] == expected, "\(kind)")
            rows += expected.count
        }
        #expect(rows > 100)
    }
}
