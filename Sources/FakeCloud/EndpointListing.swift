import Foundation
import Snapshot

/// Every collection's endpoint as JSON (`fake-ibmcloud --list-endpoints`), for `scripts/sdk_conformance.py`: it checks
/// the endpoints that name an SDK call generically and fails on any endpoint it checks neither so nor by hand.
public enum EndpointListing {
    private struct Entry: Encodable {
        let collection: String
        let shape: String
        let api: String
        let path: String
        let query: [String: String]
        let itemsKey: String?
        let sdk: SDK?

        struct SDK: Encodable {
            let module: String
            let client: String
            let method: String
            let model: String
        }

        enum CodingKeys: String, CodingKey {
            case collection, shape, api, path, query, sdk
            case itemsKey = "items_key"
        }
    }

    /// The listing, one entry per collection in `CollectionKind` order.
    public static func json() throws -> Data {
        try CanonicalJSON.data(encoding: CollectionKind.allCases.map { kind in
            let endpoint = kind.endpoint
            return Entry(collection: kind.name, shape: shapeName(kind.shape), api: endpoint.api, path: endpoint.path,
                         query: Dictionary(endpoint.query.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }),
                         itemsKey: endpoint.itemsKey,
                         sdk: endpoint.sdk.map { Entry.SDK(module: $0.module, client: $0.client, method: $0.method, model: $0.model) })
        })
    }

    private static func shapeName(_ shape: CollectionKind.Shape) -> String {
        switch shape {
        case .list: "list"
        case .perParent: "per-parent"
        case .object: "object"
        case .roles: "roles"
        }
    }
}
