import Foundation
import Model
import Testing
import TestSupport
@testable import Analysis

/// Work cut into pieces that two threads take from both ends (`RunsSideBySide.fragments(_:splits:_:join:)`,
/// `SideBySide.pieces`) gives what the work done whole on one thread gives, on hostile layouts: pieces cut anywhere,
/// empty pieces, empty runs, a run cut many times, more pieces than items; and the roles of the closed and opened
/// ways' sources described ahead on two threads (`SourceGrants.describe`) are those `all(_:as:)` describes one by one.
@Suite struct PiecesSideBySideTests {
    static let layouts: [[[Int]]] = [
        [], [[]], [[], [], []], [Array(0..<9)], [[1], Array(2..<20), [], [20, 21], []], [[], Array(0..<40), []],
    ]

    /// Every place a piece may start: each item of each run, each empty run, and the end.
    static func places(_ counts: [Int]) -> [RunsSideBySide.Split] {
        counts.enumerated().flatMap { run, count in (0..<max(count, 1)).map { RunsSideBySide.Split(run: run, offset: $0) } }
            + [RunsSideBySide.Split(run: counts.count, offset: 0)]
    }

    /// Runs cut into three pieces at any two places in order (equal places: an empty piece), worked on in fragments
    /// and joined, are the runs.
    @Test func fragmentsOfPiecesCutAnywhereAreTheRuns() {
        for runs in Self.layouts {
            let counts = runs.map(\.count), places = Self.places(counts)
            for first in places.indices {
                for second in places.indices[first...] {
                    let fragments = RunsSideBySide.fragments(counts, splits: [places[first], places[second]]) {
                        run, items in Array(runs[run][items])
                    } join: { $0 += $1 }
                    #expect(fragments == runs, "cut at \(places[first]) and \(places[second])")
                }
            }
        }
    }

    /// The places `splits` chooses, for any number of parts and weights (items of no weight included), are in order
    /// and inside the runs, and the pieces between them are the runs.
    @Test func chosenSplitsAreInOrderAndTheirPiecesAreTheRuns() {
        for runs in Self.layouts {
            let counts = runs.map(\.count), places = Self.places(counts)
            let weight: (Int, Int) -> Int = { run, item in runs[run][item] % 3 == 0 ? 0 : runs[run][item] }
            let weights = runs.indices.map { run in runs[run].indices.reduce(0) { $0 + weight(run, $1) } }
            for parts in [1, 2, 3, 7, RunsSideBySide.pieces, 200] {
                for splits in [RunsSideBySide.splits(counts, parts: parts),
                               RunsSideBySide.splits(counts, parts: parts, weights: weights, weight: weight)] {
                    #expect(splits.count == max(parts, 1) - 1)
                    let offsets = splits.compactMap { split in places.firstIndex(of: split) }
                    #expect(offsets.count == splits.count, "\(splits) outside \(counts)")
                    #expect(offsets == offsets.sorted(), "\(splits) out of order")
                    let fragments = RunsSideBySide.fragments(counts, splits: splits) { run, items in
                        Array(runs[run][items])
                    } join: { $0 += $1 }
                    #expect(fragments == runs, "\(parts) parts")
                }
            }
        }
    }

    /// Items worked on in pieces, weighed or not, are the items in order, however few.
    @Test func piecesAreTheItemsInOrder() {
        for count in [0, 1, 2, 5, RunsSideBySide.pieces - 1, RunsSideBySide.pieces, 100, 1_000] {
            #expect(SideBySide.pieces(count) { Array($0) } == Array(0..<count))
            #expect(SideBySide.pieces(count, weight: { $0 % 7 == 0 ? 0 : $0 }) { Array($0) } == Array(0..<count))
        }
    }

    /// The roles of every source of both snapshots, in both directions, described ahead on two threads (each source
    /// asked for twice, some already described) are the roles `all(_:as:)` describes one by one, numbered in order,
    /// roles of one policy, target and condition sharing a policy number.
    @Test func rolesDescribedAheadAreThoseDescribedOneByOne() throws {
        let root = try TemporaryDirectory.make("iamgraph-pieces")
        defer { try? FileManager.default.removeItem(at: root) }
        let edited = root.appendingPathComponent("new")
        try AccessDiffOracleTests.editedCopy(of: AccessDiffOracleTests.enterprise, at: edited)
        let old = AccessIndex(try DemoPair.load(AccessDiffOracleTests.enterprise))
        let new = AccessIndex(try DemoPair.load(edited))
        let sources = Set([old, new].flatMap { index in
            index.policiesOfIAMID.keys.map { AccessPath.Source.subject(iamID: $0) }
                + index.policiesOfGroup.keys.map { AccessPath.Source.accessGroup(id: $0) }
        })
        let asked = sources.flatMap { source in
            [AccessChange.Direction.lost, .gained].map { SourceGrants.Asked(source: source, direction: $0) }
        }
        #expect(asked.count > 100)
        var ahead = SourceGrants(old: old, new: new), oneByOne = SourceGrants(old: old, new: new)
        _ = ahead.all(asked[0].source, as: asked[0].direction)
        ahead.describe(asked + asked)
        func key(_ grant: GrantedRole) -> [String] {
            [grant.policyID, grant.roleID, grant.target.key, grant.condition ?? "", grant.roleOnTarget, grant.policyNote]
        }
        for question in asked {
            let described = ahead.all(question.source, as: question.direction).map(key).sorted { $0.lexicographicallyPrecedes($1) }
            let expected = oneByOne.all(question.source, as: question.direction).map(key)
                .sorted { $0.lexicographicallyPrecedes($1) }
            #expect(described == expected, "\(question)")
        }
        #expect(ahead.described.count == oneByOne.described.count)
        #expect(ahead.described.map(\.number) == Array(ahead.described.indices))
        var policyOfKey: [GrantedRole.PolicyKey: Int] = [:], keyOfPolicy: [Int: GrantedRole.PolicyKey] = [:]
        for grant in ahead.described {
            let policyKey = GrantedRole.PolicyKey(policyID: grant.policyID, target: grant.target.key, condition: grant.condition)
            #expect(policyOfKey[policyKey, default: grant.policyNumber] == grant.policyNumber)
            #expect(keyOfPolicy[grant.policyNumber, default: policyKey] == policyKey)
            policyOfKey[policyKey] = grant.policyNumber
            keyOfPolicy[grant.policyNumber] = policyKey
        }
    }
}
