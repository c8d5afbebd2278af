import Foundation
import Model
import Snapshot

/// Rules about API keys and who may create them (CIS 1.3–1.5): keys due for rotation, keys of the account owner, and
/// the account settings that restrict creating keys and service IDs.
enum APIKeyFindings {
    /// The identity-settings values that restrict creation (`RESTRICTED`); `NOT_SET` and `NOT_RESTRICTED` do not.
    static func isRestricted(_ value: String?) -> Bool { value == "RESTRICTED" }

    fileprivate static func entity(_ key: APIKey) -> FindingEntity {
        FindingEntity(.apiKey, id: key.id, name: key.name)
    }

    fileprivate static func owner(_ key: APIKey, _ c: FindingContext) -> [FindingEntity] {
        key.iamID.map { [c.identity($0)] } ?? []
    }
}

/// `api-key-not-rotated`: API key not rotated.
struct APIKeyNotRotatedRule: FindingRule {
    static let id = "api-key-not-rotated"
    static let severity = Severity.warning
    static let title = "API key not rotated"
    static let summary =
        "The API key was created --key-max-age-days days (default 90) or more before the report's time and is not disabled."
    static let fix =
        "Create a new key, replace the old one wherever it is used, then delete the old key."
    static let requires: Set<CollectionKind> = [.apiKeys]
    static let alsoReads: Set<CollectionKind> = []

    /// `api-key-not-rotated`: active keys created `keyMaxAgeDays` or more days before the report's time.
    static func evaluate(_ c: FindingContext) -> RuleOutcome {
        guard let asOf = c.asOf else { return .notEvaluated(FindingContext.noReferenceTime) }
        let limit = c.options.keyMaxAgeDays
        return .findings(c.account.apiKeys.compactMap { key in
            guard key.disabled != true, let created = key.createdAt, let date = created.date,
                  c.isInactive(since: date, days: limit) else { return nil }
            return Finding(.apiKeyNotRotated, entities: [APIKeyFindings.entity(key)] + APIKeyFindings.owner(key, c),
                           why: "created \(DayText.of(created)), \(c.daysBefore(date) ?? 0) days before \(DayText.of(asOf)) "
                               + "(rotate every \(limit) days)")
        })
    }
}

/// `owner-api-key`: API key of the account owner.
struct OwnerAPIKeyRule: AlwaysEvaluatedRule {
    static let id = "owner-api-key"
    static let severity = Severity.error
    static let title = "API key of the account owner"
    static let summary =
        "The account owner has an API key: it carries the owner's access to everything in the account."
    static let fix =
        "Delete the owner's API keys; automate with a service ID or a trusted profile instead."
    static let requires: Set<CollectionKind> = [.apiKeys, .account]
    static let alsoReads: Set<CollectionKind> = []

    /// `owner-api-key`: keys whose owner is the account owner.
    static func findings(_ c: FindingContext) -> [Finding] {
        guard let owner = c.account.info?.ownerIAMID, !owner.isEmpty else { return [] }
        return c.account.apiKeys.compactMap { key in
            guard key.iamID == owner else { return nil }
            return Finding(.ownerAPIKey, entities: [APIKeyFindings.entity(key), c.identity(owner)],
                           why: "an API key of the account owner \(c.identity(owner).description) carries the owner's "
                               + "unlimited access" + (key.disabled == true ? " (disabled)" : ""))
        }
    }
}

/// `api-key-creation-unrestricted`: Anyone may create API keys or service IDs.
struct APIKeyCreationUnrestrictedRule: AlwaysEvaluatedRule {
    static let id = "api-key-creation-unrestricted"
    static let severity = Severity.warning
    static let title = "Anyone may create API keys or service IDs"
    static let summary =
        "The identity settings do not restrict creating user API keys or service IDs (restrict_create_platform_apikey, restrict_create_service_id), so every user may create them."
    static let fix =
        "In Access (IAM) > Settings, restrict API key creation and service ID creation; grant the right to create them by policy."
    static let requires: Set<CollectionKind> = [.identitySettings]
    static let alsoReads: Set<CollectionKind> = []

    /// `api-key-creation-unrestricted`: the account lets every user create API keys or service IDs.
    static func findings(_ c: FindingContext) -> [Finding] {
        guard let settings = c.account.identitySettings else { return [] }
        let open = [("user API keys", settings.restrictCreatePlatformAPIKey),
                    ("service IDs", settings.restrictCreateServiceID)]
            .filter { !APIKeyFindings.isRestricted($0.1) }
            .map { "\($0.0) (\($0.1 ?? "absent"))" }
        guard !open.isEmpty else { return [] }
        return [Finding(.apiKeyCreationUnrestricted,
                        entities: [.identitySettings],
                        why: "every user may create " + open.joined(separator: " and ")
                            + ", not only those with a policy allowing it")]
    }
}
