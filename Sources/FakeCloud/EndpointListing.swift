import Foundation
import Snapshot

/// Every collection's endpoint as JSON (`fake-ibmcloud --list-endpoints`), for `scripts/sdk_conformance.py`: it checks
/// every endpoint that names an SDK call from this listing alone (its query, paging and SDK call), and fails on any
/// endpoint it checks neither so nor by hand.
package enum EndpointListing {
    private struct Entry: Encodable {
        let collection: String
        let shape: String
        let api: String
        let path: String
        let query: [String: String]
        /// Fields the items carry only when a query parameter asks for them (`settings`: `include_settings=true`).
        let reveals: [String]
        let itemsKey: String?
        let paging: PagingEntry?
        let sdk: SDK?

        /// How to walk the list: the page-size parameter, the cursor parameter, and where the next cursor is: `url`
        /// (`next`, a URL carrying the cursor), `href` (`next.href`), `start` (`next.start`), `next_url`.
        struct PagingEntry: Encodable {
            let limit: String
            let cursor: String
            let next: String
        }

        struct SDK: Encodable {
            let module: String
            let client: String
            let method: String
            let model: String
            let pager: String?
            let pagerItemModel: String?
            let parentArgument: String?

            enum CodingKeys: String, CodingKey {
                case module, client, method, model, pager
                case pagerItemModel = "pager_item_model"
                case parentArgument = "parent_argument"
            }
        }

        enum CodingKeys: String, CodingKey {
            case collection, shape, api, path, query, reveals, paging, sdk
            case itemsKey = "items_key"
        }
    }

    /// The listing, one entry per collection in `CollectionKind` order.
    package static func json() throws -> Data {
        try CanonicalJSON.data(encoding: CollectionKind.allCases.map { kind in
            let endpoint = kind.endpoint
            return Entry(collection: kind.name, shape: shapeName(kind.shape), api: endpoint.api, path: endpoint.path,
                         query: Dictionary(endpoint.query.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }),
                         reveals: endpoint.query.compactMap { parameter in
                             guard case .reveals(let field) = parameter.use else { return nil }
                             return field
                         },
                         itemsKey: endpoint.itemsKey, paging: pagingEntry(endpoint.paging),
                         sdk: endpoint.sdk.map { call in
                             Entry.SDK(module: call.module, client: call.client, method: call.method, model: call.model,
                                       pager: call.pager?.name, pagerItemModel: call.pager?.itemModel,
                                       parentArgument: call.parentArgument)
                         })
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

    /// The paging as the fake cloud serves it (`PagingStyle`, the same parameters and envelopes as the API).
    private static func pagingEntry(_ paging: Paging) -> Entry.PagingEntry? {
        guard let style = PagingStyle(paging) else { return nil }
        let next = switch style {
        case .identity, .identityTemplates: "url"
        case .offset: "href"
        case .start: "start"
        case .resourceController, .users: "next_url"
        }
        return Entry.PagingEntry(limit: style.limitParameter, cursor: style.cursorParameter, next: next)
    }
}
