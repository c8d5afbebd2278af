import Foundation
import Model

/// Rules about API keys and who may create them (CIS 1.3–1.5): keys due for rotation, keys of the account owner, and
/// the account settings that restrict creating keys and service IDs.
enum APIKeyFindings {
    /// `api-key-not-rotated`: active keys created `keyMaxAgeDays` or more days before the report's time.
    static func keysNotRotated(_ c: FindingContext) -> FindingRule.Outcome {
        guard let asOf = c.asOf else { return .notEvaluated(FindingContext.noReferenceTime) }
        let limit = c.options.keyMaxAgeDays
        return .findings(c.account.apiKeys.compactMap { key in
            guard key.disabled != true, let created = key.createdAt, let date = created.date,
                  c.isInactive(since: date, days: limit) else { return nil }
            return Finding(.apiKeyNotRotated, entities: [entity(key)] + owner(key, c),
                           why: "created \(DayText.of(created)), \(c.daysBefore(date) ?? 0) days before \(DayText.of(asOf)) "
                               + "(rotate every \(limit) days)")
        })
    }

    /// `owner-api-key`: keys whose owner is the account owner.
    static func ownerKeys(_ c: FindingContext) -> [Finding] {
        guard let owner = c.account.info?.ownerIAMID, !owner.isEmpty else { return [] }
        return c.account.apiKeys.compactMap { key in
            guard key.iamID == owner else { return nil }
            return Finding(.ownerAPIKey, entities: [entity(key), c.identity(owner)],
                           why: "an API key of the account owner \(c.identity(owner).description) carries the owner's "
                               + "unlimited access" + (key.disabled == true ? " (disabled)" : ""))
        }
    }

    /// The identity-settings values that restrict creation (`RESTRICTED`); `NOT_SET` and `NOT_RESTRICTED` do not.
    static func isRestricted(_ value: String?) -> Bool { value == "RESTRICTED" }

    /// `api-key-creation-unrestricted`: the account lets every user create API keys or service IDs.
    static func unrestrictedCreation(_ c: FindingContext) -> [Finding] {
        guard let settings = c.account.identitySettings else { return [] }
        let open = [("user API keys", settings.restrictCreatePlatformAPIKey),
                    ("service IDs", settings.restrictCreateServiceID)]
            .filter { !isRestricted($0.1) }
            .map { "\($0.0) (\($0.1 ?? "absent"))" }
        guard !open.isEmpty else { return [] }
        return [Finding(.apiKeyCreationUnrestricted,
                        entities: [.identitySettings],
                        why: "every user may create " + open.joined(separator: " and ")
                            + ", not only those with a policy allowing it")]
    }

    private static func entity(_ key: APIKey) -> FindingEntity {
        FindingEntity(.apiKey, id: key.id, name: key.name)
    }

    private static func owner(_ key: APIKey, _ c: FindingContext) -> [FindingEntity] {
        key.iamID.map { [c.identity($0)] } ?? []
    }
}
