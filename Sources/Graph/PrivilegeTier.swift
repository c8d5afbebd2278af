/// How far a privileged grant reaches, in the order an overview of a large account gives its node budget: account
/// administration first, then the right to assign access, then privileged roles service-wide, then the rest.
enum PrivilegeTier: Int, CaseIterable, Comparable {
    /// Privileged on everything in the account, all account management or all IAM account management.
    case accountAdministration = 1
    /// Administrator on all IAM-enabled services, on one service account-wide or on an account management service:
    /// whoever holds it can assign access to what it covers.
    case assignsAccess
    /// Another privileged role (Manager; Editor or Operator on account management) on those account-wide scopes.
    case serviceWide
    /// Privileged on one resource group, a service in one resource group, an instance or a part of one.
    case scoped

    /// The tier of a privileged grant of `roles` (role names) on a target of scope `scope` (a target node's `scope`
    /// attribute); a scope the map does not know counts as `scoped`.
    init(scope: String, roles: [String]) {
        switch scope {
        case "account", "all_account_management", "all_iam_account_management":
            self = .accountAdministration
        case "all_iam_enabled_services", "service_in_account", "account_management_service":
            self = roles.contains("Administrator") ? .assignsAccess : .serviceWide
        default:
            self = .scoped
        }
    }

    /// The tier in a reviewer's words, for the map's notes.
    var phrase: String {
        switch self {
        case .accountAdministration: "account administration"
        case .assignsAccess: "can assign access"
        case .serviceWide: "privileged service-wide"
        case .scoped: "privileged on one resource group or instance"
        }
    }

    /// The tier's weight when the overview splits its budget between the tiers (`FairShare`): account
    /// administration weighs four times the lowest tier, and every tier is guaranteed its part.
    var shareWeight: Int {
        switch self {
        case .accountAdministration: 4
        case .assignsAccess: 3
        case .serviceWide: 2
        case .scoped: 1
        }
    }

    static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
