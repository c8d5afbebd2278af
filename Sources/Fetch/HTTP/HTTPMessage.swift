import Foundation

/// An HTTP request as the fetcher makes it.
public struct HTTPRequest: Sendable {
    public enum Method: String, Sendable { case get = "GET", post = "POST" }

    public var method: Method
    public var url: URL
    /// Header lines; values may carry credentials and are never logged.
    public var headers: [(name: String, value: String)]
    public var body: Data?

    public init(method: Method = .get, url: URL, headers: [(name: String, value: String)] = [], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// An HTTP response: status, headers (names lower-cased), body.
public struct HTTPResponse: Sendable {
    public let status: Int
    public let headers: [String: String]
    public let body: Data

    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// A transfer that produced no HTTP response (connection refused, dropped, timed out, TLS failure).
public struct TransportError: Error, CustomStringConvertible, Sendable {
    public let code: Int
    public let message: String
    /// Whether trying again may help (timeouts, dropped or refused connections, partial bodies).
    public let isTransient: Bool

    public var description: String { "\(message) (libcurl error \(code))" }
}
