import Model
import Snapshot

/// Rules about policy use (`last_permit_at`): policies never used, and policies not used for `inactiveDays` days.
enum PolicyUsageFindings {
    static let noUsageData = "no policy in the snapshot carries usage data (last_permit_at), so use is unknown"

    /// The rows of active access and authorization policies ordered by last use: never-used ones first (by id), then
    /// the least recently used.
    /// (Equal times are ordered by id; `Timestamp`'s order, by instant, is tested on the instants first, so that most
    /// comparisons compare no text.)
    static func policiesByLastUse(_ table: PolicyTable) -> [Int32] {
        let policies = table.policies
        let ids = policies.indices.map { policies.id(of: Int32($0)) }
        let lastPermits = policies.indices.map { policies.lastPermitAt(of: Int32($0)) }, dates = lastPermits.map { $0?.date }
        return ids.indices.sorted { a, b in
            switch (lastPermits[a], lastPermits[b]) {
            case (nil, nil): return ids[a] < ids[b]
            case (nil, _?): return true
            case (_?, nil): return false
            case let (x?, y?):
                if let first = dates[a], let second = dates[b], first != second { return first < second }
                return x == y ? ids[a] < ids[b] : x < y
            }
        }.map { Int32($0) }
    }

    /// Whether any policy carries usage fields. Without any, the snapshot was fetched without them (or its volatile
    /// area is gone), and "never used" cannot be told from "unknown".
    static func hasUsageData(_ account: IAMAccount) -> Bool {
        [account.accessPolicies, account.authorizationPolicies].contains { policies in
            policies.contains { $0.lastPermitAt != nil || $0.lastPermitFrequency != nil }
        }
    }

    /// "grants Viewer on … to access group Ops (AccessGroupId-…)".
    fileprivate static func grantDescription(_ row: Int32, to subject: FindingEntity?, _ c: FindingContext) -> String {
        "grants \(c.grantText(row))" + (subject.map { " to \($0.description)" } ?? "")
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
            return Finding(.policyNeverUsed, entities: [c.policy(row)] + [subject].compactMap { $0 },
                           why: "no recorded use" + (policies.createdAt(of: row).map { " since it was created on \(DayText.of($0))" } ?? "")
                               + "; " + PolicyUsageFindings.grantDescription(row, to: subject, c))
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
            let times = policies.lastPermitFrequency(of: row).map { ", \($0) permit\($0 == 1 ? "" : "s") recorded" } ?? ""
            let subject = c.subject(of: row)
            return Finding(.policyInactive, entities: [c.policy(row)] + [subject].compactMap { $0 },
                           why: "last used \(DayText.of(last)), \(c.daysBefore(date) ?? 0) days before "
                               + "\(asOfDay)\(times); " + PolicyUsageFindings.grantDescription(row, to: subject, c))
        })
    }
}
