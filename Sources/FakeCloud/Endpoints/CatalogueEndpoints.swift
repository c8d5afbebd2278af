import Snapshot

extension Endpoint {
    /// The collections served straight from their `CollectionKind.endpoint`, without a hand-written route: every
    /// collection that none of `special` serves. An object is answered with the object the snapshot holds; a list with
    /// its items in the envelope of its `Paging` (or, unpaged, under its items key, with its count key when it has
    /// one), a per-parent list with the items of the parent its path names (404 for a parent the snapshot does not
    /// know). The parameters the declaration names are honoured: a `required` one missing or with another literal value
    /// is a 400, a field a `reveals` parameter names is left out unless that parameter is `true`.
    static func catalogue(besides special: [Endpoint]) -> [Endpoint] {
        CollectionKind.allCases.compactMap { kind in
            let route = Endpoint("GET", kind.endpoint.path, reads: [kind]) { context in try serve(kind, context) }
            return special.contains { $0.servesSameRequests(as: route) } ? nil : route
        }
    }

    /// Whether both endpoints match the same requests: the same method and path pattern, whatever their path
    /// parameters are named.
    private func servesSameRequests(as other: Endpoint) -> Bool {
        method == other.method && pattern.count == other.pattern.count
            && zip(pattern, other.pattern).allSatisfy { mine, theirs in
                mine == theirs || (Self.isParameter(mine) && Self.isParameter(theirs))
            }
    }

    /// The answer to a request for `kind`'s endpoint.
    private static func serve(_ kind: CollectionKind, _ context: EndpointContext) throws -> Reply {
        let endpoint = kind.endpoint
        try requireParameters(endpoint.query, of: context.request)
        let items: [RawJSON]
        switch kind.shape {
        case .object, .roles:
            return .json(context.snapshot.object(kind) ?? [:])
        case .list:
            items = context.snapshot.items(kind)
        case .perParent:
            let name = endpoint.pathParameters.first { $0 != "account" } ?? ""
            let parent = context.parameter(name)
            guard let children = context.snapshot.children(kind, of: parent) else {
                throw APIError.notFound("\(name.prefix(1).uppercased() + name.dropFirst()) with ID \(parent) not found.")
            }
            items = children
        }
        let hidden = endpoint.query.compactMap { parameter -> String? in
            guard case .reveals(let field) = parameter.use, !context.request.flag(parameter.name) else { return nil }
            return field
        }
        guard !hidden.isEmpty else { return try list(items, of: endpoint, context) }
        return try list(items.lazy.map { item in hidden.reduce(item) { $0.setting($1, to: nil) } }, of: endpoint, context)
    }

    /// `items` in the envelope of `endpoint`'s paging.
    private static func list<Items: RandomAccessCollection<RawJSON>>(_ items: Items, of endpoint: CollectionEndpoint,
                                                                     _ context: EndpointContext) throws -> Reply {
        guard let key = endpoint.itemsKey else { return .json(.array(Array(items))) }
        if let style = PagingStyle(endpoint.paging) { return try context.page(style, items, key: key) }
        var body: [String: RawJSON] = [key: .array(Array(items))]
        if let countKey = endpoint.countKey { body[countKey] = .int(items.count) }
        return .json(.object(body))
    }

    /// Refuses a request without a parameter the API requires, or with another value than the one it serves (400).
    private static func requireParameters(_ parameters: [CollectionEndpoint.Parameter], of request: APIRequest) throws {
        for parameter in parameters where parameter.use == .required {
            guard let value = request.query(parameter.name), !value.isEmpty else {
                throw APIError.badRequest("Missing required query parameter: \(parameter.name).")
            }
            guard parameter.value == CollectionEndpoint.accountPlaceholder || value == parameter.value else {
                throw APIError.badRequest("Unsupported \(parameter.name) \"\(value)\": expected \(parameter.value).")
            }
        }
    }
}

private extension CollectionEndpoint {
    /// The names of the path's parameters (`{group}` → `group`), in order.
    var pathParameters: [String] {
        path.split(separator: "/").filter { Endpoint.isParameter(String($0)) }.map { String($0.dropFirst().dropLast()) }
    }
}

extension PagingStyle {
    /// The fake cloud's paging style of a declared `Paging`; `nil` for an unpaged list. The two `next_url` APIs differ
    /// in their envelope and are told apart by their cursor parameter (User Management's `_start`).
    init?(_ paging: Paging) {
        switch paging {
        case .pageToken: self = .identity
        case .limitPageToken: self = .identityTemplates
        case .offset: self = .offset
        case .start: self = .start
        case .nextURL(let parameter): self = parameter == PagingStyle.users.cursorParameter ? .users : .resourceController
        case .none: return nil
        }
    }
}
