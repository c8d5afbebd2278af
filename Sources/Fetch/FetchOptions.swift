import Foundation

/// Everything a fetch needs besides the credential.
package struct FetchOptions: Sendable {
    /// One base URL for every IBM Cloud service (`--api-base`, `IBMCLOUD_API_BASE`); `nil` for IBM's own hosts.
    package var apiBase: URL?
    /// The account to read; default: the token's `account.bss`.
    package var accountID: String?
    /// Fetch only what one identity's access needs (`--identity`).
    package var identity: String?
    /// Requests in flight at once.
    package var concurrency: Int
    /// Also fetch the inactive-identities activity report.
    package var withActivity: Bool
    /// Also fetch the MFA enrolment report.
    package var withMFAReport: Bool
    package var transport: HTTPTransport.Options
    package var retry: RetryPolicy
    /// How much JSON one response and one listing may hold.
    package var limits: FetchLimits
    /// How often, and how many times, to poll the activity and MFA reports while they are being prepared.
    package var activityPoll: (interval: Double, attempts: Int)
    /// Let a partial snapshot replace one that holds collections it lacks (`--allow-partial`); by default that one is
    /// left as it was and the partial one is written beside it.
    package var allowPartial: Bool

    package init(apiBase: URL? = nil, accountID: String? = nil, identity: String? = nil, concurrency: Int = 8,
                withActivity: Bool = false, withMFAReport: Bool = false, transport: HTTPTransport.Options, retry: RetryPolicy = RetryPolicy(),
                limits: FetchLimits = FetchLimits(), activityPoll: (interval: Double, attempts: Int) = (2, 90),
                allowPartial: Bool = false) {
        self.apiBase = apiBase
        self.accountID = accountID
        self.identity = identity
        self.concurrency = concurrency
        self.withActivity = withActivity
        self.withMFAReport = withMFAReport
        self.transport = transport
        self.retry = retry
        self.limits = limits
        self.activityPoll = activityPoll
        self.allowPartial = allowPartial
    }
}

/// IBM Cloud's public hosts. Their paths never collide, so everything but the token exchange goes to the host of the
/// service that owns the path.
package enum IBMHosts {
    package static let iam = URL(string: "https://iam.cloud.ibm.com")!
    static let userManagement = URL(string: "https://user-management.cloud.ibm.com")!
    static let resourceController = URL(string: "https://resource-controller.cloud.ibm.com")!
    static let accounts = URL(string: "https://accounts.cloud.ibm.com")!
    static let contextBasedRestrictions = URL(string: "https://cbr.cloud.ibm.com")!

    static func base(forAPI api: String) -> URL {
        switch api {
        case "user-management": userManagement
        case "resource-controller", "resource-manager": resourceController
        case "accounts": accounts
        case "context-based-restrictions": contextBasedRestrictions
        default: iam
        }
    }
}
