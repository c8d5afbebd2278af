@testable import Analysis
@testable import Reports
import Testing

/// The text table of `access` written from shared parts (each value's cells cleaned, measured and padded once) is
/// byte for byte the table `TextTable.Layout` writes from each row's cells: hostile and wide cells, empty cells at
/// the end of a part and of a line, cut to a width or not.
@Suite struct PartedTextTableTests {
    static let header = ["IDENTITY", "KIND", "ROLE", "ACTIONS", "TARGET"]
    /// Holders: two cells each, one with an escape sequence, one with a newline, one wide, one empty name.
    static let holders: [[String]] = [
        ["alice (IBMid-1)", "user"], ["\u{1B}[31mred\u{1B}[0m (IBMid-2)", "user"], ["two\nlines (iam-3)", "service_id"],
        ["日本語の名前 (IBMid-4)", "user"], ["", "profile"], ["a much longer holder name than the others (IBMid-6)", "user"],
    ]
    /// Grants: three cells each, some ending in empty cells, one all empty.
    static let grants: [[String]] = [
        ["Administrator", "kms.secrets.read, kms.secrets.list", "kms across the account"], ["Viewer", "unknown", ""],
        ["Manager", "", ""], ["", "", ""], ["Writer\u{202E}", "kms.secrets.create", "kms in \"Default\" <b>x</b>"],
    ]

    /// `count` rows whose values follow a fixed pseudo-random sequence.
    static func rows(_ count: Int, holders: [[String]] = holders) -> [(holder: Int, grant: Int)] {
        var state: UInt64 = 42
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (Int(state >> 33) % holders.count, Int(state >> 13) % grants.count)
        }
    }

    static func parted(_ rows: [(holder: Int, grant: Int)], holders: [[String]] = holders, width: Int?) -> String {
        var table = PartedTextTable(header: header, count: rows.count, parts: [
            .shared({ rows[$0].holder }) { holders[$0] }, .shared({ rows[$0].grant }) { grants[$0] },
        ])
        if let width { _ = table.fit(width: width) }
        var bytes: [UInt8] = []
        for line in 0...rows.count { table.write(line, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func layout(_ rows: [(holder: Int, grant: Int)], holders: [[String]] = holders, width: Int?) -> String {
        var layout = TextTable.Layout(header, count: rows.count) { holders[rows[$0].holder] + grants[rows[$0].grant] }
        if let width { _ = layout.fit(width: width) }
        var bytes: [UInt8] = []
        for line in 0...rows.count { layout.write(line, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: [nil, 200, 80, 40, 12])
    func thePartedTableIsTheLayoutsTable(width: Int?) {
        let rows = Self.rows(500)
        let parted = Self.parted(rows, width: width)
        #expect(parted == Self.layout(rows, width: width))
        #expect(!parted.contains("\u{1B}") && !parted.contains("\u{202E}"))
        #expect(!parted.split(separator: "\n").contains { $0.hasSuffix(" ") })
    }

    /// A line whose every cell is empty is an empty line; a holder part with only empty cells is padded through.
    @Test func emptyPartsAndLines() {
        let holders = [["", ""], ["bob", ""]]
        let rows = [(holder: 0, grant: 3), (holder: 0, grant: 1), (holder: 1, grant: 3), (holder: 1, grant: 2)]
        let parted = Self.parted(rows, holders: holders, width: nil)
        #expect(parted == Self.layout(rows, holders: holders, width: nil))
        #expect(parted.split(separator: "\n", omittingEmptySubsequences: false)[1].isEmpty)
    }

    @Test func anEmptyTableIsItsHeader() {
        #expect(Self.parted([], width: nil) == Self.layout([], width: nil))
    }
}

/// Row `n` of an `access --action` answer is found through its block of rows: the same segment as a search over
/// every segment, for segments of one row to several blocks long.
@Suite struct ActionReachRowTests {
    @Test func everyRowIsInTheSegmentThatHoldsIt() {
        let sizes = [1, 1, 3, 64, 1, 63, 65, 2, 130, 1, 200, 5, 64, 64, 1]
        var segments: [ActionReach.Segment] = [], start = 0
        for (number, size) in sizes.enumerated() {
            segments.append(ActionReach.Segment(holder: number, path: 0, source: number, start: start))
            start += size
        }
        let reach = ActionReach(holders: sizes.indices.map(String.init), paths: [[]], carried: [],
                                sources: sizes.map { Array(repeating: 0, count: $0) }, segments: segments)
        #expect(reach.count == start)
        for line in 0..<reach.count {
            let expected = segments.lastIndex { $0.start <= line }
            #expect(reach.segment(ofRow: line) == expected, "row \(line)")
        }
    }
}
