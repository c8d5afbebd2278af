import CCurl
import Foundation

/// One libcurl easy handle, reused across requests so connections are kept alive. Not thread-safe: a handle serves
/// one transfer at a time (the transport hands handles out from a pool).
///
/// Every libcurl call's result is checked: a failed option (TLS verification, allowed protocols, the response-size
/// limit…) must stop the request, never let it go out without that option.
final class CurlHandle {
    private let handle: UnsafeMutableRawPointer

    /// Settings that apply to every transfer.
    struct Settings: Sendable {
        var userAgent: String
        var caBundle: String?
        var connectTimeout: Int
        var totalTimeout: Int
        /// The largest response body accepted (`HTTPTransport.Options.maxResponseBytes`).
        var maxResponseBytes: Int
    }

    init(settings: Settings) throws(TransportError) {
        try CurlGlobal.initialize()
        guard let handle = curl_easy_init() else { throw TransportError(setup: "curl_easy_init returned no handle") }
        self.handle = handle
        self.settings = settings
    }

    private let settings: Settings

    deinit { curl_easy_cleanup(handle) }

    func perform(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        curl_easy_reset(handle)
        let url = request.url.absoluteString
        if request.url.scheme?.lowercased() == "http" { try Self.requireLoopback(url) }
        let sink = ResponseSink(limit: settings.maxResponseBytes)
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        var headers: UnsafeMutablePointer<curl_slist>? = nil
        defer { curl_slist_free_all(headers) }
        for header in request.headers {
            let line = "\(header.name): \(header.value)"
            guard !line.utf8.contains(where: { $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") || $0 == 0 }) else {
                throw TransportError(setup: "the \(header.name) header holds a line break or NUL; not sent")
            }
            guard let appended = curl_slist_append(headers, line) else { throw TransportError(setup: "curl_slist_append failed") }
            headers = appended
        }

        try set(CURLOPT_URL, url)
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_SSL_VERIFYPEER, 1)
        try set(CURLOPT_SSL_VERIFYHOST, 2)
        if let ca = settings.caBundle { try set(CURLOPT_CAINFO, ca) }
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_FOLLOWLOCATION, 0)  // a redirect must never carry the token elsewhere
        try set(CURLOPT_ACCEPT_ENCODING, "")  // every encoding libcurl supports (gzip…); the limit counts decoded bytes
        try set(CURLOPT_USERAGENT, settings.userAgent)
        try set(CURLOPT_CONNECTTIMEOUT, settings.connectTimeout)
        try set(CURLOPT_TIMEOUT, settings.totalTimeout)
        try set(CURLOPT_TCP_KEEPALIVE, 1)
        try check(iamgraph_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headers), CURLOPT_HTTPHEADER)
        try check(iamgraph_curl_setopt_callback(handle, CURLOPT_WRITEFUNCTION, ResponseSink.writeBody), CURLOPT_WRITEFUNCTION)
        try check(iamgraph_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, unmanaged.toOpaque()), CURLOPT_WRITEDATA)
        try check(iamgraph_curl_setopt_callback(handle, CURLOPT_HEADERFUNCTION, ResponseSink.writeHeader), CURLOPT_HEADERFUNCTION)
        try check(iamgraph_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, unmanaged.toOpaque()), CURLOPT_HEADERDATA)
        switch request.method {
        case .get:
            try set(CURLOPT_HTTPGET, 1)
        case .post:
            let body = request.body ?? Data()
            try set(CURLOPT_POST, 1)
            try set(CURLOPT_POSTFIELDSIZE, body.count)
            let code = body.withUnsafeBytes { bytes in
                iamgraph_curl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
            }
            try check(code, CURLOPT_COPYPOSTFIELDS)
        }

        let code = curl_easy_perform(handle)
        if let size = sink.oversize {
            throw TransportError(code: Int(code.rawValue), message: "the response is larger than the limit of "
                                 + Self.megabytes(settings.maxResponseBytes) + " (\(size.groupedDigits) bytes "
                                 + (sink.announced ? "announced" : "received so far") + "; see --max-response-mb)",
                                 isTransient: false)
        }
        guard code == CURLE_OK else {
            let message = String(cString: curl_easy_strerror(code))
            throw TransportError(code: Int(code.rawValue), message: message, isTransient: Self.transient.contains(code))
        }
        var status = 0
        let info = iamgraph_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        guard info == CURLE_OK else { throw TransportError(failed: "curl_easy_getinfo(CURLINFO_RESPONSE_CODE)", code: info) }
        return HTTPResponse(status: status, headers: sink.headers, body: sink.body)
    }

    /// libcurl results worth a retry.
    private static let transient: Set<CURLcode> = [
        CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT, CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR,
        CURLE_PARTIAL_FILE, CURLE_COULDNT_RESOLVE_HOST, CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_BAD_CONTENT_ENCODING,
    ]

    private func set(_ option: CURLoption, _ value: Int) throws(TransportError) {
        try check(iamgraph_curl_setopt_long(handle, option, value), option)
    }

    private func set(_ option: CURLoption, _ value: String) throws(TransportError) {
        try check(iamgraph_curl_setopt_string(handle, option, value), option)
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(TransportError) {
        guard code != CURLE_OK else { return }
        let name = curl_easy_option_by_id(option).map { "CURLOPT_" + String(cString: $0.pointee.name) } ?? "option \(option.rawValue)"
        throw TransportError(failed: "curl_easy_setopt(\(name))", code: code)
    }

    /// Plain HTTP goes only to a literal loopback address, and that must hold for the host libcurl itself reads
    /// from the URL (the one it connects to), not only for Foundation's reading of it.
    static func requireLoopback(_ url: String) throws(TransportError) {
        guard let parsed = curl_url() else { throw TransportError(setup: "curl_url returned no handle") }
        defer { curl_url_cleanup(parsed) }
        var host: UnsafeMutablePointer<CChar>?
        defer { curl_free(host) }
        guard curl_url_set(parsed, CURLUPART_URL, url, 0) == CURLUE_OK,
              curl_url_get(parsed, CURLUPART_HOST, &host, 0) == CURLUE_OK, let host else {
            throw TransportError(setup: "libcurl cannot read the host of a plain http:// URL; refused")
        }
        guard LoopbackHost.contains(String(cString: host)) else {
            throw TransportError(setup: "libcurl reads the host of a plain http:// URL as a name that is not a "
                                 + "loopback address; refused")
        }
    }

    private static func megabytes(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes.groupedDigits) bytes"
    }
}

