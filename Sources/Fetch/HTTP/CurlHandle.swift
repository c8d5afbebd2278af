import CCurl
import Foundation

/// One libcurl easy handle, reused across requests so connections are kept alive. Not thread-safe: a handle serves
/// one transfer at a time (the transport hands handles out from a pool).
final class CurlHandle {
    private let handle: UnsafeMutableRawPointer

    /// Settings that apply to every transfer.
    struct Settings: Sendable {
        var userAgent: String
        var caBundle: String?
        var connectTimeout: Int
        var totalTimeout: Int
    }

    init(settings: Settings) {
        CurlGlobal.initialize()
        handle = curl_easy_init()
        self.settings = settings
    }

    private let settings: Settings

    deinit { curl_easy_cleanup(handle) }

    func perform(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        curl_easy_reset(handle)
        let sink = ResponseSink()
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        var headers: UnsafeMutablePointer<curl_slist>? = nil
        defer { curl_slist_free_all(headers) }
        for header in request.headers { headers = curl_slist_append(headers, "\(header.name): \(header.value)") }

        iamgraph_curl_setopt_string(handle, CURLOPT_URL, request.url.absoluteString)
        iamgraph_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        iamgraph_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        iamgraph_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        if let ca = settings.caBundle { iamgraph_curl_setopt_string(handle, CURLOPT_CAINFO, ca) }
        iamgraph_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        iamgraph_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)  // a redirect must never carry the token elsewhere
        iamgraph_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")  // every encoding libcurl supports (gzip…)
        iamgraph_curl_setopt_string(handle, CURLOPT_USERAGENT, settings.userAgent)
        iamgraph_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, settings.connectTimeout)
        iamgraph_curl_setopt_long(handle, CURLOPT_TIMEOUT, settings.totalTimeout)
        iamgraph_curl_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1)
        iamgraph_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headers)
        iamgraph_curl_setopt_callback(handle, CURLOPT_WRITEFUNCTION, ResponseSink.writeBody)
        iamgraph_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, unmanaged.toOpaque())
        iamgraph_curl_setopt_callback(handle, CURLOPT_HEADERFUNCTION, ResponseSink.writeHeader)
        iamgraph_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, unmanaged.toOpaque())
        switch request.method {
        case .get:
            iamgraph_curl_setopt_long(handle, CURLOPT_HTTPGET, 1)
        case .post:
            let body = request.body ?? Data()
            iamgraph_curl_setopt_long(handle, CURLOPT_POST, 1)
            iamgraph_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, body.count)
            _ = body.withUnsafeBytes { bytes in
                iamgraph_curl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
            }
        }

        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else {
            let message = String(cString: curl_easy_strerror(code))
            throw TransportError(code: Int(code.rawValue), message: message, isTransient: Self.transient.contains(code))
        }
        var status = 0
        iamgraph_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: sink.headers, body: sink.body)
    }

    /// libcurl results worth a retry.
    private static let transient: Set<CURLcode> = [
        CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT, CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR,
        CURLE_PARTIAL_FILE, CURLE_COULDNT_RESOLVE_HOST, CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_BAD_CONTENT_ENCODING,
    ]
}

/// Collects a response's body and headers from libcurl's callbacks (which get it through an `Unmanaged` pointer:
/// C callbacks cannot capture context).
private final class ResponseSink {
    var body = Data()
    var headers: [String: String] = [:]

    static let writeBody: iamgraph_curl_data_callback = { pointer, size, count, context in
        let length = size * count
        guard let pointer, let context else { return 0 }
        Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
            .body.append(UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: length)
        return length
    }

    static let writeHeader: iamgraph_curl_data_callback = { pointer, size, count, context in
        let length = size * count
        guard let pointer, let context else { return 0 }
        let line = String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
        let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
        if line.hasPrefix("HTTP/") { sink.headers = [:] }  // a new response (after 100 Continue) starts afresh
        if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            sink.headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return length
    }
}

/// `curl_global_init`, exactly once per process, before any handle exists.
enum CurlGlobal {
    private static let once: Void = { _ = iamgraph_curl_global_init() }()
    static func initialize() { _ = once }
}
