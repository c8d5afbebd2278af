import Fetch
import Foundation
import FuzzSupport
import Snapshot

/// libFuzzer target for what an API server (or anything between it and iamgraph) can answer. An input names the
/// answer on its first line and gives the response body after it:
///
/// - a collection's manifest key (`users`, `access_groups`, `access_policies`, `roles`…): one page of its endpoint;
/// - `token`: the token exchange's answer;
/// - `token_claims`: the claims of the token (the JSON inside it, which names the account to read);
/// - `identity_report`: the answer that starts the activity or the MFA report (then the report itself);
/// - `retry_after`: a 429's `Retry-After` header.
///
/// The body goes through the fetcher's own steps, without the network: the error line a failure would show, the
/// count of JSON values before parsing, JSON parsing, the page's items, reported total and next cursor within the
/// limits, the next request's URL, the requests the items lead to (members and rules of each group, links of each
/// profile, roles of each service named), the policy merge, normalisation into the snapshot file and the rendered
/// snapshot with its manifest. Anything a server can say must come out as a
/// failed collection or an error, never as a trap.
@main
enum PageFuzzer {
    static func main() {
        FuzzDriver.run { bytes, count in
            if let input = FuzzInput(bytes, count: count) { PageFuzzer.exercise(input) }
            return 0
        }
    }

    static let accountID = "0123456789abcdef0123456789abcdef"

    static let limits = FetchLimits()

    /// A client that never sends: only its URL building is used.
    static let client: APIClient = {
        let transport = HTTPTransport(options: HTTPTransport.Options(userAgent: "iamgraph-fuzz"))
        return APIClient(base: nil, transport: transport,
                         tokens: TokenProvider(credential: .token("fuzz"), apiBase: IBMHosts.iam, transport: transport),
                         retry: RetryPolicy(), limits: limits, limiter: AsyncLimiter(limit: 1),
                         statistics: FetchStatistics(), events: { _ in })
    }()

    static func exercise(_ input: FuzzInput) {
        let body = input.body
        switch input.name {
        case "token":
            token(body)
        case "token_claims":
            claims(body)
        case "retry_after":
            let delay = RetryPolicy().delay(retryAfter: String(decoding: body, as: UTF8.self), attempt: 1)
            _ = UInt64(delay * 1_000_000_000)
        case "identity_report":
            identityReport(body)
        default:
            guard let kind = CollectionKind(rawValue: input.name) else { return }
            page(body, of: kind)
        }
    }

    /// The token exchange: the token, the account its claims name, and every request made for that account.
    static func token(_ body: Data) {
        _ = APIErrorMessage.line(status: 400, body: body)
        guard let answer = TokenProvider.token(fromAnswer: body) else { return }
        _ = Credential.isHeaderSafe(answer.token)
        requests(token: answer.token)
    }

    /// A token carrying `payload` as its claims.
    static func claims(_ payload: Data) {
        let base64URL = payload.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        requests(token: "eyJhbGciOiJub25lIn0.\(base64URL).c2ln")
    }

    /// Every request made for the account a token names (when `--account` is not given).
    static func requests(token: String) {
        guard let account = try? SnapshotFetcher.accountID(option: nil, token: token) else { return }
        let catalog = EndpointCatalog(accountID: account)
        for kind in CollectionKind.allCases {
            _ = try? client.url(endpoint(kind, catalog), cursor: nil)
        }
        for report in [IdentityReportFetch.Kind.activity, .mfa] { _ = try? client.url(report.start(account), cursor: nil) }
    }

    /// An account report's creation (the activity or the MFA report), the request that polls for it, and the report
    /// stored in the snapshot.
    static func identityReport(_ body: Data) {
        guard let created = json(body) as? [String: Any] else { return }
        for kind in [IdentityReportFetch.Kind.activity, .mfa] {
            if let report = IdentityReportFetch.report(created: created, start: kind.start(accountID)) {
                _ = try? client.url(report, cursor: nil)
            }
        }
        var writer = writer()
        writer.setActivity(created)
        writer.setMFA(created)
        _ = try? writer.renderedFiles()
    }

    /// One page of a collection's endpoint, as the only page of the collection.
    static func page(_ body: Data, of kind: CollectionKind) {
        let catalog = EndpointCatalog(accountID: accountID)
        let endpoint = endpoint(kind, catalog)
        var writer = writer()
        let source = endpoint.source(pages: 1)
        writer.addUnavailable(kind, source: source, status: .failed, httpStatus: 500,
                              message: APIErrorMessage.line(status: 500, body: body))
        _ = try? writer.renderedFiles()

        guard JSONValueCount.count(body, upTo: limits.maxValuesPerResponse) <= limits.maxValuesPerResponse,
              let value = json(body) else { return }
        let content: Any
        switch kind.shape {
        case .object:
            content = value
        case .roles:
            content = RoleMerge.merge([(service: nil, body: value as? [String: Any] ?? [:])])
        case .list, .perParent:
            // As `APIClient.list` takes a page apart.
            guard let object = value as? [String: Any], let key = endpoint.itemsKey,
                  var items = object[key] as? [Any] else { return }
            guard items.count <= limits.maxItemsPerPage else { return }
            _ = endpoint.paging.reportedTotal(in: object)
            _ = try? client.url(endpoint, cursor: endpoint.paging.nextCursor(in: object))
            requestsLedTo(by: items, of: kind, catalog)
            if kind.holdsPolicies {
                items = PolicyMerge.merge(v2: PolicyMerge.union([items]), v1: PolicyMerge.union([items]))
            }
            content = kind.shape == .perParent ? ["parent": items] : items
        }
        let outcome = CollectionOutcome(kind: kind, source: source, result: .success(JSONTree(value: content))).normalized()
        guard case .success(let file) = outcome.result else { return }
        writer = self.writer()
        writer.add(kind, normalized: file, source: source, remark: outcome.remark)
        _ = try? writer.renderedFiles()
    }

    /// The requests a collection's items lead to: each group's members and rules, each profile's links, rules and
    /// identities, the role listings that policies or instances call for (per service, authorization pair, service group).
    static func requestsLedTo(by items: [Any], of kind: CollectionKind, _ catalog: EndpointCatalog) {
        let children: [CollectionKind: [CollectionKind]] = [
            .accessGroups: [.accessGroupMembers, .accessGroupRules],
            .trustedProfiles: [.trustedProfileLinks, .trustedProfileRules, .trustedProfileIdentities],
        ]
        for parent in FetchPlan.ids(items) {
            for child in children[kind] ?? [] { _ = try? client.url(catalog.endpoint(child).forParent(parent), cursor: nil) }
        }
        let queries = kind.holdsPolicies ? RoleQueries.queries(policies: items, instances: [])
            : kind == .resourceInstances ? RoleQueries.queries(policies: [], instances: items) : []
        for query in queries {
            _ = try? client.url(catalog.endpoint(.roles).adding(query), cursor: nil)
        }
    }

    /// A body parsed as `APIClient.send` parses it.
    static func json(_ body: Data) -> Any? {
        try? FoundationJSON.parse(body)
    }

    /// The endpoint a collection is requested from; a per-parent one for a parent named `parent`.
    static func endpoint(_ kind: CollectionKind, _ catalog: EndpointCatalog) -> Endpoint {
        kind.shape == .perParent ? catalog.endpoint(kind).forParent("parent") : catalog.endpoint(kind)
    }

    static func writer() -> SnapshotWriter {
        SnapshotWriter(toolVersion: "fuzz", accountID: accountID, fetchedAt: "2026-01-01T00:00:00Z", scope: .account)
    }
}
