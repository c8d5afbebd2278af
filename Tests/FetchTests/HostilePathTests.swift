@testable import Fetch
import Foundation
import Testing

/// Values a server chooses that end up in request paths — the account id of the token (when `--account` is not
/// given) and the activity report's reference — become exactly one percent-encoded path segment: they cannot trap
/// `URLComponents`, add segments or climb out with `..`. `fuzz-page` found the reference trapping (a backtick); the
/// account id's seed was written after it (both in Fuzzing/Seeds/page).
@Suite struct HostilePathTests {
    let client: APIClient = {
        let transport = HTTPTransport(options: HTTPTransport.Options(userAgent: "test"))
        return APIClient(base: URL(string: "https://api.example.com/base/")!, transport: transport,
                         tokens: TokenProvider(credential: .token("t"), apiBase: URL(string: "https://api.example.com")!,
                                               transport: transport),
                         retry: RetryPolicy(), limits: FetchLimits(), limiter: AsyncLimiter(limit: 1),
                         statistics: FetchStatistics(), events: { _ in })
    }()

    @Test func theTokensAccountIDIsOnePathSegment() throws {
        let catalog = EndpointCatalog(accountID: "acc ount/../x`%")
        #expect(try client.url(catalog.endpoint(.account), cursor: nil).absoluteString
                == "https://api.example.com/base/v4/accounts/acc%20ount%2F..%2Fx%60%25")
        #expect(try client.url(catalog.endpoint(.users), cursor: nil).absoluteString
                == "https://api.example.com/base/v2/accounts/acc%20ount%2F..%2Fx%60%25/users?include_settings=true&limit=100")
        #expect(try client.url(catalog.endpoint(.identitySettings), cursor: nil).absoluteString
                == "https://api.example.com/base/v1/accounts/acc%20ount%2F..%2Fx%60%25/settings/identity")
        #expect(try client.url(IdentityReportFetch.Kind.activity.start(".."), cursor: nil).absoluteString
                == "https://api.example.com/base/v1/activity/accounts/%2E%2E/report?type=inactive&duration=720")
    }

    @Test(arguments: [
        ("e1d6f8b0z-2d1f-4e42-b26`-1f7c2d3a4b5c", "e1d6f8b0z-2d1f-4e42-b26%60-1f7c2d3a4b5c"),
        ("../../v1/apikeys?x=1#f", "..%2F..%2Fv1%2Fapikeys%3Fx%3D1%23f"),
        ("..", "%2E%2E"),
        (".", "%2E"),
    ])
    func theActivityReportsReferenceIsOnePathSegment(reference: String, segment: String) throws {
        let start = IdentityReportFetch.Kind.activity.start("a1")
        let report = try #require(IdentityReportFetch.report(created: ["reference": reference], start: start))
        #expect(try client.url(report, cursor: nil).absoluteString
                == "https://api.example.com/base/v1/activity/accounts/a1/report/" + segment)
    }
}
