import ArgumentParser
import Fetch
import Foundation
import Snapshot

struct FetchSnapshot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Read an account's IAM data from the IBM Cloud APIs into a snapshot directory.",
        discussion: """
            Credentials (never on the command line, never written anywhere): IBMCLOUD_API_KEY, or --api-key-file \
            FILE (the JSON file the console downloads, or a one-line file), or IBMCLOUD_TOKEN (a bearer token, with \
            or without the "Bearer " that `ibmcloud iam oauth-tokens` prints). A read-only key is enough: Viewer on \
            all account management services and Viewer + Reader on all IAM-enabled services.

            The snapshot is written to a hidden sibling directory and swapped into place in one step, so an existing \
            snapshot is never left half-written; if SNAPSHOT is a symbolic link, its target is replaced and the link \
            kept. Ctrl-C (or SIGTERM) removes the unfinished copy and leaves SNAPSHOT as it was; copies left by a \
            killed fetch are removed by the next one. Collections the key may not read (HTTP 403) are marked \
            "forbidden" in the manifest and the fetch goes on.

            A partial snapshot never replaces one holding collections it lacks: that one is left as it was and the \
            partial one is written beside it, as SNAPSHOT.partial-<time>, unless --allow-partial is given. A partial \
            snapshot that loses nothing (a first fetch, or the same collections forbidden as before) replaces it.

            Limits against hostile or broken servers (crossing one fails that collection, exit 6): a response of more \
            than --max-response-mb (default 32) is cut off as it arrives; one response may hold 100,000 JSON \
            values, one listing 5,000,000, a page 1,000 items, a listing 5,000 pages (or its reported total + 1); a \
            request gives up after 6 attempts or 120 s of retrying, and waits at most 30 s whatever Retry-After asks.

            Exit codes: 0 complete, 6 partial (some collections forbidden or failed: see stderr and the manifest; \
            stderr says where the snapshot went), 7 credentials missing or refused (nothing is written), 4 other \
            failure (network setup, writing, a token naming no valid account id), 130 / 143 interrupted by SIGINT / \
            SIGTERM (nothing is changed), 64 usage error (e.g. an --account that is not an account id).

            Examples:
              iamgraph fetch snapshots/prod
              iamgraph fetch snapshots/prod --api-key-file apikey.json --quiet
              iamgraph fetch snapshots/me --identity IBMid-310008FJ6C
            """)

    @Argument(help: "The snapshot directory to write (created or replaced).", completion: .directory)
    var snapshot: String

    @Option(name: .customLong("api-key-file"), help: ArgumentHelp("File holding the API key (console JSON or one line).", valueName: "file"))
    var apiKeyFile: String?

    @Option(help: ArgumentHelp("Account id, 32 lowercase hex characters (default: the token's account).", valueName: "account-id"))
    var account: String?

    @Option(help: ArgumentHelp("Fetch only one identity's access (its groups and policies): for keys without account-wide read.",
                               valueName: "iam-id"))
    var identity: String?

    @Option(name: .customLong("api-base"),
            help: ArgumentHelp("Send every service to this base URL, with IBM's paths (proxies, private endpoints, fake-ibmcloud). Also IBMCLOUD_API_BASE.",
                               valueName: "url"))
    var apiBase: String?

    @Option(name: .customLong("ca-bundle"), help: ArgumentHelp("PEM file of CA certificates to trust (private CAs).", valueName: "file"))
    var caBundle: String?

    @Option(help: "Requests in flight at once.")
    var concurrency: Int = 8

    @Option(help: ArgumentHelp("Seconds before one request times out.", valueName: "seconds"))
    var timeout: Int = 60

    @Option(name: .customLong("max-response-mb"),
            help: ArgumentHelp("The largest response accepted, in MiB (after decompression).", valueName: "mb"))
    var maxResponseMB = HTTPTransport.Options.defaultMaxResponseBytes >> 20

    @Flag(name: .customLong("with-activity"), help: "Also fetch the inactive-identities activity report (slow; volatile area).")
    var withActivity = false

    @Flag(name: .customLong("with-mfa-report"), help: "Also fetch the MFA enrolment report (slow; volatile area).")
    var withMFAReport = false

    @Flag(name: .customLong("allow-partial"),
          help: "Let a partial snapshot replace one holding collections it lacks (by default it goes beside it).")
    var allowPartial = false

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print every retry.")
    var verbose = false

    func validate() throws {
        if concurrency < 1 || concurrency > 64 { throw ValidationError("--concurrency must be between 1 and 64") }
        if timeout < 1 { throw ValidationError("--timeout must be at least 1 second") }
        if !(1...4096).contains(maxResponseMB) { throw ValidationError("--max-response-mb must be between 1 and 4096") }
        if let base = apiBaseURL, base.host == nil { throw ValidationError("--api-base must be an absolute URL") }
        if let account, let problem = AccountID.problem(account) { throw ValidationError("--account: \(problem)") }
    }

    private var apiBaseURL: URL? {
        (apiBase ?? ProcessInfo.processInfo.environment["IBMCLOUD_API_BASE"]).flatMap { URL(string: $0) }
    }

    func run() async throws {
        let credential: Credential
        do {
            credential = try Credential.resolve(apiKeyFile: apiKeyFile, environment: ProcessInfo.processInfo.environment)
        } catch {
            Console.error("iamgraph: \(error)")
            throw ExitCode.authenticationFailed
        }
        let options = FetchOptions(
            apiBase: apiBaseURL, accountID: account, identity: identity, concurrency: concurrency,
            withActivity: withActivity, withMFAReport: withMFAReport,
            transport: .init(userAgent: "iamgraph/\(ToolVersion.current)", caBundle: caBundle, totalTimeout: timeout,
                             maxResponseBytes: maxResponseMB << 20),
            allowPartial: allowPartial)
        let progress = FetchProgressDisplay(mode: quiet ? .quiet : verbose ? .verbose : .normal)
        let fetcher = SnapshotFetcher(credential: credential, options: options, events: progress.handle)
        progress.start(statistics: fetcher.statistics)
        let interruption = WriteInterruption()
        let trap = SignalTrap { [snapshot] signal in
            progress.stop()
            let stopping = interruption.interrupt {
                Console.error("iamgraph: interrupted: \(snapshot) was left as it was")
                Foundation.exit(ExitCode.interrupted(by: signal).rawValue)
            }
            if stopping { Console.error("iamgraph: interrupted: removing the unfinished snapshot (once more to quit at once)") }
        }
        defer { withExtendedLifetime(trap) {} }
        let report: FetchReport
        do {
            report = try await fetcher.fetch(into: URL(fileURLWithPath: snapshot), interruption: interruption)
        } catch let error as FetchError {
            progress.stop()
            Console.error("iamgraph: \(error)")
            if case .authentication = error { throw ExitCode.authenticationFailed }
            throw ExitCode.otherFailure
        } catch {
            progress.stop()
            Console.error("iamgraph: fetch failed: \(error)")
            throw ExitCode.otherFailure
        }
        progress.stop()
        progress.summary(report, snapshot: snapshot)
        if !report.incomplete.isEmpty { throw ExitCode.partialSnapshot }
    }
}
