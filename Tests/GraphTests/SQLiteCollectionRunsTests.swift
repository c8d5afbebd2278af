import Foundation
import Testing
@testable import Reports
import Snapshot
import TestSupport

/// A collection table is read in runs on two threads and inserted in file order: hostile items across many runs —
/// quotes, brackets, escapes, line breaks, NUL, megabyte strings, and items that are not canonical and so take
/// Foundation's way — give the rows of the whole file parsed by Foundation, in file order.
@Suite struct SQLiteCollectionRunsTests {
    static let strings = HostileAccountTests.hostile + [
        "nul \u{0} inside", "\u{1B}[31m red", "} ] { [ \" \\", "\u{7F}\u{85}\u{2028}\u{FEFF}", "",
    ]

    /// `count` items: canonical ones (keys sorted, as a canonical file holds them) and, every third, one with a key
    /// out of order and a fraction, which only Foundation reads; every seventh is not an object, and one holds a
    /// megabyte string (longer than a run).
    static func list(_ count: Int) throws -> Data {
        var items: [String] = []
        for number in 0..<count {
            guard number % 7 != 6 else {
                items.append("\(number)")
                continue
            }
            let name = number == count / 2 ? String(repeating: "é\"}", count: 400_000) : strings[number % strings.count]
            let item: [String: Any] = ["iam_id": "IBMid-\(number)", "name": name, "state": "ACTIVE", "n": number,
                                       "nested": ["deep": [number, ["x": String(name.prefix(20))]]]]
            let text = String(decoding: try CanonicalJSON.data(item), as: UTF8.self)
            items.append(number % 3 == 2 ? #"{"zz": 1.5, "# + text.dropFirst() : text)
        }
        return Data(("[\n" + items.joined(separator: ",\n") + "]\n").utf8)
    }

    /// The table's rows in rowid order, as Python's sqlite3 reads them (tab-joined, `None` for `NULL`).
    static func rows(_ file: URL, _ table: String) async throws -> [String] {
        let columns = SQLiteCollectionRowsTests.columns.joined(separator: ", ")
        let script = """
            import json, sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            print(json.dumps(["\\t".join(str(v) for v in r) for r in c.execute(
                "SELECT \(columns) FROM " + sys.argv[2] + " ORDER BY rowid")]))
            """
        let result = try await ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, file.path, table])
        try #require(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode([String].self, from: Data(result.stdout.utf8))
    }

    @Test func hostileItemsAcrossManyRunsGiveTheWholeParsesRowsInFileOrder() async throws {
        let file = try Self.list(1_500)
        #expect(file.count > 8 * SQLiteCollectionTable.runBytes)
        let path = TemporaryDirectory.removedAtExit("collection-runs").appendingPathExtension("sqlite")
        let database = try SQLiteDatabase(path: path.path)
        try database.execute("BEGIN")
        try SQLiteCollectionTable.write(.users, file: file, to: database)
        let members = Data(#"{"g\"}": [{"iam_id": "a\u0000"}, {"type": "x", "iam_id": "b"}], "g2": [], "g3": "#.utf8) + file
            + Data("}".utf8)
        try SQLiteCollectionTable.write(.accessGroupMembers, file: members, to: database)
        try database.execute("COMMIT")

        // In file order: the list's reference rows are in file order too.
        let expected = try Self.unsorted(.users, file)
        #expect(expected.count == 1_500 - 1_500 / 7)
        let stored = try await Self.rows(path, "users")
        #expect(stored.count == expected.count)
        #expect(stored == expected)
        #expect(stored.contains { $0.contains("nul \u{0} inside") })
        #expect(try await Self.rows(path, "access_group_members").sorted()
                == SQLiteCollectionRowsTests.expectedRows(.accessGroupMembers, members))
    }

    /// `SQLiteCollectionRowsTests.expectedRows` of a list, in file order rather than sorted.
    static func unsorted(_ kind: CollectionKind, _ file: Data) throws -> [String] {
        let items = try #require(try JSONSerialization.jsonObject(with: file) as? [Any])
        return try items.flatMap { item -> [String] in
            guard item is [String: Any] else { return [] }
            return try SQLiteCollectionRowsTests.expectedRows(kind, JSONSerialization.data(withJSONObject: [item]))
        }
    }
}
