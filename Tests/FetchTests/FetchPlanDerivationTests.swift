@testable import Fetch
import Snapshot
import Testing

/// The fetch plan is derived from `CollectionKind`: every collection a fetch reads has exactly one way to start.
@Suite struct FetchPlanDerivationTests {
    @Test(arguments: [false, true])
    func everyFetchedCollectionStartsOneWay(identityScoped: Bool) {
        let fetched = CollectionKind.fetched(identityScoped: identityScoped)
        let atOnce = CollectionKind.startingAtOnce(identityScoped: identityScoped)
        for kind in fetched {
            var ways = 0
            if atOnce.contains(kind) { ways += 1 }
            if kind.fetchStart == .parents, let parent = kind.parent, fetched.contains(parent) { ways += 1 }
            if kind.fetchStart == .namedServices { ways += 1 }
            // Policy template versions wait for the collections that refer to templates.
            if kind.fetchStart == .templateReferences, PolicyTemplateReferences.sources.allSatisfy(fetched.contains) { ways += 1 }
            // An identity's policies are asked per access group of the identity, once its groups are known.
            if identityScoped, kind.holdsPolicies, fetched.contains(.accessGroups) { ways += 1 }
            #expect(ways == 1, "\(kind.name) starts \(ways) ways")
        }
    }

    @Test func scopes() {
        #expect(CollectionKind.fetched(identityScoped: false) == CollectionKind.allCases)
        #expect(CollectionKind.fetched(identityScoped: true)
                == [.accessGroups, .accessGroupMembers, .accessGroupRules, .accessPolicies, .roles])
        #expect(CollectionKind.startingAtOnce(identityScoped: true) == [.accessGroups])
    }
}
