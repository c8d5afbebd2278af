import Model
import Snapshot

/// `no-identity-federation` (CIS 1.19): the account has no active identity provider, so no user logs in through a
/// corporate IdP. A provider whose `active` is absent counts as active (the API's default).
struct NoIdentityFederationRule: AlwaysEvaluatedRule {
    static let id = "no-identity-federation"
    static let severity = Severity.warning
    static let title = "No identity federation with a corporate identity provider"
    static let summary =
        "The account has no active identity provider (SAML or OIDC, identity_providers): users log in with IBMid, not through the corporate IdP that manages their accounts and leavers."
    static let fix =
        "Federate the account with the corporate IdP (Manage > Access (IAM) > Identity providers) and have users log in through it."
    static let requires: Set<CollectionKind> = [.identityProviders]
    static let alsoReads: Set<CollectionKind> = []

    static func findings(_ c: FindingContext) -> [Finding] {
        let providers = c.account.identityProviders
        guard !providers.contains(where: { $0.active != false }) else { return [] }
        let why = providers.isEmpty ? "the account has no identity provider"
            : "the account's \(providers.count) identity provider\(providers.count == 1 ? " is" : "s are") all inactive"
        return [Finding(.noIdentityFederation, entities: [.collection(.identityProviders)],
                        why: why + ": users log in with IBMid, not through a corporate IdP")]
    }
}
