import Foundation

/// Runs HTTP requests over libcurl without blocking Swift's cooperative threads: each transfer runs on a dispatch
/// queue with a pooled easy handle (kept-alive connections), bridged back with a continuation.
public final class HTTPTransport: Sendable {
    public struct Options: Sendable {
        public var userAgent: String
        /// PEM bundle for private CAs (`--ca-bundle`); libcurl ignores `SSL_CERT_FILE`.
        public var caBundle: String?
        public var connectTimeout: Int
        public var totalTimeout: Int

        public init(userAgent: String, caBundle: String? = nil, connectTimeout: Int = 10, totalTimeout: Int = 60) {
            self.userAgent = userAgent
            self.caBundle = caBundle
            self.connectTimeout = connectTimeout
            self.totalTimeout = totalTimeout
        }
    }

    private let settings: CurlHandle.Settings
    private let pool = HandlePool()
    private let queue = DispatchQueue(label: "iamgraph.http", attributes: .concurrent)

    public init(options: Options) {
        settings = .init(userAgent: options.userAgent, caBundle: options.caBundle,
                         connectTimeout: options.connectTimeout, totalTimeout: options.totalTimeout)
    }

    /// Refuses plain `http://` except to loopback hosts, and anything but http(s).
    public static func checkAllowed(_ url: URL) throws(URLPolicyError) {
        switch url.scheme?.lowercased() {
        case "https": return
        case "http":
            guard let host = url.host?.lowercased(), isLoopback(host) else { throw URLPolicyError(url: url) }
        default:
            throw URLPolicyError(url: url)
        }
    }

    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.") && bare.split(separator: ".").count == 4
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Self.checkAllowed(request.url)
        let settings = settings, pool = pool
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                let handle = pool.take() ?? CurlHandle(settings: settings)
                let result = Result { () throws(TransportError) in try handle.perform(request) }
                pool.put(handle)
                continuation.resume(with: result.mapError { $0 as any Error })
            }
        }
    }
}

/// A plain `http://` URL to a non-loopback host, or another scheme.
public struct URLPolicyError: Error, CustomStringConvertible, Sendable {
    public let url: URL
    public var description: String {
        "refusing \(url.scheme ?? "?")://\(url.host ?? "?"): only https, or http to a loopback address, is allowed"
    }
}

/// Idle easy handles, for reuse (and so their connections stay open).
private final class HandlePool: @unchecked Sendable {
    // Guarded by `lock`; handles are only used by one transfer at a time.
    private var idle: [CurlHandle] = []
    private let lock = NSLock()

    func take() -> CurlHandle? { lock.withLock { idle.popLast() } }
    func put(_ handle: CurlHandle) { lock.withLock { idle.append(handle) } }
}
