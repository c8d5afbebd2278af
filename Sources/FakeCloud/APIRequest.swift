import FlyingFox
import Foundation

/// A received request as the endpoints see it: decoded path components, query items and the whole body.
struct APIRequest: Sendable {
    let method: String
    /// The path as received, percent-encoded (trailing slash kept), e.g. `/v1/serviceids/`.
    let rawPath: String
    /// The path and query as received.
    let target: String
    /// Decoded, non-empty path components, e.g. `["v2", "groups", "AccessGroupId-…", "members"]`.
    let components: [String]
    /// Query items in request order, decoded.
    let query: [HTTPRequest.QueryItem]
    let headers: HTTPHeaders
    let body: Data

    init(_ request: HTTPRequest, body: Data) {
        method = request.method.rawValue
        rawPath = request.target.path()
        target = request.target.rawValue
        components = rawPath.split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
        query = request.query
        headers = request.headers
        self.body = body
    }

    /// The first value of query parameter `name`.
    func query(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Whether query parameter `name` is `true` (case-insensitively).
    func flag(_ name: String) -> Bool {
        query(name)?.lowercased() == "true"
    }

    /// A header value.
    func header(_ name: String) -> String? {
        headers[HTTPHeader(name)]
    }

    /// The body as an `application/x-www-form-urlencoded` form: `+` is a space, `%XX` are decoded.
    var form: [String: String] {
        let text = String(decoding: body, as: UTF8.self)
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let name = decode(parts[0])
            if fields[name] == nil { fields[name] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        return fields
    }

    /// This request's path and query with query parameter `name` set to `value` (removed when `nil`), keeping the
    /// other parameters in their order; `base` (e.g. `http://127.0.0.1:8080`) is put in front.
    func url(setting name: String, to value: String?, base: String = "") -> String {
        var items = query.map { URLQueryItem(name: $0.name, value: $0.value) }
        let position = items.firstIndex { $0.name == name } ?? items.endIndex
        items.removeAll { $0.name == name }
        if let value {
            items.insert(URLQueryItem(name: name, value: value), at: min(position, items.endIndex))
        }
        var components = URLComponents()
        components.queryItems = items.isEmpty ? nil : items
        let query = components.percentEncodedQuery.map { "?" + $0 } ?? ""
        return base + rawPath + query
    }
}
