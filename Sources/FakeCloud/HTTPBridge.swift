import FlyingFox
import Foundation

/// The FlyingFox handler every request goes to: it reads the body and lets the engine answer.
struct FakeCloudHandler: HTTPHandler {
    let engine: FakeCloudEngine

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let body = try await request.bodyData
        switch await engine.respond(to: APIRequest(request, body: body)) {
        case .reply(let reply):
            return reply.httpResponse
        case .drop:
            return HTTPResponse(webSocket: DroppedConnection())
        }
    }
}

/// Closes the connection without sending a single byte.
///
/// FlyingFox writes a plain response's status line before its body, so a throwing body would still send a status.
/// A WebSocket payload is different: the server asks its handler for frames *before* writing the `101` status line,
/// and when that throws it closes the socket. The client sees the connection closed with no response at all
/// (libcurl: "Empty reply from server"; URLSession: a network-connection-lost error).
struct DroppedConnection: WSHandler {
    struct Dropped: Error {}

    func makeFrames(for client: AsyncThrowingStream<WSFrame, any Error>) async throws -> AsyncStream<WSFrame> {
        throw Dropped()
    }
}
