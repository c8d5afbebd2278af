import Snapshot

/// One entity that differs between two snapshots: added, removed, or changed in the fields that matter for access.
package struct EntityChange: Sendable, Hashable {
    /// What kind of entity changed, in the order reports list them.
    package enum Kind: String, CaseIterable, Sendable, Hashable, Codable {
        case user
        case serviceID = "service_id"
        case trustedProfile = "trusted_profile"
        case accessGroup = "access_group"
        /// An identity's membership of an access group (static or dynamic), id `<group id>/<iam id>`.
        case membership
        /// A dynamic-membership rule of an access group.
        case accessGroupRule = "access_group_rule"
        case policy
        /// A service-to-service authorization.
        case authorization
        case customRole = "custom_role"
        /// A trusted profile's claim rule (federated users or compute resources).
        case profileRule = "trusted_profile_rule"
        /// A compute resource linked to a trusted profile.
        case profileLink = "trusted_profile_link"
        /// An identity allowed to assume a trusted profile, id `<profile id>/<iam id>`.
        case profileIdentity = "trusted_profile_identity"
        case resourceGroup = "resource_group"
        case resourceInstance = "resource_instance"

        /// The words a report uses: "service ID", "trusted profile rule".
        package var title: String {
            switch self {
            case .user: "user"
            case .serviceID: "service ID"
            case .trustedProfile: "trusted profile"
            case .accessGroup: "access group"
            case .membership: "membership"
            case .accessGroupRule: "access group rule"
            case .policy: "policy"
            case .authorization: "authorization"
            case .customRole: "custom role"
            case .profileRule: "trusted profile rule"
            case .profileLink: "trusted profile link"
            case .profileIdentity: "trusted profile identity"
            case .resourceGroup: "resource group"
            case .resourceInstance: "instance"
            }
        }

        /// The snapshot collections entities of this kind are read from: when one is unknown in either snapshot,
        /// the kind is not compared.
        package var collections: [CollectionKind] {
            switch self {
            case .user: [.users]
            case .serviceID: [.serviceIDs]
            case .trustedProfile: [.trustedProfiles]
            case .accessGroup: [.accessGroups]
            case .membership: [.accessGroups, .accessGroupMembers]
            case .accessGroupRule: [.accessGroups, .accessGroupRules]
            case .policy: [.accessPolicies]
            case .authorization: [.authorizationPolicies]
            case .customRole: [.roles]
            case .profileRule: [.trustedProfiles, .trustedProfileRules]
            case .profileLink: [.trustedProfiles, .trustedProfileLinks]
            case .profileIdentity: [.trustedProfiles, .trustedProfileIdentities]
            case .resourceGroup: [.resourceGroups]
            case .resourceInstance: [.resourceInstances]
            }
        }
    }

    package enum Action: String, Sendable, Hashable, Codable {
        case added, removed, changed
    }

    /// How one field of a changed entity differs.
    package enum FieldChange: Sendable, Hashable {
        /// A single value, e.g. a policy's target or state; `nil` when the field is absent on that side.
        case value(field: String, old: String?, new: String?)
        /// Elements of a set, e.g. a policy's roles or a custom role's actions.
        case elements(field: String, added: [String], removed: [String])

        /// The field's name, e.g. `roles`, `target`, `condition`, `state`.
        package var field: String {
            switch self {
            case .value(let field, _, _), .elements(let field, _, _): field
            }
        }
    }

    package let kind: Kind
    package let action: Action
    /// The entity's stable id: an IAM id, a policy id, a CRN, or `<parent id>/<id>` for memberships and profile
    /// identities.
    package let id: String
    /// A readable one-line description without the kind, e.g. "a10d2039: access group Developers — Editor on All
    /// resources in resource group sandbox", from the new snapshot (the old one for a removed entity).
    package let label: String
    /// For `changed`: what changed, field by field; empty otherwise.
    package let fields: [FieldChange]

    package init(kind: Kind, action: Action, id: String, label: String, fields: [FieldChange] = []) {
        self.kind = kind
        self.action = action
        self.id = id
        self.label = label
        self.fields = fields
    }
}
