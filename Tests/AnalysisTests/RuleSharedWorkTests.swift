@testable import Analysis
import Foundation
import Model
import Testing
import TestSupport

/// The rules' cheaper ways of doing what they did (rules12) against the ways they replace: the policies by last use
/// ordered through a rank and an instant, the instances the report-only CBR rules cover found without the rules of
/// every instance, an identity's entity from one lookup.
@Suite struct RuleSharedWorkTests {
    /// Last uses meant to trip a comparison: none, unparsable texts (some alike), the same instant written three ways,
    /// instants a second apart, and ids that repeat.
    static let lastUses: [String?] = [
        nil, "not a time", "also not", "not a time", "2026-11-19T10:00:00Z", "2026-11-19T10:00Z",
        "2026-11-19T10:00:00.000Z", "2026-11-19T10:00:01Z", "2019-01-01T01:01:00Z", "2026-11-19T10:00:00Z",
    ]

    /// The demo and the enterprise sample, by name.
    static func samples() throws -> [(name: String, account: IAMAccount)] {
        [("demo", try DemoSample.account()), ("enterprise", try EnterpriseSample.account())]
    }

    /// The order 9628b6d's `policiesByLastUse` gave (its comparator, unchanged) for the table's rows.
    static func formerOrder(_ table: PolicyTable) -> [Int32] {
        let policies = table.policies
        let ids = policies.indices.map { policies.id(of: Int32($0)) }
        let lastPermits = policies.indices.map { policies.lastPermitAt(of: Int32($0)) }, dates = lastPermits.map { $0?.date }
        return ids.indices.sorted { a, b in
            switch (lastPermits[a], lastPermits[b]) {
            case (nil, nil): return ids[a] < ids[b]
            case (nil, _?): return true
            case (_?, nil): return false
            case let (x?, y?):
                if let first = dates[a], let second = dates[b], first != second { return first < second }
                return x == y ? ids[a] < ids[b] : x < y
            }
        }.map { Int32($0) }
    }

    @Test(arguments: 0..<20)
    func policiesByLastUseOrderAsBefore(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed))
        let count = 20 + seed * 7
        let policies = (0..<count).map { position in
            let use = Self.lastUses.randomElement(using: &generator) ?? nil
            // Ids repeat (a few values), so that ties fall back to ids and ids tie too.
            let id = "p\(Int.random(in: 0..<max(2, count / 3), using: &generator))"
            return Policy(id: id, type: position % 5 == 0 ? "authorization" : "access",
                          subject: [Fixture.attr("iam_id", "IBMid-\(position % 4)")], roleIDs: [Fixture.viewer],
                          resource: [Fixture.attr("accountId", Fixture.accountID)],
                          lastPermitAt: use.map(Timestamp.init))
        }
        let account = try Fixture.account(policies: policies.filter { $0.type == "access" },
                                          authorizations: policies.filter { $0.type == "authorization" })
        let table = PolicyTable(AccessIndex(account))
        #expect(PolicyUsageFindings.policiesByLastUse(table) == Self.formerOrder(table))
    }

    @Test func policiesByLastUseOnTheSamplesOrderAsBefore() throws {
        for (name, account) in try Self.samples() {
            let table = PolicyTable(AccessIndex(account))
            #expect(PolicyUsageFindings.policiesByLastUse(table) == Self.formerOrder(table), "\(name)")
        }
    }

    /// Every choice of the samples' CBR rules: the instances found are those whose `protecting(_:)` names one.
    @Test func instancesProtectedByRulesAreThoseTheirRestrictionsName() throws {
        for (path, account) in try Self.samples() {
            let restrictions = AccessIndex(account).networkRestrictions
            let rules = account.cbrRules, instances = account.resourceInstances
            #expect(!rules.isEmpty, "\(path)")
            let protecting = instances.map { Set(restrictions.protecting($0).map(\.rule.id)) }
            var choices = rules.indices.prefix(12).map { Set([$0]) } + [Set(rules.indices), []]
            choices.append(Set(rules.indices.filter { $0 % 2 == 0 }))
            for chosen in choices {
                let ids = Set(chosen.map { rules[$0].id })
                let expected = instances.indices.filter { !protecting[$0].isDisjoint(with: ids) }
                #expect(restrictions.instances(instances, protectedByRulesAt: chosen) == expected, "\(path) \(chosen.sorted())")
            }
        }
    }

    /// An identity's entity from one lookup names it as `AccessIndex.name(ofIAMID:)` and `SubjectKind` do.
    @Test func identityEntitiesAsTheNamesAndKindsSay() throws {
        for (_, account) in try Self.samples() {
            let index = AccessIndex(account)
            let context = FindingContext(index, options: FindingsOptions())
            for iamID in index.subjects + ["iam-ServiceId-unknown", "iam-Profile-unknown", "IBMid-unknown"] {
                let entity = context.identity(iamID)
                #expect(entity.name == index.name(ofIAMID: iamID), "\(iamID)")
                #expect(entity.kind == FindingEntity.kind(of: SubjectKind(iamID: iamID, in: index.account)), "\(iamID)")
            }
        }
    }
}

/// A deterministic generator (SplitMix64), so that each seeded case is the same on every run.
private struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
