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
        // Each seed deals the last uses and the ids (a few values, so that ties fall back to ids and ids tie too) in
        // another order.
        let count = 20 + seed * 7, ids = max(2, count / 3)
        let policies = (0..<count).map { position in
            let use = Self.lastUses[(position * (seed + 3) + seed) % Self.lastUses.count]
            let id = "p\((position * (2 * seed + 5) + seed) % ids)"
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

    /// `InPlace` says what the computed properties it stands for say, on the samples and on hostile values.
    @Test func inPlaceTestsAreTheComputedProperties() throws {
        let odd = ["active", "ACTIVE", "deleted", "", "authorization", "access"]
        let hostile = odd.map { Policy(id: $0, type: $0, state: $0, subject: [], roleIDs: [], resource: []) }
            + [Policy(id: "none", type: "access", state: nil, subject: [], roleIDs: [], resource: [])]
        for (_, account) in try Self.samples() {
            for policies in [account.accessPolicies, account.authorizationPolicies, hostile] {
                for position in policies.indices {
                    #expect(InPlace.isActive(policies, position) == policies[position].isActive)
                    #expect(InPlace.isAuthorization(policies, position) == policies[position].isAuthorization)
                }
            }
            for memberships in AccessIndex(account).groupsOfMember.values {
                for position in memberships.indices {
                    #expect(InPlace.isPublicAccess(memberships, position) == memberships[position].group.isPublicAccess)
                    #expect(InPlace.groupName(memberships, position) == memberships[position].group.displayName)
                    #expect(InPlace.isDynamic(memberships, position) == memberships[position].member.isDynamic)
                }
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
