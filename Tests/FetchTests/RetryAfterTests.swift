@testable import Fetch
import Foundation
import Testing

/// A `Retry-After` header is whatever the server (or a proxy) sends: only seconds or an IMF-fixdate count, and
/// anything else falls back to the backoff instead of trapping.
@Suite struct RetryAfterTests {
    let policy = RetryPolicy(maxAttempts: 6, baseDelay: 0.5, maxDelay: 30)

    /// fuzz-page found `DateFormatter` trapping ("Incorrect range") on this header (Fuzzing/Seeds/page).
    @Test(arguments: [
        "Sun, 03\u{07F1}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}4 08 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMT\u{0}",
        "\u{1F600}, 06 Nov 1994 08:49:37 GMT",
    ])
    func aHeaderThatIsNotASCIIIsNotADate(header: String) {
        #expect(RetryPolicy.httpDate(header) == nil)
        let delay = policy.delay(retryAfter: header, attempt: 1)
        #expect(delay >= 0.25 && delay <= 0.75)
    }

    @Test func anIMFFixdateIsStillOne() throws {
        let date = try #require(RetryPolicy.httpDate("Sun, 06 Nov 1994 08:49:37 GMT"))
        #expect(date == Date(timeIntervalSince1970: 784_111_777))
        #expect(policy.delay(retryAfter: "Sun, 06 Nov 1994 08:49:47 GMT", attempt: 1, now: date) == 10)
    }
}
