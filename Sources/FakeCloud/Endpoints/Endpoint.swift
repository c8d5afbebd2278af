import Snapshot

/// One route of the fake cloud: method, path pattern, the snapshot collections it serves and how it answers.
struct Endpoint: Sendable {
    let method: String
    /// Path segments; a segment in braces (`{group}`) matches any one component and names it.
    let pattern: [String]
    /// The API family, which shapes its error bodies: the family of the API its collections belong to.
    let family: APIFamily
    /// Whether the request needs `Authorization: Bearer <token>` (all but the token request).
    let needsToken: Bool
    /// The snapshot collections a request reads: forbidden / malformed / paging-loop faults and unavailable
    /// collections apply to these.
    let reads: @Sendable (APIRequest) throws -> [CollectionKind]
    let handle: @Sendable (EndpointContext) throws -> Reply

    /// An endpoint reading the collections `reads` computes from the request, in `family`.
    init(_ method: String, _ path: String, family: APIFamily, needsToken: Bool = true,
         reads: @escaping @Sendable (APIRequest) throws -> [CollectionKind],
         handle: @escaping @Sendable (EndpointContext) throws -> Reply) {
        self.method = method
        pattern = path.split(separator: "/").map(String.init)
        self.family = family
        self.needsToken = needsToken
        self.reads = reads
        self.handle = handle
    }

    /// An endpoint always reading `kinds` (one API's collections), in that API's family.
    init(_ method: String, _ path: String, reads kinds: [CollectionKind],
         handle: @escaping @Sendable (EndpointContext) throws -> Reply) {
        self.init(method, path, family: APIFamily.of(kinds), reads: { _ in kinds }, handle: handle)
    }

    /// An endpoint that reads no collection (the token service, the identity reports), in `family`.
    init(_ method: String, _ path: String, family: APIFamily, needsToken: Bool = true,
         handle: @escaping @Sendable (EndpointContext) throws -> Reply) {
        self.init(method, path, family: family, needsToken: needsToken, reads: { _ in [] }, handle: handle)
    }

    /// The named path parameters when `request` matches this endpoint, otherwise `nil`.
    func match(_ request: APIRequest) -> [String: String]? {
        guard request.method == method, request.components.count == pattern.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, component) in zip(pattern, request.components) {
            if Self.isParameter(segment) {
                parameters[String(segment.dropFirst().dropLast())] = component
            } else if segment != component {
                return nil
            }
        }
        return parameters
    }

    /// Whether a path segment of a pattern is a parameter (`{group}`).
    static func isParameter(_ segment: String) -> Bool {
        segment.hasPrefix("{") && segment.hasSuffix("}")
    }
}
