/// What an endpoint's handler gets: the request, its path parameters, the snapshot and the caller.
struct EndpointContext: Sendable {
    let request: APIRequest
    /// Named path parameters, e.g. `group` for `/v2/groups/{group}/members`.
    let parameters: [String: String]
    let engine: FakeCloudEngine
    /// The `iam_id` of the token's holder (`nil` for the token request).
    let caller: String?
    /// Identifies the request in error bodies (`trace`, `requestId`, `transaction_id`).
    let trace: String
    /// The paging fault (loop or endless) that applies to this request's collection.
    let bend: Page.Bend?
    /// The item-flood fault's item count, when it applies to this request's collection.
    let flood: Int?
    /// The server's base URL, for absolute `next` links.
    let baseURL: String

    var snapshot: ServedSnapshot { engine.snapshot }

    /// A path parameter.
    func parameter(_ name: String) -> String { parameters[name] ?? "" }

    /// The page of `items` the request asks for, in `style`'s envelope with the items under `key`; only the page's
    /// items are read (see `Page`).
    func page<Items: RandomAccessCollection<RawJSON>>(_ style: PagingStyle, _ items: Items, key: String) throws -> Reply {
        let page = try Page(style, of: items, for: request, bend: bend, flood: flood)
        var reply = Reply.json(page.body(key: key, request: request, base: baseURL))
        reply.fault = flood == nil ? page.fault : .itemFlood
        return reply
    }
}
