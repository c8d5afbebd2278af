import FakeCloud
@testable import Fetch
import Foundation
import Testing
import Snapshot
import TestSupport

extension FetchSuites {
    /// A hostile server: account ids that are not ids, ids that are paths, repeated ids and terminal escape sequences
    /// in error bodies. The real `iamgraph` runs against the fake cloud; each case must end in one clear message and
    /// a documented exit code, send no request outside the API's paths, and print nothing a terminal would obey.
    @Suite struct HostileDataTests {
        /// Escape sequences, a bell, a carriage return, a right-to-left override and a NUL.
        static let hostileText = "\u{1B}]0;owned\u{07}\u{1B}[2J\r\u{202E}evil\u{0}"

        struct Fetched {
            let result: ProcessRunner.Result
            let requests: [RequestRecord]
            let output: URL
        }

        /// Runs `iamgraph fetch` (with an API key unless `environment` names other credentials) against the demo
        /// served with `faults`; the caller removes `output`.
        func fetch(_ faults: Faults, arguments: [String] = [],
                   environment: [String: String] = ["IBMCLOUD_API_KEY": FetchHarness.apiKey]) async throws -> Fetched {
            let output = FetchHarness.temporaryDirectory()
            return try await FetchHarness.withCloud(faults: faults) { cloud in
                let result = try await ProcessRunner.run(FetchHarness.executable,
                                                         ["fetch", output.path, "--api-base", cloud.baseURL.absoluteString] + arguments,
                                                         environment: environment)
                return Fetched(result: result, requests: cloud.requestLog, output: output)
            }
        }

        /// Runs an offline `iamgraph` command.
        func iamgraph(_ arguments: [String]) async throws -> ProcessRunner.Result {
            try await ProcessRunner.run(FetchHarness.executable, arguments)
        }

        /// No control character but newline, no C1 control, no bidirectional override: nothing a terminal obeys.
        func expectTerminalSafe(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
            let unsafe = text.unicodeScalars.filter { scalar in
                switch scalar.value {
                case 0x0A: false
                case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
                default: false
                }
            }
            #expect(unsafe.isEmpty, "\(what) holds \(unsafe.map { String(format: "U+%04X", $0.value) })", sourceLocation: sourceLocation)
        }

        /// A JWT (unsigned, as the fetcher reads it) whose `account.bss` claim is `account`.
        static func token(account: String) throws -> String {
            func part(_ object: [String: Any]) throws -> String {
                try JSONSerialization.data(withJSONObject: object).base64EncodedString()
                    .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            }
            let exp = Int(Date().timeIntervalSince1970) + 3600
            return try part(["alg": "none"]) + "." + part(["iam_id": "IBMid-1", "account": ["bss": account], "exp": exp]) + ".sig"
        }

        @Test(arguments: ["../../x", "a?b#c d", "50%\n\u{1B}[31m", ""])
        func hostileAccountClaimStopsTheFetchBeforeAnyAPIRequest(claim: String) async throws {
            let fetched = try await fetch(Faults(tokenAccountClaim: claim))
            defer { try? FileManager.default.removeItem(at: fetched.output) }
            #expect(!fetched.result.signalled)
            #expect(fetched.result.status == 4)
            #expect(fetched.result.stderr.contains("the token's account (account.bss claim): \""))
            #expect(fetched.result.stderr.contains("is not an IBM Cloud account id: expected 32 lowercase hexadecimal characters"))
            expectTerminalSafe(fetched.result.stderr, "stderr")
            #expect(fetched.requests.map(\.path) == ["/identity/token"])
            #expect(!FileManager.default.fileExists(atPath: fetched.output.path))
        }

        @Test func hostileAccountInAGivenTokenStopsTheFetchBeforeAnyRequest() async throws {
            let fetched = try await fetch(.none, environment: ["IBMCLOUD_TOKEN": try Self.token(account: "../../x")])
            defer { try? FileManager.default.removeItem(at: fetched.output) }
            #expect(!fetched.result.signalled)
            #expect(fetched.result.status == 4)
            #expect(fetched.result.stderr.contains("\"../../x\" is not an IBM Cloud account id"))
            #expect(fetched.requests.isEmpty)
        }

        /// An access token with a line break would add a header line to every request: refused before any is sent.
        @Test func accessTokenWithALineBreakIsRefused() async throws {
            let fetched = try await fetch(Faults(accessTokenSuffix: "\r\nX-Injected: 1"))
            defer { try? FileManager.default.removeItem(at: fetched.output) }
            #expect(!fetched.result.signalled)
            #expect(fetched.result.status == 7)
            #expect(fetched.result.stderr.contains("access_token holding characters a token cannot have"))
            #expect(fetched.requests.map(\.path) == ["/identity/token"])
        }

