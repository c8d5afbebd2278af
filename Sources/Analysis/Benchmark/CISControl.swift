/// A control of section 1 (Identity and Access Management) of the CIS IBM Cloud Foundations Benchmark v1.0.0, with
/// how iamgraph decides it. The raw value is the control id; the switches are exhaustive, so every control has a
/// title and an evaluation by construction.
package enum CISControl: String, Sendable, Hashable, CaseIterable, Codable {
    case c1_1 = "1.1", c1_2 = "1.2", c1_3 = "1.3", c1_4 = "1.4", c1_5 = "1.5", c1_6 = "1.6", c1_7 = "1.7"
    case c1_8 = "1.8", c1_9 = "1.9", c1_10 = "1.10", c1_11 = "1.11", c1_12 = "1.12", c1_13 = "1.13", c1_14 = "1.14"
    case c1_15 = "1.15", c1_16 = "1.16", c1_17 = "1.17", c1_18 = "1.18", c1_19 = "1.19"

    /// The benchmark these controls belong to, as reports name it.
    package static let benchmark = "CIS IBM Cloud Foundations Benchmark v1.0.0, section 1"

    /// The control's id, e.g. `1.12`.
    package var id: String { rawValue }

    /// The control's title, as the benchmark words it (shortened where it repeats itself).
    package var title: String {
        switch self {
        case .c1_1: "Monitor account owner for frequent, unexpected, or unauthorized logins"
        case .c1_2: "Ensure API keys unused for 180 days are detected and optionally disabled"
        case .c1_3: "Ensure API keys are rotated every 90 days"
        case .c1_4: "Restrict user API key creation and service ID creation in the account via IAM roles"
        case .c1_5: "Ensure no owner account API key exists"
        case .c1_6: "Ensure compliance with IBM Cloud password requirements"
        case .c1_7: "Ensure multi-factor authentication (MFA) is enabled for all users in account"
        case .c1_8: "Ensure multi-factor authentication (MFA) is enabled for the account owner"
        case .c1_9: "Ensure multi-factor authentication (MFA) is enabled at the account level"
        case .c1_10: "Ensure contact email is valid"
        case .c1_11: "Ensure contact phone number is valid"
        case .c1_12: "Ensure IAM users are members of access groups and IAM policies are assigned only to access groups"
        case .c1_13: "Ensure a support access group has been created to manage incidents with IBM Support"
        case .c1_14: "Minimize the number of users with admin privileges in the account"
        case .c1_15: "Minimize the number of Service IDs with admin privileges in the account"
        case .c1_16: "Ensure IAM does not allow public access to Cloud Object Storage"
        case .c1_17: "Ensure inactive user accounts are suspended"
        case .c1_18: "Enable audit logging for IBM Cloud Identity and Access Management"
        case .c1_19: "Ensure Identity Federation is set up with a Corporate IDP"
        }
    }

    /// How iamgraph decides the control.
    package var evaluation: ControlEvaluation {
        switch self {
        case .c1_1:
            .manual("login monitoring needs the account's Activity Tracker events, which an IAM snapshot does not hold")
        case .c1_2: .rules([.apiKeyInactive], only: .all)
        case .c1_3: .rules([.apiKeyNotRotated], only: .all)
        case .c1_4: .rules([.apiKeyCreationUnrestricted], only: .all)
        case .c1_5: .rules([.ownerAPIKey], only: .all)
        case .c1_6:
            .manual("password strength is enforced by IBMid or the corporate identity provider; no IAM API reports it")
        case .c1_7: .rules([.userWithoutMFA], only: .all)
        case .c1_8: .rules([.userWithoutMFA], only: .accountOwner)
        case .c1_9: .rules([.accountMFANotEnforced], only: .all)
        case .c1_10:
            .manual("whether the account's contact email reaches someone cannot be decided from data; the contact is in billing, not IAM")
        case .c1_11:
            .manual("whether the account's contact phone number is valid cannot be decided from data; it is in billing, not IAM")
        case .c1_12: .rules([.userInNoGroup, .policyOnUser], only: .all)
        case .c1_13: .rules([.noSupportAccessGroup], only: .all)
        case .c1_14: .rules([.tooManyAdministrators], only: .all)
        case .c1_15: .rules([.tooManyAdministratorServiceIDs], only: .all)
        case .c1_16: .rules([.publicAccessPolicy], only: .objectStorage)
        case .c1_17: .rules([.identityInactive], only: .users)
        case .c1_18:
            .manual("audit logging is an Activity Tracker (or Cloud Logs) instance and its routing, not IAM data")
        case .c1_19:
            .rules([.noIdentityFederation], only: .all)
        }
    }

    /// The controls a rule's findings count against (JSON, SARIF tags, Markdown).
    package static func controls(of rule: RuleID) -> [CISControl] {
        allCases.filter { control in
            switch control.evaluation {
            case .rules(let rules, _): rules.contains(rule)
            case .manual: false
            }
        }
    }
}

/// How a CIS control is decided.
package enum ControlEvaluation: Sendable, Hashable {
    /// By these rules' findings (of which `only` selects the relevant ones): it fails with any, passes with none,
    /// and is unknown when a rule could not run or ran on incomplete data.
    case rules([RuleID], only: ControlScope)
    /// By a person: IAM data cannot decide it, for the reason given.
    case manual(String)
}

/// Which findings of a control's rules count against it.
package enum ControlScope: Sendable, Hashable {
    /// Every finding.
    case all
    /// Findings about users.
    case users
    /// Findings about the account owner.
    case accountOwner
    /// Findings about policies that reach Cloud Object Storage (its service, all IAM-enabled services or everything).
    case objectStorage
}
