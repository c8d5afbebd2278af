import Foundation

/// One accepted finding from an ignore file: a rule's findings about one entity, why they are accepted, and until
/// when. A suppression holds through its expiry day (UTC); from the next day on its findings are active again.
package struct Suppression: Sendable, Hashable {
    /// The rule whose findings it accepts.
    package let rule: RuleID
    /// The id of the entity the findings are about (their first entity, as the findings JSON names it).
    package let entity: String
    /// Why the findings are accepted.
    package let reason: String
    /// The last day it holds, "2027-03-31".
    package let expires: String

    /// A suppression; `expires` must be a day "YYYY-MM-DD" (the ignore file checks it).
    package init(rule: RuleID, entity: String, reason: String, expires: String) {
        self.rule = rule
        self.entity = entity
        self.reason = reason
        self.expires = expires
    }

    /// Whether it accepts `finding`: the same rule, and the entity the finding is about.
    package func matches(_ finding: Finding) -> Bool {
        finding.rule == rule && finding.entities.first?.id == entity
    }

    /// Whether it no longer holds at `now`; with no known time it is treated as expired, so nothing is hidden.
    package func hasExpired(at now: Date?) -> Bool {
        guard let now else { return true }
        return Self.day(of: now) > expires
    }

    /// "2026-11-20", the UTC day of `date` (comparable as text with `expires`).
    static func day(of date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!).year().month().day())
    }
}
