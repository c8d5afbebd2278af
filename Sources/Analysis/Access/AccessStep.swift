/// One hop on the way from an identity to a policy.
package enum AccessStep: Sendable, Hashable, CustomStringConvertible {
    /// Through membership of an access group; `rule` names the dynamic rule for dynamic members. `lapsedSince` is the
    /// `expires_at` of a dynamic membership that had expired when the snapshot was taken: the access is not live,
    /// and comes back at the member's next federated login if the rule still matches.
    case accessGroup(id: String, name: String, dynamicRule: String?, lapsedSince: String? = nil)
    /// Through a trusted profile the identity may assume.
    case trustedProfile(id: String, iamID: String, name: String)
    /// Through the Public Access group: everyone, unauthenticated users included.
    case publicAccess

    package var description: String {
        switch self {
        case .accessGroup(_, let name, let rule, let lapsed):
            "access group \(name)" + (rule.map { " (dynamic, rule \($0))" } ?? "")
                + (lapsed.map { " [lapsed since \($0), until the next federated login]" } ?? "")
        case .trustedProfile(_, _, let name): "trusted profile \(name)"
        case .publicAccess: "Public Access (everyone)"
        }
    }
}

extension Array where Element == AccessStep {
    /// "direct", or the steps joined: "trusted profile ci → access group Ops".
    package var pathDescription: String { isEmpty ? "direct" : map(\.description).joined(separator: " → ") }

    /// The steps by id only, e.g. `["trusted_profile:iam-Profile-…", "access_group:AccessGroupId-…"]`: a renamed
    /// group or rule is the same path.
    package var ids: [String] {
        map { step in
            switch step {
            case .accessGroup(let id, _, _, _): "access_group:" + id
            case .trustedProfile(_, let iamID, _): "trusted_profile:" + iamID
            case .publicAccess: "public_access"
            }
        }
    }
}
