import Model

/// Rules about multi-factor authentication (CIS 1.7–1.9): the account's MFA setting, and each user's MFA — from the
/// MFA enrolment report when the snapshot has one (`fetch --with-mfa-report`), else from the identity settings.
enum MFAFindings {
    /// MFA settings that require a second factor of every user, federated ones included.
    static let forAllUsers: Set<String> = ["TOTP4ALL", "LEVEL1", "LEVEL2", "LEVEL3"]
    /// The setting that requires TOTP of non-federated (IBMid) users only.
    static let forIBMidUsers = "TOTP"

    /// Whether a setting requires MFA of a user of this realm.
    static func requiresMFA(_ setting: String?, realm: String?) -> Bool {
        guard let setting else { return false }
        return forAllUsers.contains(setting) || (setting == forIBMidUsers && realm == "IBMid")
    }

    /// `account-mfa-not-enforced`: the account-level MFA setting requires no second factor (NONE, NONE_NO_ROPC).
    static func accountMFA(_ c: FindingContext) -> [Finding] {
        guard let settings = c.account.identitySettings else { return [] }
        let setting = settings.mfa
        guard setting != forIBMidUsers, !forAllUsers.contains(setting ?? "") else { return [] }
        return [Finding(.accountMFANotEnforced, entities: [.identitySettings],
                        why: "the account's MFA setting is \(setting ?? "absent"): no second factor is required at login")]
    }

    /// `user-without-mfa`: users the MFA report lists as not complying or with an identity-based MFA trait in effect
    /// that requires no second factor, and (for users it does not list, or without a report) users whose effective
    /// MFA setting — their own override, else the account's — requires none.
    static func usersWithoutMFA(_ c: FindingContext) -> [Finding] {
        let overrides = Dictionary((c.account.identitySettings?.userMFA ?? []).compactMap { entry in
            entry.iamID.map { ($0, entry.mfa) }
        }, uniquingKeysWith: { first, _ in first })
        let reported = Dictionary((c.account.mfa?.users ?? []).compactMap { entry in entry.iamID.map { ($0, entry) } },
                                  uniquingKeysWith: { first, _ in first })
        let accountSetting = c.account.identitySettings?.mfa
        return c.account.users.compactMap { user in
            if let entry = reported[user.iamID], let complies = entry.complies {
                let trait = entry.effectiveMFAType == "account_based_mfa" ? nil : entry.idBasedMFA?.traitEffective
                guard complies else {
                    return Finding(.userWithoutMFA, entities: [c.identity(user.iamID)],
                                   why: "the MFA report says the user's enrolment does not comply"
                                       + (trait.map { " (required: \($0))" } ?? ""))
                }
                // Complying with a requirement of nothing is no second factor.
                guard let trait, !requiresMFA(trait, realm: user.realm) else { return nil }
                return Finding(.userWithoutMFA, entities: [c.identity(user.iamID)],
                               why: "the MFA report says the MFA in effect for the user is \(trait): no second factor is required")
            }
            let override = overrides[user.iamID] ?? nil
            let setting = override ?? accountSetting
            guard !requiresMFA(setting, realm: user.realm) else { return nil }
            let source = override != nil ? "the user's own MFA setting" : "the account's MFA setting"
            let federated = setting == forIBMidUsers ? " for federated users (realm \(user.realm ?? "unknown"))" : ""
            return Finding(.userWithoutMFA, entities: [c.identity(user.iamID)],
                           why: "\(source) is \(setting ?? "absent")\(federated): no second factor is required")
        }
    }
}
