import FakeCloud
import Foundation
import Snapshot
import Testing

/// `fake-ibmcloud --list-endpoints`: what `scripts/sdk_conformance.py` checks, one entry per collection.
@Suite struct EndpointListingTests {
    @Test func listsEveryCollectionOnceWithItsEndpointAndSDKCall() throws {
        let entries = try #require(try JSONSerialization.jsonObject(with: EndpointListing.json()) as? [[String: Any]])
        #expect(entries.compactMap { $0["collection"] as? String } == CollectionKind.allCases.map(\.name))
        let effective = try #require(entries.first { $0["collection"] as? String == "effective_identity_settings" })
        #expect(effective["path"] as? String == "/v1/accounts/{account}/effective_settings/identity")
        #expect(effective["shape"] as? String == "object")
        let sdk = try #require(effective["sdk"] as? [String: String])
        #expect(sdk == ["module": "iam_identity_v1", "client": "IamIdentityV1", "method": "get_effective_account_settings",
                        "model": "EffectiveAccountSettingsResponse"])
        let groups = try #require(entries.first { $0["collection"] as? String == "access_groups" })
        #expect(groups["query"] as? [String: String] == ["account_id": "{account}", "show_federated": "true"])
        #expect(groups["items_key"] as? String == "groups")
    }

    /// A paged per-parent list names everything the conformance script needs to walk it through IBM's SDK: the
    /// method, its pager and the pager's item model, the parent's argument, the paging parameters and where `next` is.
    @Test func listsThePagingAndTheSDKPagerOfAList() throws {
        let entries = try #require(try JSONSerialization.jsonObject(with: EndpointListing.json()) as? [[String: Any]])
        let members = try #require(entries.first { $0["collection"] as? String == "access_group_members" })
        #expect(members["paging"] as? [String: String] == ["limit": "limit", "cursor": "offset", "next": "href"])
        #expect(members["sdk"] as? [String: String] == [
            "module": "iam_access_groups_v2", "client": "IamAccessGroupsV2", "method": "list_access_group_members",
            "model": "GroupMembersList", "pager": "AccessGroupMembersPager",
            "pager_item_model": "ListGroupMembersResponseMember", "parent_argument": "access_group_id",
        ])
        let users = try #require(entries.first { $0["collection"] as? String == "users" })
        #expect(users["reveals"] as? [String] == ["settings"])
        #expect(users["paging"] as? [String: String] == ["limit": "limit", "cursor": "_start", "next": "next_url"])
        let roles = try #require(entries.first { $0["collection"] as? String == "roles" })
        #expect(roles["paging"] == nil)
        #expect(roles["sdk"] == nil)  // checked by hand: one listing per service
    }
}