        @Test func givenTokenWithALineBreakIsRefused() async throws {
            let fetched = try await fetch(.none, environment: ["IBMCLOUD_TOKEN": "Bearer abc\r\nX-Injected: 1"])
            defer { try? FileManager.default.removeItem(at: fetched.output) }
            #expect(fetched.result.status == 7)
            #expect(fetched.result.stderr.contains("IBMCLOUD_TOKEN holds characters a bearer token cannot have"))
            #expect(fetched.requests.isEmpty)
        }

        @Test(arguments: ["a b", "a?b#c", "../../x", "0123456789ABCDEF0123456789ABCDEF"])
        func hostileAccountOptionIsAUsageError(account: String) async throws {
            let fetched = try await fetch(.none, arguments: ["--account", account])
            defer { try? FileManager.default.removeItem(at: fetched.output) }
            #expect(!fetched.result.signalled)
            #expect(fetched.result.status == 64)
            #expect(fetched.result.stderr.contains("--account: \"\(account)\" is not an IBM Cloud account id: expected 32 lowercase hexadecimal characters"))
            #expect(fetched.requests.isEmpty)
        }

        /// A base URL the user named but that does not parse is a usage error: the fetch never falls back to IBM's
        /// hosts with the credentials. (No fake cloud: nothing may be sent anywhere.)
        @Test(arguments: ["http://[::1", "https://", "example.com/v1"])
        func unparseableAPIBaseIsAUsageError(base: String) async throws {
            let output = FetchHarness.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: output) }
            for (arguments, environment) in [(["--api-base", base], [String: String]()), ([], ["IBMCLOUD_API_BASE": base])] {
                let result = try await ProcessRunner.run(FetchHarness.executable, ["fetch", output.path] + arguments,
                                                         environment: environment.merging(["IBMCLOUD_API_KEY": FetchHarness.apiKey]) { $1 })
                #expect(!result.signalled)
                #expect(result.status == 64, "\(result.stderr)")
                #expect(result.stderr.contains("--api-base (or IBMCLOUD_API_BASE) must be an absolute URL"))
                #expect(!FileManager.default.fileExists(atPath: output.path))
            }
        }

        /// Group and profile ids from the listings go into later paths as one percent-encoded segment each: no
        /// traversal, no query or fragment, and the fake cloud finds each parent.
        @Test func hostileParentIDsAreOneEncodedPathSegment() async throws {
            let ids = ["../../x", "a?b#c d", "..", "é/%2F"]
            let fetched = try await fetch(Faults(extraParentIDs: ids + [""]))
            defer { try? FileManager.default.removeItem(at: fetched.output) }
            #expect(!fetched.result.signalled)
            #expect(fetched.result.status == 0, "\(fetched.result.stderr)")
            let encoded = ["..%2F..%2Fx", "a%3Fb%23c%20d", "%2E%2E", "%C3%A9%2F%252F"]
            let paths = Set(fetched.requests.map(\.path))
            for id in encoded {
                for suffix in ["members", "rules"] { #expect(paths.contains("/v2/groups/\(id)/\(suffix)")) }
                for suffix in ["links", "rules", "identities"] { #expect(paths.contains("/v1/profiles/\(id)/\(suffix)")) }
            }
            for request in fetched.requests {
                #expect(!request.target.contains("#") && !request.path.contains("//"))
                #expect(!request.path.split(separator: "/").contains { $0 == ".." || $0 == "." }, "\(request.path)")
                #expect(request.status == 200, "\(request)")
            }
            let members = try JSONSerialization.jsonObject(with: Data(contentsOf: fetched.output.appendingPathComponent("access-group-members.json")))
            #expect(Set(ids).isSubset(of: Set((members as? [String: Any] ?? [:]).keys)))
        }

        /// A listing with an id twice: the first item is kept, the manifest and stderr name the id, the fetch
        /// completes and the snapshot is valid.
        @Test func repeatedIDsKeepTheFirstAndNameTheID() async throws {
            let kinds: [CollectionKind] = [.accessGroups, .trustedProfiles, .serviceIDs, .accessPolicies]
            let fetched = try await fetch(Faults(repeatedItems: Set(kinds)))
            defer { try? FileManager.default.removeItem(at: fetched.output) }
            #expect(!fetched.result.signalled)
            #expect(fetched.result.status == 0, "\(fetched.result.stderr)")
            let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: fetched.output.appendingPathComponent("manifest.json")))
            for kind in kinds {
                let items = try JSONSerialization.jsonObject(with: Data(contentsOf: fetched.output.appendingPathComponent(kind.fileName))) as? [[String: Any]] ?? []
                let ids = items.compactMap { $0["id"] as? String }
                #expect(Set(ids).count == ids.count)
                let first = try #require(ids.first)
                let remark = try #require(manifest.collections[kind.name]?.message)
                #expect(remark.hasPrefix("the server listed an id more than once"))
                // The fake cloud repeats the first item it serves, the one with the smallest id.
                #expect(remark.contains("\"\(first)\""))
                #expect(fetched.result.stderr.contains("\(kind.name): the server listed an id more than once"))
            }
            let validation = try await iamgraph(["validate", fetched.output.path])
            #expect(validation.status == 0, "\(validation.stdout)")
        }

        /// Escape sequences in 403 bodies: stderr of the fetch, and later `summary`, `report` and `validate` on the
        /// snapshot, print them as `?`; the manifest keeps the message as the API sent it.
        @Test func escapeSequencesInErrorBodiesNeverReachTheTerminal() async throws {
            let fetched = try await fetch(Faults(forbidden: [.apiKeys, .serviceIDs], errorMessageSuffix: Self.hostileText),
                                          arguments: ["--verbose"])
            defer { try? FileManager.default.removeItem(at: fetched.output) }
            #expect(!fetched.result.signalled)
            #expect(fetched.result.status == 6)
            #expect(fetched.result.stderr.contains("api_keys: forbidden"))
            expectTerminalSafe(fetched.result.stderr, "fetch stderr")
            expectTerminalSafe(fetched.result.stdout, "fetch stdout")
            let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: fetched.output.appendingPathComponent("manifest.json")))
            #expect(manifest.collections["api_keys"]?.message?.contains(Self.hostileText) == true)

            for command in ["summary", "report", "validate"] {
                let result = try await iamgraph([command, fetched.output.path])
                #expect(!result.signalled)
                expectTerminalSafe(result.stdout, "\(command) stdout")
                expectTerminalSafe(result.stderr, "\(command) stderr")
            }
            let summary = try await iamgraph(["summary", fetched.output.path])
            #expect(summary.stdout.contains("api_keys: forbidden (HTTP 403): "))
            #expect(summary.stdout.contains("owned??[2J ?evil?"))
        }

        @Test func escapeSequencesFromTheTokenServiceNeverReachTheTerminal() async throws {
            let fetched = try await fetch(Faults(errorMessageSuffix: Self.hostileText),
                                          environment: ["IBMCLOUD_API_KEY": FakeCloud.Options.rejectedKey])
            defer { try? FileManager.default.removeItem(at: fetched.output) }
            #expect(!fetched.result.signalled)
            #expect(fetched.result.status == 7)
            #expect(fetched.result.stderr.contains("the API key was refused"))
            expectTerminalSafe(fetched.result.stderr, "stderr")
        }

        /// An account name, a collection name and a manifest path with escape sequences and a NUL: `summary` and
        /// `validate` print them as `?`.
        @Test func hostileSnapshotTextIsCleanedForTheTerminal() async throws {
            let snapshot = FetchHarness.temporaryDirectory()
            try FileManager.default.copyItem(at: FetchHarness.demo, to: snapshot)
            defer { try? FileManager.default.removeItem(at: snapshot) }
            let accountFile = snapshot.appendingPathComponent("account.json")
            var account = try JSONSerialization.jsonObject(with: Data(contentsOf: accountFile)) as? [String: Any] ?? [:]
            account["name"] = "Acme" + Self.hostileText
            try JSONSerialization.data(withJSONObject: account).write(to: accountFile)
            let manifestFile = snapshot.appendingPathComponent("manifest.json")
            var manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: manifestFile)) as? [String: Any] ?? [:]
            var collections = manifest["collections"] as? [String: Any] ?? [:]
            collections["x" + Self.hostileText] = collections["users"]
            manifest["collections"] = collections
            try JSONSerialization.data(withJSONObject: manifest).write(to: manifestFile)

            let summary = try await iamgraph(["summary", snapshot.path])
            #expect(summary.status == 0)
            #expect(summary.stdout.contains("account:    Acme?]0;owned??[2J ?evil? ("))
            expectTerminalSafe(summary.stdout, "summary stdout")
            expectTerminalSafe(summary.stderr, "summary stderr")
            let validation = try await iamgraph(["validate", snapshot.path])
            #expect(validation.status == 1)
            #expect(validation.stdout.contains("warning: manifest.json: $.collections"))
            expectTerminalSafe(validation.stdout, "validate stdout")
            expectTerminalSafe(validation.stderr, "validate stderr")
        }

        @Test func dataInURLsIsPercentEncoded() {
            #expect(URLEncoding.pathSegment("../../x") == "..%2F..%2Fx")
            #expect(URLEncoding.pathSegment("..") == "%2E%2E")
            #expect(URLEncoding.pathSegment(".") == "%2E")
            #expect(URLEncoding.pathSegment("...") == "...")
            #expect(URLEncoding.pathSegment("AccessGroupId-1a2b_~.") == "AccessGroupId-1a2b_~.")
            #expect(URLEncoding.queryComponent("a+b c&d=e#f\u{1B}é") == "a%2Bb%20c%26d%3De%23f%1B%C3%A9")
            let catalog = EndpointCatalog(accountID: "a?b#c d")
            #expect(catalog.endpoint(.users).path == "/v2/accounts/a%3Fb%23c%20d/users")
            #expect(catalog.endpoint(.accessGroupMembers).forParent("../x").path == "/v2/groups/..%2Fx/members")
        }
    }
}
