import Foundation

/// When and how long to wait before trying a request again.
package struct RetryPolicy: Sendable {
    /// Attempts per request, the first included.
    package var maxAttempts: Int
    /// The first backoff; it doubles per attempt, with ±50% jitter, up to `maxDelay`.
    package var baseDelay: Double
    /// The longest wait between attempts, whatever a `Retry-After` header asks for.
    package var maxDelay: Double
    /// Seconds one request may spend retrying — its waits and the attempts after the first — before it gives up
    /// instead of waiting again: a server that answers 429 forever, or times out every attempt, fails its collection
    /// in bounded time.
    package var budget: Double

    package init(maxAttempts: Int = 6, baseDelay: Double = 0.5, maxDelay: Double = 30, budget: Double = 120) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.budget = budget
    }

    /// The backoff before attempt `attempt + 1` (attempt counts from 1).
    func backoff(after attempt: Int) -> Double {
        let exponential = min(maxDelay, baseDelay * pow(2, Double(attempt - 1)))
        return exponential * Double.random(in: 0.5...1.5)
    }

    /// The wait a 429 asks for: `Retry-After` in seconds or as an HTTP date, at most `maxDelay`; else the backoff.
    package func delay(retryAfter header: String?, attempt: Int, now: Date = Date()) -> Double {
        guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty else { return backoff(after: attempt) }
        if let seconds = Double(header), seconds.isFinite { return min(maxDelay, max(0, seconds)) }
        if let date = Self.httpDate(header) { return min(maxDelay, max(0, date.timeIntervalSince(now))) }
        return backoff(after: attempt)
    }

    /// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`). Only printable ASCII can be one; anything else is not
    /// handed to `DateFormatter`, which traps on some non-ASCII text (found by fuzz-page).
    static func httpDate(_ text: String) -> Date? {
        guard text.utf8.allSatisfy({ (0x20..<0x7F).contains($0) }) else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
