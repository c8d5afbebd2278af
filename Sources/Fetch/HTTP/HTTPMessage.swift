import Foundation

/// An HTTP request as the fetcher makes it.
package struct HTTPRequest: Sendable {
    package enum Method: String, Sendable { case get = "GET", post = "POST" }

    package var method: Method
    package var url: URL
    /// Header lines; values may carry credentials and are never logged.
    package var headers: [(name: String, value: String)]
    package var body: Data?

    package init(method: Method = .get, url: URL, headers: [(name: String, value: String)] = [], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// An HTTP response: status, headers (names lower-cased), body.
package struct HTTPResponse: Sendable {
    package let status: Int
    package let headers: [String: String]
    package let body: Data

    package init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// A transfer that produced no HTTP response (connection refused, dropped, timed out, TLS failure).
package struct TransportError: Error, CustomStringConvertible, Sendable {
    package let code: Int
    package let message: String
    /// Whether trying again may help (timeouts, dropped or refused connections, partial bodies).
    package let isTransient: Bool

    package var description: String { "\(message) (libcurl error \(code))" }
}
