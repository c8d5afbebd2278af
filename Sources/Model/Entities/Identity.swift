/// Someone who can hold access: a user, a service ID or a trusted profile.
package enum Identity: Sendable, Hashable {
    case user(User)
    case serviceID(ServiceID)
    case trustedProfile(TrustedProfile)

    package var iamID: String {
        switch self {
        case .user(let u): u.iamID
        case .serviceID(let s): s.iamID
        case .trustedProfile(let p): p.iamID
        }
    }

    /// A readable name: the person's name, the service ID's or profile's name.
    package var name: String {
        switch self {
        case .user(let u): u.displayName
        case .serviceID(let s): s.name ?? s.id
        case .trustedProfile(let p): p.name ?? p.id
        }
    }

    /// The email (users only).
    package var email: String? {
        if case .user(let u) = self { return u.email ?? u.userID }
        return nil
    }
}

extension IAMAccount {
    /// The identity with this IAM id, if the snapshot holds it.
    package func identity(iamID: String) -> Identity? {
        if let user = usersByIAMID[iamID] { return .user(user) }
        if let serviceID = serviceIDsByIAMID[iamID] { return .serviceID(serviceID) }
        if let profile = profilesByIAMID[iamID] { return .trustedProfile(profile) }
        return nil
    }

    /// Every identity: users, service IDs, trusted profiles.
    package var identities: [Identity] {
        users.map(Identity.user) + serviceIDs.map(Identity.serviceID) + trustedProfiles.map(Identity.trustedProfile)
    }
}
