import Foundation
import Snapshot

/// One of IAM Identity's account reports: `POST …/report` starts it, then `GET …/report/{reference}` answers 204 while
/// it is being prepared (poll), 404 if a newer report superseded it (start again, once), 200 with the report.
package struct IdentityReportFetch {
    /// Which report.
    package enum Kind: Sendable, CaseIterable {
        /// The inactive-identities activity report (`/v1/activity/accounts/{account}/report?type=inactive&duration=720`).
        case activity
        /// The MFA enrolment report (`/v1/mfa/accounts/{account}/report?type=mfa_status`).
        case mfa

        func path(_ accountID: String) -> String {
            switch self {
            case .activity: "/v1/activity/accounts/\(URLEncoding.pathSegment(accountID))/report"
            case .mfa: "/v1/mfa/accounts/\(URLEncoding.pathSegment(accountID))/report"
            }
        }

        var query: [URLQueryItem] {
            switch self {
            case .activity: [URLQueryItem(name: "type", value: "inactive"), URLQueryItem(name: "duration", value: "720")]
            case .mfa: [URLQueryItem(name: "type", value: "mfa_status")]
            }
        }

        /// Its manifest key and file in the volatile area.
        package var volatile: (key: String, file: String) {
            switch self {
            case .activity: VolatileArea.activity
            case .mfa: VolatileArea.mfa
            }
        }

        /// What it is, in words.
        package var title: String {
            switch self {
            case .activity: "activity report (inactive identities)"
            case .mfa: "MFA enrolment report"
            }
        }

        /// The `fetch` option that asks for it.
        package var option: String {
            switch self {
            case .activity: "--with-activity"
            case .mfa: "--with-mfa-report"
            }
        }

        /// The endpoint that starts the report of `accountID`.
        package func start(_ accountID: String) -> Endpoint {
            Endpoint(api: "iam-identity", path: path(accountID), query: query, itemsKey: nil, paging: .none)
        }
    }

    let kind: Kind
    let client: APIClient
    let accountID: String
    let poll: (interval: Double, attempts: Int)

    func run() async -> Result<JSONTree, CollectionFailure> {
        do {
            for _ in 0..<2 {
                let start = kind.start(accountID)
                let created = try await client.jsonObject(start, method: .post, accept: [200, 201, 202])
                guard let report = Self.report(created: created, start: start) else {
                    return .failure(.failed(202, "the report request returned no reference"))
                }
                for _ in 0..<poll.attempts {
                    let (status, body, _) = try await client.send(report, cursor: nil, accept: [200, 204, 404])
                    if status == 200, let body { return .success(body) }
                    if status == 404 { break }
                    try await Task.sleep(nanoseconds: UInt64(poll.interval * 1_000_000_000))
                }
            }
            return .failure(.failed(204, "the report was not ready in time"))
        } catch let failure as CollectionFailure {
            return .failure(failure)
        } catch {
            return .failure(.failed(0, "\(error)"))
        }
    }

    /// The endpoint to poll for the report whose creation answered `created`, or `nil` without a `reference`.
    package static func report(created: [String: Any], start: Endpoint) -> Endpoint? {
        guard let reference = created["reference"] as? String else { return nil }
        return Endpoint(api: "iam-identity", path: start.path + "/" + URLEncoding.pathSegment(reference), query: [],
                        itemsKey: nil, paging: .none)
    }
}