extension TransportError {
    /// A libcurl call that failed before the transfer: never worth a retry.
    init(failed call: String, code: CURLcode) {
        self.init(code: Int(code.rawValue), message: "\(call) failed: " + String(cString: curl_easy_strerror(code)),
                  isTransient: false)
    }

    /// A request that cannot be set up.
    init(setup message: String) {
        self.init(code: 0, message: message, isTransient: false)
    }
}

/// Collects a response's body and headers from libcurl's callbacks (which get it through an `Unmanaged` pointer:
/// C callbacks cannot capture context). Stops the transfer — a callback returning less than it was given makes
/// libcurl abort — as soon as the body would pass `limit`, or when `Content-Length` announces more.
private final class ResponseSink {
    let limit: Int
    var body = Data()
    var headers: [String: String] = [:]
    /// The size that passed `limit` (received, or announced by `Content-Length`), once the transfer was stopped.
    var oversize: Int?
    var announced = false
    /// Bytes of header lines so far, which count against `limit` too.
    private var headerBytes = 0

    init(limit: Int) { self.limit = limit }

    static let writeBody: iamgraph_curl_data_callback = { pointer, size, count, context in
        let length = size * count
        guard let pointer, let context else { return 0 }
        let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
        guard length <= sink.limit - sink.body.count else {
            sink.oversize = sink.body.count + length
            return 0
        }
        sink.body.append(UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: length)
        return length
    }

    static let writeHeader: iamgraph_curl_data_callback = { pointer, size, count, context in
        let length = size * count
        guard let pointer, let context else { return 0 }
        let line = String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
        let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
        sink.headerBytes += length
        guard sink.headerBytes <= sink.limit else {
            sink.oversize = sink.headerBytes
            return 0
        }
        if line.hasPrefix("HTTP/") { sink.headers = [:] }  // a new response (after 100 Continue) starts afresh
        if let (name, value) = HeaderLine.field(line) {
            sink.headers[name] = value
            if name == "content-length", let announced = Int(value), announced > sink.limit {
                sink.oversize = announced
                sink.announced = true
                return 0
            }
        }
        return length
    }
}

/// `curl_global_init`, exactly once per process, before any handle exists.
enum CurlGlobal {
    private static let result: CURLcode = iamgraph_curl_global_init()

    static func initialize() throws(TransportError) {
        guard result == CURLE_OK else { throw TransportError(failed: "curl_global_init", code: result) }
    }
}
