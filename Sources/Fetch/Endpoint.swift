import Foundation
import Snapshot

/// One list or object the fetcher reads: the API, the path (a template for per-parent lists), the query, where the
/// items are in the response, and how the API pages.
package struct Endpoint: Sendable {
    let api: String
    /// The percent-encoded path: every segment taken from data went through `URLEncoding.pathSegment`.
    let path: String
    let query: [URLQueryItem]
    /// The response key holding the items; `nil` when the response is the object itself.
    package let itemsKey: String?
    /// Whether an answer without `itemsKey` is an empty list (`CollectionEndpoint.itemsMayBeAbsent`).
    let itemsMayBeAbsent: Bool
    package let paging: Paging

    init(api: String, path: String, query: [URLQueryItem], itemsKey: String?, itemsMayBeAbsent: Bool = false,
         paging: Paging) {
        self.api = api
        self.path = path
        self.query = query
        self.itemsKey = itemsKey
        self.itemsMayBeAbsent = itemsMayBeAbsent
        self.paging = paging
    }

    /// The parent placeholders of per-parent paths.
    private static let parentPlaceholders = ["{group}", "{profile}", "{template}", "{assignment}"]

    /// The same endpoint for one parent (the parent placeholder in the path replaced by its id).
    package func forParent(_ id: String) -> Endpoint {
        let encoded = URLEncoding.pathSegment(id)
        let concrete = Self.parentPlaceholders.reduce(path) { $0.replacingOccurrences(of: $1, with: encoded) }
        return Endpoint(api: api, path: concrete, query: query, itemsKey: itemsKey, itemsMayBeAbsent: itemsMayBeAbsent,
                        paging: paging)
    }

    package func adding(_ items: [URLQueryItem]) -> Endpoint {
        Endpoint(api: api, path: path, query: query + items, itemsKey: itemsKey, itemsMayBeAbsent: itemsMayBeAbsent,
                 paging: paging)
    }

    /// The query as recorded in the manifest: with the page size, without cursors.
    var manifestQuery: String {
        var components = URLComponents()
        components.queryItems = query + paging.pageSizeQuery
        return components.percentEncodedQuery ?? ""
    }

    package func source(pages: Int, template: String? = nil) -> SnapshotWriter.Source {
        SnapshotWriter.Source(api: api, endpoint: template ?? path, query: manifestQuery, pages: pages)
    }
}

/// The endpoint of every collection of the snapshot format for one account: `CollectionKind.endpoint` with the
/// account id filled in (percent-encoded in the path).
package struct EndpointCatalog: Sendable {
    let accountID: String

    package init(accountID: String) {
        self.accountID = accountID
    }

    package func endpoint(_ kind: CollectionKind) -> Endpoint {
        let spec = kind.endpoint
        let placeholder = CollectionEndpoint.accountPlaceholder
        let path = spec.path.replacingOccurrences(of: placeholder, with: URLEncoding.pathSegment(accountID))
        let query = spec.query.map { URLQueryItem(name: $0.name, value: $0.value == placeholder ? accountID : $0.value) }
        return Endpoint(api: spec.api, path: path, query: query, itemsKey: spec.itemsKey,
                        itemsMayBeAbsent: spec.itemsMayBeAbsent, paging: spec.paging)
    }

    /// The v1 listing that complements a v2 policy endpoint.
    func v1(_ endpoint: Endpoint) -> Endpoint {
        Endpoint(api: endpoint.api, path: "/v1/policies", query: endpoint.query, itemsKey: "policies", paging: .start)
    }
}
