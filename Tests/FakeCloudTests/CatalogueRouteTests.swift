@testable import FakeCloud
import Foundation
import Snapshot
import Testing
import TestSupport

/// The fake cloud serves every collection from its `CollectionKind.endpoint` declaration, except the few whose
/// routes need logic of their own; a new collection needs no route.
@Suite struct CatalogueRouteTests {
    /// The collections whose routes are written by hand, each for a reason its route's doc comment gives.
    static let specialCollections: Set<CollectionKind> = [
        .accessGroups, .accessGroupMembers, .accessPolicies, .authorizationPolicies, .roles, .apiKeys,
        .trustedProfileIdentities, .accessGroupAssignmentResources,
    ]

    /// The routes that match requests to `kind`'s declared path.
    private func routes(of kind: CollectionKind, in endpoints: [Endpoint]) -> [Endpoint] {
        let declared = kind.endpoint.path.split(separator: "/").map(String.init)
        return endpoints.filter { endpoint in
            endpoint.method == "GET" && endpoint.pattern.count == declared.count
                && zip(endpoint.pattern, declared).allSatisfy { $0 == $1 || (Endpoint.isParameter($0) && Endpoint.isParameter($1)) }
        }
    }

    @Test func everyCollectionHasOneRouteAndOnlyTheSpecialOnesAreWrittenByHand() {
        for kind in CollectionKind.allCases {
            #expect(routes(of: kind, in: FakeCloudEngine.endpoints).count == 1, "\(kind.name)")
            #expect(!routes(of: kind, in: FakeCloudEngine.special).isEmpty == Self.specialCollections.contains(kind),
                    "\(kind.name)")
        }
    }

    /// Every list served from the catalogue answers a one-item page in its declared envelope, with the items under
    /// its items key and, when the list is paged and holds more, a cursor to the next page where its API puts it.
    @Test func everyCatalogueListIsServedInItsDeclaredEnvelope() async throws {
        try await withCloud(demoSnapshot) { cloud, client in
            let client = try await client.authenticated()
            for kind in CollectionKind.allCases where !Self.specialCollections.contains(kind) && kind.shape != .object {
                let endpoint = kind.endpoint
                let served = try await client.get(reference(kind, account: cloud.accountID, parent: parent(of: kind)))
                #expect(served.status == 200, "\(kind.name)")
                let body = try served.json
                let key = try #require(endpoint.itemsKey)
                let items = try #require(body[key] as? [Any], "\(kind.name)")
                guard let style = PagingStyle(endpoint.paging) else {
                    if let countKey = endpoint.countKey { #expect(body[countKey] as? Int == items.count, "\(kind.name)") }
                    continue
                }
                #expect(items.count <= 1, "\(kind.name)")
                let next: String? = switch style {
                case .identity, .identityTemplates: NextLink.identity(body)
                case .offset, .start: NextLink.href(body)
                case .resourceController, .users: NextLink.nextURL(body)
                }
                #expect((next != nil) == (try storedCount(kind) > 1), "\(kind.name)")
            }
        }
    }

    /// A parameter the declaration marks required is refused when missing (400), as IBM's API does.
    @Test(arguments: [CollectionKind.cbrZones, .cbrRules, .accessGroupTemplates, .trustedProfileAssignments])
    func requiredParametersAreRefusedWhenMissing(kind: CollectionKind) async throws {
        try await withCloud(demoSnapshot) { cloud, client in
            let client = try await client.authenticated()
            #expect(try await client.get(kind.endpoint.path).status == 400)
            #expect(try await client.get(kind.endpoint.path + "?account_id=\(cloud.accountID)").status == 200)
        }
    }

    /// A per-parent list answers 404 for a parent the snapshot does not know.
    @Test(arguments: [CollectionKind.trustedProfileLinks, .trustedProfileRules, .accessGroupRules, .policyTemplateVersions])
    func perParentListsRefuseUnknownParents(kind: CollectionKind) async throws {
        try await withCloud(demoSnapshot) { cloud, client in
            let client = try await client.authenticated()
            #expect(try await client.get(reference(kind, account: cloud.accountID, parent: "unknown-parent")).status == 404)
        }
    }

    /// The request for `kind`'s first page of one item: its path and declared query filled in.
    private func reference(_ kind: CollectionKind, account: String, parent: String?) -> String {
        let endpoint = kind.endpoint
        let path = endpoint.path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment == "{account}" ? account : Endpoint.isParameter(String(segment)) ? parent ?? "" : String(segment)
        }.joined(separator: "/")
        var query = endpoint.query.map { "\($0.name)=\($0.value == CollectionEndpoint.accountPlaceholder ? account : $0.value)" }
        if let style = PagingStyle(endpoint.paging) { query.append("\(style.limitParameter)=1") }
        return path + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    /// A per-parent list's first parent in the demo.
    private func parent(of kind: CollectionKind) throws -> String? {
        guard kind.shape == .perParent else { return nil }
        let content = try #require(try snapshotFile(demoSnapshot, kind.fileName) as? [String: Any])
        return content.keys.sorted().first
    }

    /// The items the demo holds for `kind` (for a per-parent list, its first parent's).
    private func storedCount(_ kind: CollectionKind) throws -> Int {
        let content = try snapshotFile(demoSnapshot, kind.fileName)
        if let parent = try parent(of: kind) { return ((content as? [String: Any])?[parent] as? [Any])?.count ?? 0 }
        return (content as? [Any])?.count ?? 0
    }
}
