import ArgumentParser
import FakeCloud
import Foundation
import Snapshot

/// Serves a snapshot as a fake IBM Cloud until interrupted; prints the base URL on stdout, one line per request on
/// stderr (`RequestRecord.timedDescription`: the request, its status, when it arrived and how long it took).
@main
struct FakeIBMCloud: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fake-ibmcloud",
        abstract: "Serve a snapshot directory as a fake IBM Cloud (IAM, Access Groups, Policy Management, Resource Controller, User Management, Accounts).",
        discussion: """
            Every API is served on one base URL, printed on stdout once listening. Tokens come from POST /identity/token \
            with any API key except "invalid-key" (or only --api-key). The --*-every faults count API requests (all but \
            the token request) and fire on multiples of N.
            """)

    @Argument(help: "The snapshot directory to serve.")
    var snapshot: String

    @Option(help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "port"))
    var port: UInt16 = 0

    @Option(help: "The IPv4 address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .customLong("api-key"), help: "Accept only this API key.")
    var apiKey: String?

    @Option(name: .customLong("iam-id"), help: "The identity tokens are issued to (default: the account owner).")
    var iamID: String?

    @Option(name: .customLong("latency-ms"), help: ArgumentHelp("Delay every answer by this many milliseconds.", valueName: "ms"))
    var latencyMilliseconds = 0

    @Option(help: ArgumentHelp("Answer every Nth API request with 429 (1: always).", valueName: "n"))
    var rateLimitEvery: Int?

    @Option(name: .customLong("retry-after"), help: ArgumentHelp("The Retry-After seconds those 429s ask for.", valueName: "seconds"))
    var retryAfter = 1

    @Option(help: ArgumentHelp("Answer every Nth API request with 500, then 503, alternately.", valueName: "n"))
    var failEvery: Int?

    @Option(help: ArgumentHelp("Close the connection of every Nth API request without answering.", valueName: "n"))
    var dropEvery: Int?

    @Option(help: ArgumentHelp("Refuse a token (401) after it was used for N API requests.", valueName: "n"))
    var expireTokenAfter: Int?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Answer 403 for these collections (manifest names, e.g. api_keys).", valueName: "collection"))
    var forbid: [String] = []

    @Option(help: ArgumentHelp("Cut the body of every Nth successful API answer in half.", valueName: "n"))
    var truncateEvery: Int?

    @Option(help: ArgumentHelp("Answer this collection with a body that is not JSON (repeatable).", valueName: "collection"))
    var malformed: [String] = []

    @Option(help: ArgumentHelp("Make this collection's paging loop: the second page's cursor repeats forever (repeatable).", valueName: "collection"))
    var pagingLoop: [String] = []

    @Option(help: ArgumentHelp("Make this collection's paging endless: every page has a new next cursor (repeatable).", valueName: "collection"))
    var endlessPaging: [String] = []

    @Option(help: ArgumentHelp("Answer this collection with a huge JSON body, chunked (repeatable; size: --huge-body-mb).", valueName: "collection"))
    var hugeBody: [String] = []

    @Option(name: .customLong("huge-body-mb"), help: ArgumentHelp("The size of --huge-body answers in MiB.", valueName: "mb"))
    var hugeBodyMB = 2048

    @Option(help: ArgumentHelp("Fill every page of this collection with tiny items (repeatable; how many: --flood-items).", valueName: "collection"))
    var itemFlood: [String] = []

    @Option(name: .customLong("flood-items"), help: ArgumentHelp("The items on each --item-flood page.", valueName: "n"))
    var floodItems = 1_000_000

    @Flag(name: .customLong("list-endpoints"), help: .hidden)
    var listEndpoints = false

    @Flag(name: .customLong("refuse-tokens"), help: "Issue tokens but answer every API request with 401 (revoked credentials).")
    var refuseTokens = false

    @Option(name: .customLong("refuse-tokens-for"),
            help: ArgumentHelp("Answer this collection with 401 to every token the rest of the API accepts (repeatable).", valueName: "collection"))
    var refuseTokensFor: [String] = []

    @Option(name: .customLong("token-failures"), parsing: .singleValue,
            help: ArgumentHelp("Answer the first token requests with these statuses in order, e.g. 429 then 503 (repeatable; 429 carries --retry-after).", valueName: "status"))
    var tokenFailures: [Int] = []

    func validate() throws {
        for every in [rateLimitEvery, failEvery, dropEvery, expireTokenAfter, truncateEvery].compactMap({ $0 })
        where every < 1 {
            throw ValidationError("every --*-every and --expire-token-after value must be at least 1")
        }
        guard latencyMilliseconds >= 0 else { throw ValidationError("--latency-ms must not be negative") }
        guard retryAfter >= 0 else { throw ValidationError("--retry-after must not be negative") }
        guard (1...1_048_576).contains(hugeBodyMB) else { throw ValidationError("--huge-body-mb must be from 1 to 1048576") }
        guard floodItems >= 0 else { throw ValidationError("--flood-items must not be negative") }
        guard tokenFailures.allSatisfy({ $0 == 429 || (500...599).contains($0) }) else {
            throw ValidationError("--token-failures takes 429 or a 5xx status")
        }
        _ = try collections(forbid + malformed + pagingLoop + endlessPaging + hugeBody + itemFlood + refuseTokensFor)
    }

    func run() async throws {
        if listEndpoints {
            // For scripts/sdk_conformance.py: every collection's endpoint as JSON, nothing served.
            FileHandle.standardOutput.write(try EndpointListing.json())
            return
        }
        let faults = Faults(
            latency: .milliseconds(latencyMilliseconds), rateLimitEvery: rateLimitEvery, retryAfter: retryAfter,
            serverErrorEvery: failEvery, dropEvery: dropEvery, expireTokenAfter: expireTokenAfter,
            forbidden: try collections(forbid), truncateEvery: truncateEvery, malformed: try collections(malformed),
            pagingLoop: try collections(pagingLoop), endlessPaging: try collections(endlessPaging),
            hugeBody: try collections(hugeBody), hugeBodyBytes: hugeBodyMB << 20,
            itemFlood: try collections(itemFlood), floodItems: floodItems, refuseTokens: refuseTokens,
            refuseTokensFor: try collections(refuseTokensFor), tokenFailures: tokenFailures)
        let options = FakeCloud.Options(host: host, port: port, apiKey: apiKey, iamID: iamID) { record in
            FileHandle.standardError.write(Data((record.timedDescription + "\n").utf8))
        }
        let cloud = try FakeCloud(snapshot: URL(fileURLWithPath: snapshot), faults: faults, options: options)
        try await cloud.start()
        FileHandle.standardOutput.write(Data((cloud.baseURL.absoluteString + "\n").utf8))
        while !Task.isCancelled {
            try await Task.sleep(for: .seconds(3600))
        }
        await cloud.stop()
    }

    /// Parses snapshot collection names (manifest keys such as `api_keys`).
    private func collections(_ names: [String]) throws -> Set<CollectionKind> {
        Set(try names.map { name in
            guard let kind = CollectionKind(rawValue: name) else {
                throw ValidationError("unknown collection \"\(name)\": expected one of "
                                      + CollectionKind.allCases.map(\.name).joined(separator: ", "))
            }
            return kind
        })
    }
}
