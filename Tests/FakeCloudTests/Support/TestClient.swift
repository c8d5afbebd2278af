import FakeCloud
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TestSupport

/// An HTTP answer as the tests look at it.
struct TestResponse {
    let status: Int
    let headers: [String: String]
    let data: Data

    /// The body as a JSON object (fails the test when it is not one).
    var json: [String: Any] {
        get throws {
            let value = try JSONSerialization.jsonObject(with: data)
            return try #require(value as? [String: Any], "body is not a JSON object: \(String(decoding: data, as: UTF8.self))")
        }
    }

    func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// A tiny client for a running fake cloud: URLSession (libcurl on Linux), one fresh session per request so that no
/// keep-alive connection is reused (libcurl silently retries a request once when a *reused* connection is closed
/// unanswered, which would hide a dropped connection; fresh sessions also proved faster than one shared session).
struct TestClient {
    let base: URL
    var token: String?

    init(_ cloud: FakeCloud, token: String? = nil) {
        base = cloud.baseURL
        self.token = token
    }

    /// Resolves a path (`/v2/groups?limit=2`), a relative `next_url` or an absolute URL against the base URL.
    func url(_ reference: String) -> URL {
        URL(string: reference, relativeTo: base)!.absoluteURL
    }

    func send(_ method: String = "GET", _ reference: String, headers: [String: String] = [:], body: Data? = nil,
              bearer: Bool = true) async throws -> TestResponse {
        var request = URLRequest(url: url(reference))
        request.httpMethod = method
        request.httpBody = body
        if bearer, let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            fields["\(name)"] = "\(value)"
        }
        return TestResponse(status: http.statusCode, headers: fields, data: data)
    }

    func get(_ reference: String, headers: [String: String] = [:]) async throws -> TestResponse {
        try await send("GET", reference, headers: headers)
    }

    /// `POST /identity/token` with an API key.
    func requestToken(apiKey: String) async throws -> TestResponse {
        let form = "grant_type=urn:ibm:params:oauth:grant-type:apikey&apikey="
            + (apiKey.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? apiKey)
        return try await send("POST", "/identity/token",
                              headers: ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"],
                              body: Data(form.utf8), bearer: false)
    }

    /// A client holding a fresh token.
    func authenticated(apiKey: String = "test-key") async throws -> TestClient {
        let response = try await requestToken(apiKey: apiKey)
        #expect(response.status == 200)
        var copy = self
        copy.token = try #require(try response.json["access_token"] as? String)
        return copy
    }

    /// Follows a list's cursors from `first` to the end; `next` extracts the next page's reference (absolute or
    /// relative) from a page, `nil` on the last one. Fails on a non-200 page or a cursor seen twice.
    func walk(_ first: String, key: String, next: ([String: Any]) -> String?) async throws -> (items: [[String: Any]], pages: [[String: Any]]) {
        var items: [[String: Any]] = []
        var pages: [[String: Any]] = []
        var seen: Set<String> = []
        var reference: String? = first
        while let current = reference {
            let response = try await get(current)
            try #require(response.status == 200, "GET \(current) -> \(response.status): \(String(decoding: response.data, as: UTF8.self))")
            let page = try response.json
            pages.append(page)
            items += try #require(page[key] as? [[String: Any]], "no \(key) array in page \(pages.count)")
            reference = next(page)
            if let reference, !seen.insert(reference).inserted { throw WalkError.cursorSeenTwice(reference) }
            if pages.count > 50 { throw WalkError.tooManyPages }
        }
        return (items, pages)
    }
}

/// Why a walk over a list stopped early.
enum WalkError: Error {
    case cursorSeenTwice(String)
    case tooManyPages
}

/// How each paging style names its next page.
enum NextLink {
    /// IAM Identity: `next` is an absolute URL string.
    static func identity(_ page: [String: Any]) -> String? { page["next"] as? String }
    /// Access groups and policies: `next.href`.
    static func href(_ page: [String: Any]) -> String? { (page["next"] as? [String: Any])?["href"] as? String }
    /// Resource controller and users: `next_url`, relative (`null` or absent at the end).
    static func nextURL(_ page: [String: Any]) -> String? { page["next_url"] as? String }
}

/// Runs `body` against a started fake cloud, stopping it afterwards.
/// `snapshot` is `Synthetic.directory` unless given.
func withCloud<T>(_ snapshot: URL? = nil, faults: Faults = .none,
                  options: FakeCloud.Options = FakeCloud.Options(),
                  _ body: (FakeCloud, TestClient) async throws -> T) async throws -> T {
    let cloud = try FakeCloud(snapshot: snapshot ?? Synthetic.directory, faults: faults, options: options)
    try await cloud.start()
    do {
        let result = try await body(cloud, TestClient(cloud))
        await cloud.stop()
        return result
    } catch {
        await cloud.stop()
        throw error
    }
}

/// The sample snapshot of the repository.
let demoSnapshot = Samples.demo

/// A snapshot file parsed with Foundation.
func snapshotFile(_ snapshot: URL, _ name: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(contentsOf: snapshot.appendingPathComponent(name)))
}

/// The `id_key` values of items, in order.
func ids(_ items: [[String: Any]], _ key: String = "id") -> [String] {
    items.map { "\($0[key] ?? "")" }
}
