import Model

/// Every control of the CIS benchmark's section 1, decided from a findings report: pass, fail (with the findings
/// behind it), manual, or unknown (with what is missing).
package struct BenchmarkReport: Sendable {
    /// One result per control, in control order.
    package let results: [ControlResult]

    /// Decides every control from `report`; `counts` says which findings still count (e.g. not suppressed).
    package init(_ report: FindingsReport, account: IAMAccount, counts: (Finding) -> Bool = { _ in true }) {
        let byRule = Dictionary(grouping: report.findings.filter(counts), by: \.rule)
        let policies = Dictionary((account.accessPolicies + account.authorizationPolicies).map { ($0.id, $0) },
                                  uniquingKeysWith: { first, _ in first })
        results = CISControl.allCases.map { control in
            switch control.evaluation {
            case .manual(let why): return ControlResult(control: control, status: .manual, reason: why, findings: [])
            case .rules(let rules, let scope):
                let names = rules.map(\.rawValue).joined(separator: ", ")
                let failing = rules.flatMap { byRule[$0] ?? [] }.filter { Self.counts($0, in: scope, account, policies) }
                if !failing.isEmpty {
                    return ControlResult(control: control, status: .fail,
                                         reason: "\(failing.count) finding\(failing.count == 1 ? "" : "s") of \(names)",
                                         findings: failing)
                }
                let gaps = report.gaps.filter { rules.contains($0.rule) }
                if let gap = gaps.first {
                    return ControlResult(control: control, status: .unknown,
                                         reason: "\(gap.rule.rawValue) \(gap.evaluated ? "incomplete" : "not evaluated"): \(gap.reason)",
                                         findings: [])
                }
                return ControlResult(control: control, status: .pass, reason: "no findings of \(names)", findings: [])
            }
        }
    }

    /// How many controls have this status.
    package func count(_ status: ControlResult.Status) -> Int { results.filter { $0.status == status }.count }

    /// Whether a finding is one the scope counts.
    private static func counts(_ finding: Finding, in scope: ControlScope, _ account: IAMAccount,
                               _ policies: [String: Policy]) -> Bool {
        switch scope {
        case .all: return true
        case .users: return finding.entities.first?.kind == .user
        case .accountOwner:
            guard let owner = account.info?.ownerIAMID else { return false }
            return finding.entities.contains { $0.kind == .user && $0.id == owner }
        case .objectStorage:
            guard let policy = finding.entities.first.flatMap({ policies[$0.id] }) else { return true }
            return reachesObjectStorage(PolicyTarget(policy, homeAccount: account.accountID))
        }
    }

    /// Cloud Object Storage's service name in policies.
    static let objectStorage = "cloud-object-storage"

    /// Whether a policy's target includes Cloud Object Storage: the service itself, or a scope over all services.
    static func reachesObjectStorage(_ target: PolicyTarget) -> Bool {
        switch target.scope {
        case .everything, .allIAMEnabledServices, .resourceGroupResources: return true
        case .serviceInResourceGroup(let service, _), .serviceInAccount(let service): return service == objectStorage
        case .instance(let service, _), .subResource(let service, _, _, _): return service == nil || service == objectStorage
        case .allAccountManagement, .allIAMAccountManagement, .accountManagementService, .resourceGroupItself: return false
        }
    }
}
