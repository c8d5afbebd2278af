import Foundation

/// Runs HTTP requests over libcurl without blocking Swift's cooperative threads: each transfer runs on a worker — a
/// pooled easy handle (kept-alive connections) with its own serial dispatch queue — bridged back with a continuation.
/// Serial queues get a thread each even while it blocks in libcurl; a shared concurrent queue would be capped near
/// the core count, so 8 requests in flight would run 2 at a time.
package final class HTTPTransport: Sendable {
    package struct Options: Sendable {
        package var userAgent: String
        /// PEM bundle for private CAs (`--ca-bundle`); libcurl ignores `SSL_CERT_FILE`.
        package var caBundle: String?
        package var connectTimeout: Int
        package var totalTimeout: Int
        /// The largest response (body after decompression, and header lines) accepted (`--max-response-mb`): the
        /// transfer stops as soon as it is passed, or before the body when `Content-Length` announces more, with a
        /// non-transient error.
        package var maxResponseBytes: Int

        /// 32 MiB: the largest real answers (a page of 100 policies or instances, a service's roles) are a few
        /// hundred kilobytes.
        package static let defaultMaxResponseBytes = 32 << 20

        package init(userAgent: String, caBundle: String? = nil, connectTimeout: Int = 10, totalTimeout: Int = 60,
                    maxResponseBytes: Int = defaultMaxResponseBytes) {
            self.userAgent = userAgent
            self.caBundle = caBundle
            self.connectTimeout = connectTimeout
            self.totalTimeout = totalTimeout
            self.maxResponseBytes = maxResponseBytes
        }
    }

    private let settings: CurlHandle.Settings
    private let pool = WorkerPool()

    package init(options: Options) {
        settings = .init(userAgent: options.userAgent, caBundle: options.caBundle, connectTimeout: options.connectTimeout,
                         totalTimeout: options.totalTimeout, maxResponseBytes: options.maxResponseBytes)
    }

    /// Refuses plain `http://` except to a literal loopback address (`LoopbackHost`), and anything but http(s).
    /// libcurl parses the URL again before it connects and must find the same host (`CurlHandle`).
    package static func checkAllowed(_ url: URL) throws(URLPolicyError) {
        switch url.scheme?.lowercased() {
        case "https": return
        case "http":
            guard let host = url.host, LoopbackHost.contains(host) else { throw URLPolicyError(url: url) }
        default:
            throw URLPolicyError(url: url)
        }
    }

    package func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Self.checkAllowed(request.url)
        let settings = settings, pool = pool
        let worker = try pool.take() ?? Worker(handle: CurlHandle(settings: settings))
        return try await withCheckedThrowingContinuation { continuation in
            worker.queue.async {
                let result = Result { () throws(TransportError) in try worker.handle.perform(request) }
                pool.put(worker)
                continuation.resume(with: result.mapError { $0 as any Error })
            }
        }
    }
}

/// A plain `http://` URL to a non-loopback host, or another scheme.
package struct URLPolicyError: Error, CustomStringConvertible, Sendable {
    package let url: URL
    package var description: String {
        "refusing \(url.scheme ?? "?")://\(url.host ?? "?"): only https, or http to a loopback address, is allowed"
    }
}

/// An easy handle and the serial queue its transfers run on. Used by one transfer at a time (it is taken from the
/// pool for the transfer and put back after), which is what makes the unchecked `Sendable` sound.
private struct Worker: @unchecked Sendable {
    let handle: CurlHandle
    let queue = DispatchQueue(label: "iamgraph.http.worker")
}

/// Idle workers, for reuse (so their connections stay open). At most as many exist as requests were ever in flight.
private final class WorkerPool: @unchecked Sendable {
    // Guarded by `lock`.
    private var idle: [Worker] = []
    private let lock = NSLock()

    func take() -> Worker? { lock.withLock { idle.popLast() } }
    func put(_ worker: Worker) { lock.withLock { idle.append(worker) } }
}
