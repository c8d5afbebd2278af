import Foundation
import Model

/// `service-credential-unused`: service credentials (resource keys) with Manager or Writer whose identity has not
/// authenticated recently. "Used" is what the activity report (`fetch --with-activity`) can say: IAM's inactive-identities
/// report lists the API keys and service IDs that did not authenticate in its window, with their last authentication.
/// A credential's API key (`credentials.iam_apikey_id`) or, failing that, its service ID (`iam_serviceid_crn`) is
/// looked up there; not listed means it authenticated within the window. Without the report the rule does not run
/// (unknown, not clean); a credential naming neither is reported, since its use cannot be checked.
enum ServiceCredentialFindings {
    /// The service roles that let a credential change its instance's data or configuration.
    private static let writingRoles = ["Manager", "Writer"]

    static func unusedWritingCredentials(_ c: FindingContext) -> FindingRule.Outcome {
        guard let report = c.account.activity else {
            return .notEvaluated("the snapshot has no activity report (fetch --with-activity), so whether a credential was used is unknown")
        }
        guard let asOf = c.asOf else { return .notEvaluated(FindingContext.noReferenceTime) }
        let keys = entriesByID(report.apikeys)
        let serviceIDs = entriesByID(report.serviceids)
        let days = c.options.keyUnusedDays
        let findings = c.account.resourceKeys.sorted { $0.id < $1.id }.compactMap { key -> Finding? in
            guard key.state.map({ $0.lowercased() == "active" }) ?? true, let role = writingRole(of: key) else { return nil }
            let entity = FindingEntity(.serviceCredential, id: key.id, name: key.name)
            guard key.apiKeyID != nil || key.serviceID != nil else {
                return Finding(.serviceCredentialUnused, entities: [entity],
                               why: "\(role) credential naming neither its API key nor its service ID: whether it was used is unknown")
            }
            let listed = key.apiKeyID.flatMap { keys[$0].map { (entry: $0, what: "its API key") } }
                ?? key.serviceID.flatMap { id in
                    (serviceIDs[id] ?? c.account.serviceIDs.first { $0.id == id }.flatMap { serviceIDs[$0.iamID] })
                        .map { (entry: $0, what: "its service ID") }
                }
            guard let (entry, what) = listed else { return nil }  // authenticated within the report's window
            let why: String
            if let last = entry.lastAuthn {
                guard let date = last.date, c.isInactive(since: date, days: days) else { return nil }
                why = "\(role); \(what) last authenticated \(DayText.of(last)), \(c.daysBefore(date) ?? 0) days before \(DayText.of(asOf))"
            } else {
                why = "\(role); no authentication by \(what) recorded"
                    + (report.reportStartTime.map { " since the activity report's window began on \(DayText.of($0))" } ?? "")
            }
            return Finding(.serviceCredentialUnused, entities: [entity], why: why)
        }
        return .findings(findings)
    }

    /// Manager or Writer, from the credential's role CRN (`crn:v1:bluemix:public:iam::::serviceRole:Writer`).
    private static func writingRole(of key: ResourceKey) -> String? {
        guard let role = key.roleCRN?.split(separator: ":").last.map(String.init) else { return nil }
        return writingRoles.contains(role) ? role : nil
    }

    /// The report's entries by `id` and by `iam_id`, the first of each kept.
    private static func entriesByID(_ entries: [ActivityReport.Entry]?) -> [String: ActivityReport.Entry] {
        var byID: [String: ActivityReport.Entry] = [:]
        for entry in entries ?? [] {
            for id in [entry.id, entry.iamID].compactMap({ $0 }) where byID[id] == nil { byID[id] = entry }
        }
        return byID
    }
}
