import FakeCloud
@testable import Fetch
import Foundation
import Snapshot
import Testing
import TestSupport

extension FetchSuites {
    /// A server that floods, pages forever or rate-limits forever: each ends in one failed collection with a message
    /// naming the limit, the rest of the snapshot intact, and the fetch finishing.
    @Suite struct HostileServerTests {
        /// Fetches the demo through `faults` with the given limits.
        func fetch(_ faults: Faults, maxResponseBytes: Int = HTTPTransport.Options.defaultMaxResponseBytes,
                   limits: FetchLimits = FetchLimits(),
                   retry: RetryPolicy = RetryPolicy(maxAttempts: 8, baseDelay: 0.01, maxDelay: 0.05)) async throws
            -> (report: FetchReport, cloud: RequestCounters) {
            let output = FetchHarness.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: output) }
            return try await FetchHarness.withCloud(faults: faults) { cloud in
                var options = FetchHarness.options(cloud)
                options.transport.maxResponseBytes = maxResponseBytes
                options.limits = limits
                options.retry = retry
                let report = try await SnapshotFetcher(credential: .apiKey(FetchHarness.apiKey), options: options).fetch(into: output)
                return (report, cloud.counters)
            }
        }

        /// The one failed collection's message; every other collection must be `ok`.
        func onlyFailure(_ report: FetchReport, _ kind: CollectionKind) throws -> String {
            #expect(report.incomplete.map(\.name) == [kind.name])
            let entry = try #require(report.manifest.collections[kind.name])
            #expect(entry.status == .failed)
            return entry.message ?? ""
        }

        // MARK: response size

        /// A body streamed without `Content-Length` is cut off by counting what arrives, not buffered first.
        @Test func hugeBodyIsCutOffAsItArrives() async throws {
            let (report, _) = try await fetch(Faults(hugeBody: [.users], hugeBodyBytes: 64 << 20), maxResponseBytes: 1 << 20)
            let message = try onlyFailure(report, .users)
            #expect(message.contains("the response is larger than the limit of 1 MiB"))
            #expect(message.contains("received so far"))
            #expect(report.statistics.retries == 0)  // a limit is not a transient failure
        }

        @Test func announcedContentLengthAboveTheLimitStopsBeforeTheBody() async throws {
            // The demo's access policy listing is ~30 kB, its account object a few hundred bytes.
            let (report, _) = try await fetch(.none, maxResponseBytes: 4_000)
            let policies = try #require(report.manifest.collections[CollectionKind.accessPolicies.name])
            #expect(policies.status == .failed)
            #expect(policies.message?.contains("larger than the limit of 4,000 bytes") == true)
            #expect(policies.message?.contains("announced") == true)
            #expect(report.manifest.collections[CollectionKind.account.name]?.status == .ok)
        }

        /// A token answer is parsed only when it is small; a huge one stops the fetch as an authentication failure.
        @Test func hugeTokenAnswerIsNotParsed() async throws {
            let output = FetchHarness.temporaryDirectory()
            let error = await #expect(throws: FetchError.self) {
                try await FetchHarness.withCloud(faults: Faults(accessTokenSuffix: String(repeating: "a", count: 2 << 20))) { cloud in
                    try await SnapshotFetcher(credential: .apiKey(FetchHarness.apiKey), options: FetchHarness.options(cloud))
                        .fetch(into: output)
                }
            }
            #expect(error.map { "\($0)" }?.contains("the token endpoint's answer is larger than 1 MiB; not parsed") == true)
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }

        // MARK: floods of values and items

        @Test func floodOfValuesIsRefusedBeforeParsing() async throws {
            let (report, _) = try await fetch(Faults(itemFlood: [.serviceIDs], floodItems: 5_000),
                                              limits: FetchLimits(maxValuesPerResponse: 2_000))
            let message = try onlyFailure(report, .serviceIDs)
            #expect(message.contains("the response holds more than 2,000 JSON values"))
            #expect(message.contains("not parsed"))
        }

        @Test func pageWithFarMoreItemsThanAskedForFailsTheListing() async throws {
            let (report, _) = try await fetch(Faults(itemFlood: [.serviceIDs], floodItems: 1_500))
            let message = try onlyFailure(report, .serviceIDs)
            #expect(message.contains("the server sent 1,500 items on one page"))
        }

        @Test func listingsAreBoundedInJSONValues() async throws {
            let (report, _) = try await fetch(Faults(itemFlood: [.serviceIDs], floodItems: 900),
                                              limits: FetchLimits(maxValuesPerListing: 1_000))
            let message = try onlyFailure(report, .serviceIDs)
            #expect(message.contains("the listing passed 1,000 JSON values"))
        }

        @Test func valuesAreCountedOutsideStringsOnly() {
            let text = #"{"a":"[{,}]\"[,","b":[1,2,{"c":[]}]}"#
            // `{` `,` `[` `,` `,` `{` `[` outside strings: the object, two members' separator, the array, its two
            // separators, the inner object and its array.
            #expect(JSONValueCount.count(Data(text.utf8), upTo: 100) == 7)
            #expect(JSONValueCount.count(Data(String(repeating: "[", count: 50).utf8), upTo: 10) == 11)
        }

        // MARK: endless paging

        @Test func endlessCursorsStopAtTheReportedTotal() async throws {
            let groups = try JSONSerialization.jsonObject(
                with: Data(contentsOf: FetchHarness.demo.appendingPathComponent("access-groups.json"))) as? [Any]
            let total = try #require(groups?.count)
            let (report, counters) = try await fetch(Faults(endlessPaging: [.accessGroups]))
            let entry = try #require(report.manifest.collections[CollectionKind.accessGroups.name])
            #expect(entry.status == .failed)
            #expect(entry.message?.contains("the server reported \(total) items but still sent a next page") == true)
            #expect(counters.count("/v2/groups") == total + 1)
        }

        /// IAM Identity reports no total: only the page limit stops a server that always sends a new cursor.
        @Test func endlessCursorsStopAtThePageLimit() async throws {
            let (report, counters) = try await fetch(Faults(endlessPaging: [.serviceIDs]),
                                                     limits: FetchLimits(maxPagesPerListing: 25))
            let message = try onlyFailure(report, .serviceIDs)
            #expect(message.contains("more than 25 pages (the limit per listing)"))
            #expect(counters.count("/v1/serviceids/") == 25)
        }

        // MARK: rate limits

        @Test func rateLimitForeverFailsEachCollectionWithinTheRetryBudget() async throws {
            let (report, _) = try await fetch(Faults(rateLimitEvery: 1, retryAfter: 3_600),
                                              retry: RetryPolicy(maxAttempts: 1_000, baseDelay: 0.01, maxDelay: 0.05, budget: 0.3))
            #expect(report.incomplete.count == CollectionKind.allCases.count)
            let groups = try #require(report.manifest.collections[CollectionKind.accessGroups.name])
            #expect(groups.status == .failed)
            #expect(groups.message?.contains("of retrying (the retry budget per request is 0.3 s): rate limited (429)") == true)
        }

        @Test func retryAfterIsCappedAtTheLongestWait() {
            let policy = RetryPolicy(maxAttempts: 3, baseDelay: 0.5, maxDelay: 30)
            #expect(policy.delay(retryAfter: "86400", attempt: 1) == 30)
            #expect(policy.delay(retryAfter: "Sun, 06 Nov 2094 08:49:37 GMT", attempt: 1) == 30)
            for header in ["nan", "inf", "-inf", "1e400"] {
                let delay = policy.delay(retryAfter: header, attempt: 1)
                #expect(delay.isFinite && (0...30).contains(delay), "Retry-After: \(header)")
            }
        }

        /// The command line's limit flag and the exit code of a fetch that hit a limit.
        @Test func maxResponseFlagFailsTheCollectionWithExitCode6() async throws {
            let output = FetchHarness.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: output) }
            try await FetchHarness.withCloud(faults: Faults(hugeBody: [.resourceGroups], hugeBodyBytes: 8 << 20)) { cloud in
                let result = try await ProcessRunner.run(FetchHarness.executable,
                                                         ["fetch", output.path, "--api-base", cloud.baseURL.absoluteString,
                                                          "--max-response-mb", "2"],
                                                         environment: ["IBMCLOUD_API_KEY": FetchHarness.apiKey])
                #expect(result.status == 6)
                #expect(result.stderr.contains("resource_groups: failed"))
                #expect(result.stderr.contains("larger than the limit of 2 MiB"))
                let invalid = try await ProcessRunner.run(FetchHarness.executable,
                                                          ["fetch", output.path, "--max-response-mb", "0"])
                #expect(invalid.status == 64)
            }
        }
    }
}
