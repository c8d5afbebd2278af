import FlyingFox
import FlyingSocks
import Foundation

/// A fake IBM Cloud: serves a snapshot directory over HTTP on one base URL as the real APIs would (same paths, paging
/// styles, page-size caps, error shapes and token exchange), optionally with deterministic faults.
///
/// ```swift
/// let cloud = try FakeCloud(snapshot: URL(fileURLWithPath: "samples/demo"), faults: Faults(rateLimitEvery: 5))
/// try await cloud.start()
/// // point the fetcher at cloud.baseURL, then inspect cloud.requestLog and cloud.counters
/// await cloud.stop()
/// ```
package final class FakeCloud: Sendable {
    package let faults: Faults
    package let options: Options
    private let engine: FakeCloudEngine
    private let server: HTTPServer
    private let running = Locked<Task<Void, any Error>?>(nil)
    private let boundPort = Locked(0)

    /// Loads `snapshot` (a snapshot directory; checksum mismatches are tolerated) without listening yet.
    package init(snapshot: URL, faults: Faults = .none, options: Options = Options()) throws {
        let served = try ServedSnapshot(directory: snapshot)
        let address: sockaddr_in
        do {
            address = try .inet(ip4: options.host, port: options.port)
        } catch {
            throw FakeCloudError.invalidHost(options.host)
        }
        self.faults = faults
        self.options = options
        engine = FakeCloudEngine(snapshot: served, faults: faults, options: options)
        let latency = Double(faults.latency.components.seconds) + Double(faults.latency.components.attoseconds) * 1e-18
        server = HTTPServer(address: address, timeout: 15 + latency,
                            pool: NoDelaySocketPool(base: HTTPServer.defaultPool()), logger: .disabled,
                            handler: FakeCloudHandler(engine: engine))
    }

    /// The account the snapshot belongs to (also the `account.bss` claim of issued tokens, unless `Faults.tokenAccountClaim`).
    package var accountID: String { engine.snapshot.accountID }

    /// The `iam_id` issued tokens carry.
    package var iamID: String { engine.issuer.iamID }

    /// The port listened on once started (`0` before).
    package var port: Int { boundPort.withLock { $0 } }

    /// `http://<host>:<port>`, the base URL for every API (valid once started).
    package var baseURL: URL { URL(string: "http://\(options.host):\(port)")! }

    /// Starts listening and returns once connections are accepted.
    package func start() async throws {
        let server = server
        let task = Task { try await server.run() }
        running.withLock { $0 = task }
        do {
            // FlyingFox gives up after 5 s by default, which a loaded 2-core machine running many servers in
            // parallel tests can exceed before the listening task is even scheduled; binding itself is instant.
            try await server.waitUntilListening(timeout: 60)
        } catch {
            task.cancel()
            if case .failure(let cause) = await task.result { throw FakeCloudError.cannotListen("\(cause)") }
            throw FakeCloudError.cannotListen("\(error)")
        }
        guard case .ip4(_, let port)? = await server.listeningAddress else {
            throw FakeCloudError.cannotListen("no IPv4 listening address")
        }
        boundPort.withLock { $0 = Int(port) }
        engine.state.withLock { $0.baseURL = "http://\(options.host):\(port)" }
    }

    /// Stops listening and closes every connection.
    package func stop() async {
        await server.stop(timeout: 0)
        let task = running.withLock { task in
            defer { task = nil }
            return task
        }
        task?.cancel()
        _ = await task?.result
    }

    /// Every request received so far, in arrival order.
    package var requestLog: [RequestRecord] { engine.state.withLock { $0.log } }

    /// Totals over every request received so far.
    package var counters: RequestCounters { engine.state.withLock { $0.counters } }
}
