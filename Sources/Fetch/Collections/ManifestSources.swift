import Snapshot

/// The manifest source (API, endpoint, query, pages) a fetch records for a collection, worked out from the
/// collection's content: how many pages of 100 each API needs for it. Sample snapshots are sealed with these, so a
/// fetch of a sample served by fake-ibmcloud reproduces the sample's manifest too.
package enum ManifestSources {
    /// - Parameters:
    ///   - content: the collection's content in the snapshot's shape.
    ///   - roleServices: for `roles`, how many services' roles were asked for (one request each, after the first).
    package static func source(for kind: CollectionKind, accountID: String, content: Any, roleServices: Int = 0) -> SnapshotWriter.Source {
        let endpoint = EndpointCatalog(accountID: accountID).endpoint(kind)
        let pages: Int
        switch kind.shape {
        case .object:
            pages = 1
        case .roles:
            pages = 1 + roleServices
        case .perParent:
            pages = ((content as? [String: Any]) ?? [:]).values.reduce(0) { $0 + pageCount(($1 as? [Any])?.count ?? 0, endpoint.paging) }
        case .list:
            let items = (content as? [Any]) ?? []
            if kind.holdsPolicies {
                // v2 lists the v2 items; v1 lists its own items plus a placeholder for each v2 item.
                let v1 = items.filter { ($0 as? [String: Any])?["subjects"] != nil }.count
                pages = pageCount(items.count - v1, endpoint.paging) + pageCount(items.count, endpoint.paging)
            } else {
                pages = pageCount(items.count, endpoint.paging)
            }
        }
        return endpoint.source(pages: pages)
    }

    /// How many filtered `/v2/roles` requests (per service, authorization pair and service group) a fetch makes for
    /// these policies and instances.
    package static func roleServices(policies: [Any], instances: [Any]) -> Int {
        RoleQueries.queries(policies: policies, instances: instances).count
    }

    private static func pageCount(_ items: Int, _ paging: Paging) -> Int {
        if case .none = paging { return 1 }
        return max(1, (items + 99) / 100)
    }
}
