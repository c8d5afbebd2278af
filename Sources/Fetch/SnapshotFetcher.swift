import Foundation
import Snapshot

/// Fetches every collection of the snapshot format from the IBM Cloud APIs — concurrently, each API with its own
/// paging — and writes the snapshot atomically. Forbidden or failed collections are recorded in the manifest and the
/// fetch goes on; only authentication and output failures stop it. A partial snapshot does not replace one holding
/// collections it lacks unless `FetchOptions.allowPartial` says so.
package struct SnapshotFetcher: Sendable {
    package let statistics = FetchStatistics()
    private let credential: Credential
    private let options: FetchOptions
    private let events: @Sendable (FetchEvent) -> Void

    package init(credential: Credential, options: FetchOptions, events: @escaping @Sendable (FetchEvent) -> Void = { _ in }) {
        self.credential = credential
        self.options = options
        self.events = events
    }

    /// Fetches and writes the snapshot to `directory` (see `SnapshotWriter.write` for when an existing snapshot is
    /// replaced). `interruption` lets a signal handler stop the write cleanly.
    package func fetch(into directory: URL, interruption: WriteInterruption? = nil) async throws -> FetchReport {
        if let base = options.apiBase { try HTTPTransport.checkAllowed(base) }
        for leftover in SnapshotWriter.removeStaleStaging(beside: directory) {
            events(.note("removed \(leftover.path), left by an interrupted fetch"))
        }
        let started = Date()
        let transport = HTTPTransport(options: options.transport)
        let tokens = TokenProvider(credential: credential, apiBase: options.apiBase ?? IBMHosts.iam, transport: transport,
                                   retry: options.retry, events: events)
        let token = try await tokens.token()
        let accountID = try Self.accountID(option: options.accountID, token: token)
        let client = APIClient(base: options.apiBase, transport: transport, tokens: tokens, retry: options.retry,
                               limits: options.limits, limiter: AsyncLimiter(limit: options.concurrency),
                               statistics: statistics, events: events)
        let plan = FetchPlan(client: client, catalog: EndpointCatalog(accountID: accountID), identity: options.identity,
                             statistics: statistics, events: events)
        let outcomes = try await plan.run()

        var writer = SnapshotWriter(toolVersion: ToolVersion.current, accountID: accountID,
                                    fetchedAt: Self.rfc3339(started),
                                    scope: options.identity.map(Manifest.Scope.identity) ?? .account)
        for outcome in outcomes.sorted(by: { $0.kind < $1.kind }) {
            switch outcome.result {
            case .success(let file):
                writer.add(outcome.kind, normalized: file, source: outcome.source, remark: outcome.remark)
            case .failure(let failure):
                writer.addUnavailable(outcome.kind, source: outcome.source, status: failure.status,
                                      httpStatus: failure.httpStatus, message: failure.message)
            }
        }
        if options.withActivity {
            switch await IdentityReportFetch(kind: .activity, client: client, accountID: accountID,
                                             poll: options.activityPoll).run() {
            case .success(let report): writer.setActivity(report.value)
            case .failure(let failure): events(.note("activity report not fetched: \(failure.message)"))
            }
        }
        if options.withMFAReport {
            switch await IdentityReportFetch(kind: .mfa, client: client, accountID: accountID,
                                             poll: options.activityPoll).run() {
            case .success(let report): writer.setMFA(report.value)
            case .failure(let failure): events(.note("MFA report not fetched: \(failure.message)"))
            }
        }
        let previous = SnapshotWriter.existingManifest(in: directory)
        let written: (manifest: Manifest, placement: SnapshotPlacement)
        do {
            written = try writer.write(to: directory, partial: options.allowPartial ? .replace : .keepWhatWouldBeLost,
                                       interruption: interruption)
        } catch {
            throw FetchError.output("\(error)")
        }
        let asked = Set(IdentityReportFetch.Kind.allCases.filter { kind in
            switch kind {
            case .activity: options.withActivity
            case .mfa: options.withMFAReport
            }
        })
        let removed = written.placement == .inPlace
            ? RemovedReport.list(previous: previous, written: written.manifest, asked: asked) : []
        return FetchReport(accountID: accountID, manifest: written.manifest, placement: written.placement,
                           removedReports: removed, statistics: statistics.current)
    }

    /// The account to fetch: `option` (`--account`), else the token's `account.bss` claim; either must have the
    /// shape of an account id, since it goes into request paths and the manifest.
    package static func accountID(option: String?, token: String) throws(FetchError) -> String {
        if let option {
            if let problem = AccountID.problem(option) { throw .configuration("--account: \(problem)") }
            return option
        }
        guard let claim = JWTClaims(token: token)?.accountID else {
            throw .configuration("the token names no account (account.bss): pass --account ACCOUNT_ID")
        }
        if let problem = AccountID.problem(claim) {
            throw .configuration("the token's account (account.bss claim): \(problem); pass --account ACCOUNT_ID")
        }
        return claim
    }

    static func rfc3339(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// The result of a fetch: what was written and how each collection went.
package struct FetchReport: Sendable {
    package let accountID: String
    package let manifest: Manifest
    /// Where the snapshot went: in place, or beside a snapshot that a partial one must not replace.
    package let placement: SnapshotPlacement
    /// The reports of the volatile area that the snapshot replaced in place held and the new one does not.
    package let removedReports: [RemovedReport]
    package let statistics: FetchStatistics.Snapshot

    /// Collections that are not `ok`, by name.
    package var incomplete: [(name: String, entry: Manifest.CollectionEntry)] {
        manifest.collections.filter { $0.value.status != .ok }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
