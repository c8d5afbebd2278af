import Foundation
import Model
import Snapshot

/// Rules over the inactive-identities activity report (`fetch --with-activity`): identities and API keys that never
/// authenticated, or not for `inactiveDays` days.
enum ActivityFindings {
    fileprivate static func evaluate(_ c: FindingContext, _ body: (ActivityReport, Date) -> [Finding]) -> RuleOutcome {
        guard let report = c.account.activity else {
            return .notEvaluated("the snapshot has no activity report (fetch --with-activity)")
        }
        guard let asOf = c.asOf else { return .notEvaluated(FindingContext.noReferenceTime) }
        return .findings(body(report, asOf))
    }

    /// Entries that never authenticated within the report's window, or last did `days` or more days ago.
    fileprivate static func findings(_ rule: RuleID, _ entries: [(entry: ActivityReport.Entry, entity: FindingEntity)],
                                     _ report: ActivityReport, _ asOf: Date, days: Int, _ c: FindingContext) -> [Finding] {
        entries.compactMap { entry, entity in
            let why: String
            if let last = entry.lastAuthn {
                guard let date = last.date, c.isInactive(since: date, days: days) else { return nil }
                why = "last authenticated \(DayText.of(last)), \(c.daysBefore(date) ?? 0) days before \(DayText.of(asOf))"
            } else {
                why = "no authentication recorded"
                    + (report.reportStartTime.map { " since the activity report's window began on \(DayText.of($0))" } ?? "")
            }
            return Finding(rule, entities: [entity], why: why)
        }
    }
}

/// `identity-inactive`: Identity inactive.
struct IdentityInactiveRule: FindingRule {
    static let id = "identity-inactive"
    static let severity = Severity.warning
    static let title = "Identity inactive"
    static let summary =
        "The activity report lists the user, service ID or trusted profile as not having authenticated for --inactive-days days (or ever)."
    static let fix =
        "Remove the user from the account, or delete the service ID or trusted profile, if it is no longer needed."
    static let requires: Set<CollectionKind> = []
    static let alsoReads: Set<CollectionKind> = []

    /// `identity-inactive`: users, service IDs and trusted profiles the activity report lists as inactive.
    static func evaluate(_ c: FindingContext) -> RuleOutcome {
        ActivityFindings.evaluate(c) { report, asOf in
            let users = (report.users ?? []).map { (entry: $0, entity: c.identity($0.key)) }
            let serviceIDs = Dictionary(c.account.serviceIDs.map { ($0.id, $0.iamID) }, uniquingKeysWith: { first, _ in first })
            let profiles = Dictionary(c.account.trustedProfiles.map { ($0.id, $0.iamID) }, uniquingKeysWith: { first, _ in first })
            let services = (report.serviceids ?? []).map { entry in
                (entry: entry, entity: serviceIDs[entry.key].map { c.identity($0) }
                    ?? FindingEntity(.serviceID, id: entry.key, name: entry.name))
            }
            let assumable = (report.profiles ?? []).map { entry in
                (entry: entry, entity: profiles[entry.key].map { c.identity($0) }
                    ?? FindingEntity(.trustedProfile, id: entry.key, name: entry.name))
            }
            return ActivityFindings.findings(.identityInactive, users + services + assumable, report, asOf, days: c.inactiveDays, c)
        }
    }
}

/// `api-key-inactive`: API key inactive.
struct APIKeyInactiveRule: FindingRule {
    static let id = "api-key-inactive"
    static let severity = Severity.warning
    static let title = "API key inactive"
    static let summary =
        "The activity report lists the API key as not having authenticated for --key-unused-days days (default 180, the CIS benchmark's), or ever."
    static let fix =
        "Delete or disable the API key if nothing uses it."
    static let requires: Set<CollectionKind> = []
    static let alsoReads: Set<CollectionKind> = []

    /// `api-key-inactive`: API keys the activity report lists as inactive.
    static func evaluate(_ c: FindingContext) -> RuleOutcome {
        ActivityFindings.evaluate(c) { report, asOf in
            let names = Dictionary(c.account.apiKeys.compactMap { key in key.name.map { (key.id, $0) } },
                                   uniquingKeysWith: { first, _ in first })
            let keys = (report.apikeys ?? []).map { entry in
                (entry: entry, entity: FindingEntity(.apiKey, id: entry.key, name: entry.name ?? names[entry.key]))
            }
            return ActivityFindings.findings(.apiKeyInactive, keys, report, asOf, days: c.options.keyUnusedDays, c)
        }
    }
}
