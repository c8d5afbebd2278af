import FakeCloud
import Fetch
import Foundation
import Testing
import TestSupport
import Snapshot

extension FetchSuites {
    @Suite struct SecurityTests {
        @Test func plainHTTPIsRefusedExceptToLoopback() throws {
            #expect(throws: URLPolicyError.self) { try HTTPTransport.checkAllowed(URL(string: "http://iam.cloud.ibm.com/v2/groups")!) }
            #expect(throws: URLPolicyError.self) { try HTTPTransport.checkAllowed(URL(string: "http://10.0.0.5:8080")!) }
            #expect(throws: URLPolicyError.self) { try HTTPTransport.checkAllowed(URL(string: "ftp://127.0.0.1")!) }
            try HTTPTransport.checkAllowed(URL(string: "https://iam.cloud.ibm.com")!)
            try HTTPTransport.checkAllowed(URL(string: "http://127.0.0.1:8080")!)
            try HTTPTransport.checkAllowed(URL(string: "http://localhost:8080")!)
            try HTTPTransport.checkAllowed(URL(string: "http://[::1]:8080")!)
        }

        @Test func fetchRefusesAPlainHTTPBaseBeforeSendingAnything() async throws {
            let options = FetchOptions(apiBase: URL(string: "http://example.com")!, transport: .init(userAgent: "t"))
            await #expect(throws: URLPolicyError.self) {
                try await SnapshotFetcher(credential: .apiKey("secret"), options: options).fetch(into: FetchHarness.temporaryDirectory())
            }
        }

        @Test func credentialsComeFromTheKeyFileOrTheEnvironment() throws {
            let directory = FetchHarness.temporaryDirectory()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let json = directory.appendingPathComponent("apikey.json")
            try Data(#"{"name":"ci","description":"","createdAt":"2026-01-01T00:00+0000","apikey":"k-json"}"#.utf8).write(to: json)
            let line = directory.appendingPathComponent("key.txt")
            try Data("  k-line \n".utf8).write(to: line)
            guard case .apiKey("k-json") = try Credential.resolve(apiKeyFile: json.path, environment: [:]) else { Issue.record("json"); return }
            guard case .apiKey("k-line") = try Credential.resolve(apiKeyFile: line.path, environment: [:]) else { Issue.record("line"); return }
            guard case .apiKey("k-env") = try Credential.resolve(apiKeyFile: nil, environment: ["IBMCLOUD_API_KEY": "k-env"]) else { Issue.record("env"); return }
            guard case .token("eyJabc") = try Credential.resolve(apiKeyFile: nil, environment: ["IBMCLOUD_TOKEN": "Bearer eyJabc"]) else { Issue.record("token"); return }
            #expect(throws: Credential.Missing.self) { try Credential.resolve(apiKeyFile: nil, environment: [:]) }
            #expect("\(Credential.apiKey("k-json"))" == "API key (hidden)")
        }

        /// Runs the real `iamgraph fetch` against the fake cloud and checks that neither the key nor any token it was
        /// given appears in the snapshot, on stdout or on stderr — also with --verbose and through retries.
        @Test func secretsNeverReachTheSnapshotOrTheOutput() async throws {
            let output = FetchHarness.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: output) }
            try await FetchHarness.withCloud(faults: Faults(rateLimitEvery: 7, expireTokenAfter: 15, forbidden: [.apiKeys])) { cloud in
                let result = try await ProcessRunner.run(FetchHarness.executable, ["fetch", output.path, "--verbose", "--api-base", cloud.baseURL.absoluteString],
                                                         environment: ["IBMCLOUD_API_KEY": FetchHarness.apiKey])
                #expect(result.status == 6)  // partial: api_keys forbidden
                let tokens = Set(cloud.counters.authorizationHeaders.map { $0.replacingOccurrences(of: "Bearer ", with: "") })
                #expect(!tokens.isEmpty)
                var haystacks = [result.stdout, result.stderr]
                haystacks += try FetchHarness.files(output).values.map { String(decoding: $0, as: UTF8.self) }
                for text in haystacks {
                    #expect(!text.contains(FetchHarness.apiKey))
                    for token in tokens { #expect(!text.contains(token)) }
                }
                #expect(result.stdout.isEmpty)
                #expect(result.stderr.contains("api_keys: forbidden"))
            }
        }
    }
}
