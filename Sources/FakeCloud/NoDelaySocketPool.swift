import FlyingFox
import FlyingSocks
import Foundation

/// FlyingFox's socket pool with Nagle's algorithm turned off (`TCP_NODELAY`) on every socket it waits on.
///
/// FlyingFox sends a response's status line and headers, then its body, in two `send` calls. With Nagle's algorithm
/// on, the kernel holds the small body back until the peer acknowledges the headers, and the peer delays that ACK
/// (40 ms on Linux): on a kept-alive connection every response but the first arrived ~45 ms late, which doubled the
/// cost of a request at `--latency-ms 50`. FlyingFox does not hand out the sockets it opens, but it waits on each of
/// them through its pool: the listening socket before its first `accept` (accepted sockets inherit the option on
/// Linux and the BSDs), and every connection while it waits for its next request.
struct NoDelaySocketPool<Base: AsyncSocketPool>: AsyncSocketPool {
    let base: Base

    func prepare() async throws { try await base.prepare() }

    func run() async throws { try await base.run() }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        // Best effort: a socket that is not TCP refuses the option, and a slow answer is better than none.
        try? socket.setValue(true, for: BoolSocketOption(level: Int32(IPPROTO_TCP), name: TCP_NODELAY))
        try await base.suspendSocket(socket, untilReadyFor: events)
    }
}
