import Foundation
import Testing
@testable import Analysis
import Model
@testable import Reports

/// A diff's causes and holders are written a run at a time on two threads (`OrderedRuns`, `DiffRuns`), and each
/// holder's changes are ordered through ranked roles (`GrantRanks`): neither may change a byte of the output.
@Suite struct DiffRunsTests {
    struct Planted: Error, Equatable {
        let run: Int
    }

    /// The bytes of run `run`: its number, as often as the number's remainder by 7 says (none for some).
    static func bytes(of run: Int) -> [UInt8] {
        Array(repeating: UInt8(truncatingIfNeeded: run), count: run % 7)
    }

    /// Each format's bytes with every cause and holder a run of its own (many runs, on two threads) equal its bytes
    /// written as one run.
    @Test(arguments: [DiffFormat.text, .json, .markdown])
    func theOutputDoesNotDependOnHowItIsCutIntoRuns(format: DiffFormat) throws {
        let diff = try ReportTests.demoDiff()
        #expect(diff.access.count > 2 && diff.causes.count > 2)
        func written(target: Int) throws -> Data {
            try DiffRuns.$target.withValue(target) {
                var data = Data()
                let write = try #require(try DiffOutput.writer(diff, old: DemoPair.load(DemoPair.demo),
                                                                 new: DemoPair.load(DemoPair.demo),
                                                                 sources: ReportTests.sources, format: format,
                                                                 layout: .dot, note: { _ in }))
                try write { data.append($0) }
                return data
            }
        }
        let one = try written(target: Int.max), many = try written(target: 1)
        #expect(!one.isEmpty)
        #expect(one == many)
        #expect(DiffRuns.$target.withValue(1) { DiffRuns.holders(diff).count } == diff.access.count)
    }

    /// Runs made on two threads, some faster than others, are handed on in order, each once.
    @Test func runsAreHandedOnInOrder() throws {
        var taken: [UInt8] = []
        try OrderedRuns.write(count: 500, state: { 0 }, make: { run, made in
            made += 1
            return Self.bytes(of: run)
        }, to: { taken += $0 })
        #expect(taken == (0..<500).flatMap(Self.bytes(of:)))
    }

    /// A run far longer than the others (a cause of thousands of changes) holds up only the thread that makes it:
    /// the other goes on with the next runs, and all are still handed on in order, each once.
    @Test func aLongRunDoesNotReorderTheOthers() throws {
        var taken: [UInt8] = []
        try OrderedRuns.write(count: 200, state: {}, make: { run, _ in
            if run % 50 == 3 { Thread.sleep(forTimeInterval: 0.02) }
            return Self.bytes(of: run)
        }, to: { taken += $0 })
        #expect(taken == (0..<200).flatMap(Self.bytes(of:)))
    }

    /// Runs handed on after what was written before them: a long run goes to the sink whole, after the bytes before
    /// it; short ones are gathered into blocks; nothing is lost or reordered, and what is left is under a block.
    @Test func longRunsGoWholeAndShortOnesInBlocks() throws {
        func run(_ byte: UInt8, _ count: Int) -> [UInt8] { Array(repeating: byte, count: count) }
        let blockSize = 64
        let runs: [[UInt8]] = [[1, 2, 3], run(4, 16), [5], run(6, 15), run(7, 15), run(8, 15), run(9, 15), run(12, 15),
                               run(10, 200), [], [11], [13, 13]]
        var pending: [UInt8] = [0], handed: [[UInt8]] = []
        for run in runs {
            try OrderedRuns.hand(run, after: &pending, blockSize: blockSize) { handed.append([UInt8]($0)) }
            #expect(pending.count < blockSize)
        }
        let all: [UInt8] = [0] + runs.joined()
        #expect(Array(handed.joined()) + pending == all)
        // The bytes before the long run of 4s, the run itself, a full block of short runs, the run of 200.
        let block: [UInt8] = [5] + run(6, 15) + run(7, 15) + run(8, 15) + run(9, 15) + run(12, 15)
        let expected: [[UInt8]] = [[0, 1, 2, 3], run(4, 16), block, run(10, 200)]
        #expect(handed == expected)
        #expect(pending == [11, 13, 13])
    }

    /// An error in making a run stops the writing: the runs before it are handed on, none after, and the error is
    /// thrown once both threads have stopped.
    @Test func anErrorInARunIsThrownAfterTheRunsBeforeIt() {
        var taken: [UInt8] = []
        #expect(throws: Planted(run: 37)) {
            try OrderedRuns.write(count: 500, state: {}, make: { run, _ in
                if run == 37 { throw Planted(run: 37) }
                return Self.bytes(of: run)
            }, to: { taken += $0 })
        }
        #expect(taken == (0..<37).flatMap(Self.bytes(of:)))
    }

    /// An error in handing a run on stops the threads and is thrown.
    @Test func anErrorInTheSinkStopsTheRuns() {
        var handed = 0
        #expect(throws: Planted(run: 5)) {
            try OrderedRuns.write(count: 10_000, state: {}, make: { run, _ in Self.bytes(of: run) }, to: { _ in
                handed += 1
                if handed == 6 { throw Planted(run: 5) }
            })
        }
        #expect(handed == 6)
    }

    /// Runs hold about `target` in weight; a heavy item is a run of its own; together they cover every item once.
    @Test func rangesCoverEveryItemInOrder() {
        let weights = [1, 1, 1, 5, 0, 1, 9, 1, 1, 1, 1]
        let ranges = OrderedRuns.ranges(count: weights.count, target: 3) { weights[$0] }
        #expect(ranges == [0..<3, 3..<4, 4..<7, 7..<10, 10..<11])
        #expect(OrderedRuns.ranges(count: 0, target: 3) { _ in 1 }.isEmpty)
    }

    /// The order the changes were sorted in before roles were ranked: by the words, then the role CRN and the
    /// path's ids. A reference, against which `GrantRanks` is checked.
    static func sortedByTheWords(_ changes: [AccessChange]) -> [AccessChange] {
        changes.sorted { a, b in
            if a.targetLabel != b.targetLabel { return a.targetLabel < b.targetLabel }
            if a.role != b.role { return a.role < b.role }
            if a.policyID != b.policyID { return a.policyID < b.policyID }
            if a.via != b.via { return a.via < b.via }
            if a.roleID != b.roleID { return a.roleID < b.roleID }
            return a.path.ids.lexicographicallyPrecedes(b.path.ids)
        }
    }

    /// Each holder's changes, reversed and sorted through ranked roles, read as the reference sorts them.
    @Test func rankedRolesSortChangesAsTheirWordsDo() throws {
        let diff = try ReportTests.demoDiff()
        let changes = diff.access.flatMap { $0.gained + $0.lost }
        let ranks = GrantRanks(changes.map(\.grant))
        #expect(changes.count > 10)
        for holder in diff.access {
            for list in [holder.gained, holder.lost] {
                #expect(ranks.sorted(list.reversed()) == Self.sortedByTheWords(list.reversed()))
                #expect(ranks.sorted(list) == list)
            }
        }
        // Every change of every holder at once: many ties in the roles' words, broken by the ways.
        #expect(ranks.sorted(changes.reversed()) == Self.sortedByTheWords(changes.reversed()))
        #expect(GrantRanks([]).sorted(changes.reversed()) == Self.sortedByTheWords(changes.reversed()))
    }

    /// Two roles described twice (the same words, two objects) rank equal: their changes are ordered by their ways,
    /// not by which object was ranked first.
    @Test func rolesOfEqualWordsRankEqual() throws {
        let diff = try ReportTests.demoDiff()
        let ways = Dictionary(diff.access.flatMap { $0.gained + $0.lost }.map { ($0.via, $0.way) }, uniquingKeysWith: { a, _ in a })
        let (near, far) = try (#require(ways.keys.min()), #require(ways.keys.max()))
        #expect(near < far)
        let index = AccessIndex(try DemoPair.load(DemoPair.demo))
        let policy = try #require(index.account.accessPolicies.first { !$0.roleIDs.isEmpty })
        var roles = DescribedRoles()
        let first = roles.describe(roleID: policy.roleIDs[0], of: policy, in: index)
        let second = roles.describe(roleID: policy.roleIDs[0], of: policy, in: index)
        let changes = [AccessChange(.gained, first, through: try #require(ways[far]), by: .policy),
                       AccessChange(.gained, second, through: try #require(ways[near]), by: .policy)]
        for ranked in [[first, second], [second, first]] {
            #expect(GrantRanks(ranked).sorted(changes).map(\.via) == [near, far])
        }
    }
}
