import FlyingFox
import Foundation

/// What an endpoint answers, before faults that rewrite bodies are applied and it becomes an `HTTPResponse`.
struct Reply: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data
    /// A body generated as it is sent, sent instead of `body` (chunked, without `Content-Length`).
    var generatedBody: PaddedJSONBody?
    /// The injected fault that shaped this answer, for the request log.
    var fault: FaultKind?

    init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON answer.
    static func json(_ value: RawJSON, status: Int = 200) -> Reply {
        Reply(status: status, headers: ["Content-Type": "application/json"], body: value.data)
    }

    /// An error answer in `family`'s shape.
    static func error(_ error: APIError, family: APIFamily, trace: String) -> Reply {
        .json(family.body(for: error, trace: trace), status: error.status)
    }

    /// The same answer with its body cut in half (the `Content-Length` follows, so the message framing stays valid).
    func truncated() -> Reply {
        var copy = self
        copy.body = body.prefix(body.count / 2)
        return copy
    }

    /// The same answer with a body that is not JSON: an extra `{` before the real body.
    func malformed() -> Reply {
        var copy = self
        copy.body = Data("{".utf8) + body
        return copy
    }

    /// The same answer with a valid JSON body of `bytes` bytes instead, generated as it is sent.
    func huge(bytes: Int) -> Reply {
        var copy = self
        copy.body = Data()
        copy.generatedBody = PaddedJSONBody(count: bytes)
        return copy
    }

    /// The FlyingFox response.
    var httpResponse: HTTPResponse {
        var fields = HTTPHeaders()
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            fields[HTTPHeader(name)] = value
        }
        let statusCode = HTTPStatusCode(status, phrase: Self.phrase(status))
        if let generatedBody {
            return HTTPResponse(statusCode: statusCode, headers: fields, body: HTTPBodySequence(from: generatedBody, suggestedBufferSize: 1 << 16))
        }
        return HTTPResponse(statusCode: statusCode, headers: fields, body: body)
    }

    private static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 202: "Accepted"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        default: "Status \(status)"
        }
    }
}
