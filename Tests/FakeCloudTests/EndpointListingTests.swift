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
}
