import Model

/// Rules about policy use (`last_permit_at`): policies never used, and policies not used for `inactiveDays` days.
enum PolicyUsageFindings {
    static let rules: [FindingRule] = [
        FindingRule(.policyNeverUsed) { c in
            guard hasUsageData(c.account) else { return .notEvaluated(noUsageData) }
            return .findings(policiesByLastUse(c.account).prefix { $0.lastPermitAt == nil }.map { policy in
                Finding(.policyNeverUsed, entities: [c.policy(policy)] + [c.subject(of: policy)].compactMap { $0 },
                        why: "no recorded use" + (policy.createdAt.map { " since it was created on \(DayText.of($0))" } ?? "")
                            + "; " + grantDescription(policy, c))
            })
        },
        FindingRule(.policyInactive) { c in
            guard hasUsageData(c.account) else { return .notEvaluated(noUsageData) }
            guard let asOf = c.asOf else { return .notEvaluated(FindingContext.noReferenceTime) }
            return .findings(policiesByLastUse(c.account).compactMap { policy in
                guard let last = policy.lastPermitAt, let date = last.date, c.isInactive(since: date) else { return nil }
                let times = policy.lastPermitFrequency.map { ", \($0) permit\($0 == 1 ? "" : "s") recorded" } ?? ""
                return Finding(.policyInactive, entities: [c.policy(policy)] + [c.subject(of: policy)].compactMap { $0 },
                               why: "last used \(DayText.of(last)), \(c.daysBefore(date) ?? 0) days before "
                                   + "\(DayText.of(asOf))\(times); " + grantDescription(policy, c))
            })
        },
    ]

    static let noUsageData = "no policy in the snapshot carries usage data (last_permit_at), so use is unknown"

    /// Active access and authorization policies ordered by last use: never-used ones first (by id), then the least
    /// recently used.
    static func policiesByLastUse(_ account: IAMAccount) -> [Policy] {
        (account.accessPolicies + account.authorizationPolicies).filter(\.isActive).sorted { a, b in
            switch (a.lastPermitAt, b.lastPermitAt) {
            case (nil, nil): a.id < b.id
            case (nil, _?): true
            case (_?, nil): false
            case let (x?, y?): x == y ? a.id < b.id : x < y
            }
        }
    }

    /// Whether any policy carries usage fields. Without any, the snapshot was fetched without them (or its volatile
    /// area is gone), and "never used" cannot be told from "unknown".
    static func hasUsageData(_ account: IAMAccount) -> Bool {
        (account.accessPolicies + account.authorizationPolicies).contains { $0.lastPermitAt != nil || $0.lastPermitFrequency != nil }
    }

    private static func grantDescription(_ policy: Policy, _ c: FindingContext) -> String {
        "grants \(c.grantText(policy))" + (c.subject(of: policy).map { " to \($0.description)" } ?? "")
    }
}
