import Model

/// What kind of identity an IAM id stands for, from the snapshot's lists or, for ids they do not hold, its prefix.
package enum SubjectKind: String, Sendable, Hashable, Codable {
    case user
    case serviceID = "service_id"
    case trustedProfile = "trusted_profile"

    /// The kind of `iamID`: the list holding it, else `iam-ServiceId-…` / `iam-Profile-…`, else a user.
    package init(iamID: String, in account: IAMAccount) {
        switch account.identity(iamID: iamID) {
        case .user: self = .user
        case .serviceID: self = .serviceID
        case .trustedProfile: self = .trustedProfile
        case nil: self.init(unlistedIAMID: iamID)
        }
    }

    /// The kind of an IAM id the snapshot's lists do not hold: `iam-ServiceId-…` / `iam-Profile-…`, else a user.
    init(unlistedIAMID iamID: String) {
        if iamID.hasPrefix("iam-ServiceId-") {
            self = .serviceID
        } else if iamID.hasPrefix("iam-Profile-") {
            self = .trustedProfile
        } else {
            self = .user
        }
    }
}
