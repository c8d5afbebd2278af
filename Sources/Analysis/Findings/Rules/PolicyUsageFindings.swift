import Foundation
import Model
import Snapshot

/// Rules about policy use (`last_permit_at`): policies never used, and policies not used for `inactiveDays` days.
enum PolicyUsageFindings {
    static let noUsageData = "no policy in the snapshot carries usage data (last_permit_at), so use is unknown"

    /// The rows of active access and authorization policies ordered by last use: never-used ones first (by id), then
    /// the least recently used.
    /// (Equal times are ordered by id. `Timestamp`'s order — unparsable times first, in text order, then by instant —
    /// is compared as a rank and an instant read once per row, so that most comparisons copy and compare no text.)
    static func policiesByLastUse(_ table: PolicyTable) -> [Int32] {
        let policies = table.policies
        let ids = policies.indices.map { policies.id(of: Int32($0)) }
        let lastPermits = policies.indices.map { policies.lastPermitAt(of: Int32($0)) }
        let uses = lastPermits.map(LastUse.init)
        return ids.indices.sorted { a, b in
            let x = uses[a], y = uses[b]
            guard x.rank == y.rank else { return x.rank < y.rank }
            switch x.rank {
            case .never: return ids[a] < ids[b]
            case .unparsable:
                // Both raw texts exist at this rank.
                let first = lastPermits[a]?.raw ?? "", second = lastPermits[b]?.raw ?? ""
                return first == second ? ids[a] < ids[b] : first < second
            case .dated:
                if x.instant != y.instant { return x.instant < y.instant }
                // The same instant: ordered by id when written alike, else neither is before the other.
                return lastPermits[a]?.raw == lastPermits[b]?.raw && ids[a] < ids[b]
            }
        }.map { Int32($0) }
    }

    /// A policy's last use as `policiesByLastUse` orders it: never used, then unparsable times, then by instant.
    private struct LastUse {
        enum Rank: Int8, Comparable {
            case never, unparsable, dated
            static func < (a: Rank, b: Rank) -> Bool { a.rawValue < b.rawValue }
        }

        let rank: Rank
        /// The instant, for a dated use (`Date`'s order: its interval since the reference date).
        let instant: Double

        init(_ lastPermit: Timestamp?) {
            guard let lastPermit else {
                (rank, instant) = (.never, 0)
                return
            }
            guard let date = lastPermit.date else {
                (rank, instant) = (.unparsable, 0)
                return
            }
            (rank, instant) = (.dated, date.timeIntervalSinceReferenceDate)
        }
    }

    /// Whether any policy carries usage fields. Without any, the snapshot was fetched without them (or its volatile
    /// area is gone), and "never used" cannot be told from "unknown".
    static func hasUsageData(_ account: IAMAccount) -> Bool {
        [account.accessPolicies, account.authorizationPolicies].contains { policies in
            policies.contains { $0.lastPermitAt != nil || $0.lastPermitFrequency != nil }
        }
    }

    /// Appends "; grants Viewer on … to access group Ops (AccessGroupId-…)" to a why, piece by piece (no text of its
    /// own per finding).
    fileprivate static func appendGrant(_ row: Int32, to subject: FindingEntity?, _ c: FindingContext, _ why: inout String) {
        why += "; grants "
        why += c.grantText(row)
        guard let subject else { return }
        why += " to "
        subject.description(parts: { why += $0 })
    }
}

/// `policy-never-used`: Policy never used.
struct PolicyNeverUsedRule: FindingRule {
    static let id = "policy-never-used"
    static let severity = Severity.warning
    static let title = "Policy never used"
    static let summary =
        "IAM has no record of the policy ever permitting a request (no last_permit_at)."
    static let fix =
        "Check whether the access is still needed; delete the policy if not."
    static let requires: Set<CollectionKind> = [.accessPolicies]
    static let alsoReads: Set<CollectionKind> = [.authorizationPolicies]

    /// `policy-never-used`: active policies without a recorded use.
    static func evaluate(_ c: FindingContext) -> RuleOutcome {
        guard let rows = c.policiesByLastUse else { return .notEvaluated(PolicyUsageFindings.noUsageData) }
        let policies = c.policies.policies
        return .findings(rows.prefix { policies.lastPermitAt(of: $0) == nil }.map { row in
            let subject = c.subject(of: row)
            var why = "no recorded use"
            if let created = policies.createdAt(of: row) {
                why += " since it was created on "
                why += DayText.of(created)
            }
            PolicyUsageFindings.appendGrant(row, to: subject, c, &why)
            return Finding(.policyNeverUsed, entities: FindingEntity.list(c.policy(row), subject), why: why)
        })
    }
}

/// `policy-inactive`: Policy not used recently.
struct PolicyInactiveRule: FindingRule {
    static let id = "policy-inactive"
    static let severity = Severity.note
    static let title = "Policy not used recently"
    static let summary =
        "The policy last permitted a request more than --inactive-days days before the report's time."
    static let fix =
        "Check whether the access is still needed; delete the policy if not."
    static let requires: Set<CollectionKind> = [.accessPolicies]
    static let alsoReads: Set<CollectionKind> = [.authorizationPolicies]

    /// `policy-inactive`: active policies last used `inactiveDays` or more days before the report's time.
    static func evaluate(_ c: FindingContext) -> RuleOutcome {
        guard let rows = c.policiesByLastUse else { return .notEvaluated(PolicyUsageFindings.noUsageData) }
        guard let asOf = c.asOf else { return .notEvaluated(FindingContext.noReferenceTime) }
        let asOfDay = DayText.of(asOf)
        let policies = c.policies.policies
        return .findings(rows.compactMap { row in
            guard let last = policies.lastPermitAt(of: row), let date = last.date, c.isInactive(since: date) else { return nil }
            let subject = c.subject(of: row)
            var why = "last used \(DayText.of(last)), \(c.daysBefore(date) ?? 0) days before \(asOfDay)"
            if let times = policies.lastPermitFrequency(of: row) { why += ", \(times) permit\(times == 1 ? "" : "s") recorded" }
            PolicyUsageFindings.appendGrant(row, to: subject, c, &why)
            return Finding(.policyInactive, entities: FindingEntity.list(c.policy(row), subject), why: why)
        })
    }
}
