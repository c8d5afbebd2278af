import Analysis
import Model

/// How a holder gets a grant, in words: "direct", "access group Ops (static)",
/// "trusted profile ci → access group Ops (dynamic, rule data-eng)", "Public Access (everyone)", and for a
/// service-to-service authorization "authorization from cloud-object-storage instance cos-prod".
enum PathText {
    static func describe(_ path: [AccessStep], of policy: Policy, in index: AccessIndex) -> String {
        if policy.isAuthorization, path.isEmpty { return authorization(policy, in: index) }
        return describe(path)
    }

    static func describe(_ path: [AccessStep]) -> String {
        guard !path.isEmpty else { return "direct" }
        return path.map { step in
            if case .accessGroup(_, _, nil, _) = step { return step.description + " (static)" }
            return step.description
        }.joined(separator: " → ")
    }

    /// "authorization from cloud-object-storage instance cos-prod", "authorization from cloud-object-storage" (every
    /// instance of the service).
    private static func authorization(_ policy: Policy, in index: AccessIndex) -> String {
        let service = policy.subjectValue("serviceName") ?? "an unnamed service"
        let instance = policy.subjectValue("serviceInstance").map { " instance " + (index.account.instancesByGUID[$0]?.name ?? $0) }
        return "authorization from \(service)\(instance ?? "")"
    }
}
