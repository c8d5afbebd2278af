import FakeCloud
@testable import Fetch
import Foundation
import Testing

extension FetchSuites {
    /// Where plain HTTP may go, and libcurl calls that fail.
    @Suite struct TransportSafetyTests {
        static let refused = [
            "127.0.0.1.evil.example", "127.evil.example.com", "127.attacker.example.com", "127.0.0.1.nip.io",
            "0x7f.0.0.1", "0x7f000001", "127.1", "127.0.1", "2130706433", "0177.0.0.1", "127.0.0.01", "127.00.0.1",
            "127.0.0.256", "127.0.0.1.", "localhost.", "localhost.evil.example", "evil-localhost", "128.0.0.1",
            "10.0.0.5", "[::2]", "[::ffff:10.0.0.1]", "[::ffff:7f00:1]:8080x", "[fe80::1]",
        ]
        static let allowed = [
            "127.0.0.1", "127.255.255.254", "127.1.2.3", "localhost", "LocalHost", "[::1]", "[0:0:0:0:0:0:0:1]",
            "[::ffff:127.0.0.1]",
        ]

        @Test(arguments: refused) func plainHTTPIsRefusedToHostsThatAreNotLiteralLoopback(_ host: String) throws {
            guard let url = URL(string: "http://\(host):8080/identity/token") else { return }  // not even a URL
            #expect(throws: URLPolicyError.self) { try HTTPTransport.checkAllowed(url) }
        }

        @Test(arguments: allowed) func plainHTTPIsAllowedToLiteralLoopback(_ host: String) throws {
            let url = try #require(URL(string: "http://\(host):8080/identity/token"))
            try HTTPTransport.checkAllowed(url)
        }

        @Test func hostNamesThatLookLikeLoopbackNeverReachTheNetwork() async throws {
            let transport = HTTPTransport(options: .init(userAgent: "t"))
            let request = HTTPRequest(url: URL(string: "http://127.attacker.example.com/identity/token")!,
                                      headers: [("Authorization", "Bearer secret")])
            await #expect(throws: URLPolicyError.self) { _ = try await transport.send(request) }
        }

        /// The second check, on the host libcurl itself reads from the URL (the one it connects to), in libcurl's
        /// spelling (IPv6 in brackets).
        @Test func libcurlsReadingOfThePlainHTTPHostMustBeLoopbackToo() throws {
            for url in ["http://127.0.0.1:8080/v2/groups", "http://localhost/", "http://[::1]:8080/", "http://[::ffff:127.0.0.1]/"] {
                #expect(throws: Never.self, "\(url)") { try CurlHandle.requireLoopback(url) }
            }
            for url in ["http://127.attacker.example.com/", "http://127.0.0.1.evil.example/", "http://evil.example#@127.0.0.1/",
                        "http://127.0.0.1@evil.example/", "not a url"] {
                #expect(throws: TransportError.self, "\(url)") { try CurlHandle.requireLoopback(url) }
            }
        }

        /// libcurl refuses strings over 8 MB in `curl_easy_setopt`; the request must fail, not go out without the
        /// option.
        @Test func aFailedCurlOptionStopsTheRequest() async throws {
            try await FetchHarness.withCloud { cloud in
                let transport = HTTPTransport(options: .init(userAgent: String(repeating: "a", count: 9 << 20)))
                let request = HTTPRequest(url: cloud.baseURL.appendingPathComponent("v1/profiles"))
                let error = await #expect(throws: TransportError.self) { _ = try await transport.send(request) }
                #expect(error?.message.contains("curl_easy_setopt(CURLOPT_USERAGENT) failed") == true)
                #expect(error?.isTransient == false)
                #expect(cloud.counters.total == 0)
            }
        }

        @Test func headerValuesWithLineBreaksAreNeverSent() async throws {
            try await FetchHarness.withCloud { cloud in
                let transport = HTTPTransport(options: .init(userAgent: "t"))
                let request = HTTPRequest(url: cloud.baseURL.appendingPathComponent("v1/profiles"),
                                          headers: [("Authorization", "Bearer abc\r\nX-Injected: 1")])
                let error = await #expect(throws: TransportError.self) { _ = try await transport.send(request) }
                #expect(error?.message.contains("line break") == true)
                #expect(cloud.counters.total == 0)
            }
        }
    }
}
