import Model
import Snapshot

/// Something a finding is about, by id and (where the snapshot knows it) name.
package struct FindingEntity: Sendable, Hashable {
    /// What an entity is; the raw value is the JSON/SARIF spelling.
    package enum Kind: String, Sendable, Hashable, Codable {
        case user
        case serviceID = "service_id"
        case trustedProfile = "trusted_profile"
        case accessGroup = "access_group"
        case accessPolicy = "access_policy"
        case authorizationPolicy = "authorization_policy"
        case serviceInstance = "service_instance"
        case role
        case apiKey = "api_key"
        case cbrRule = "cbr_rule"
        case serviceCredential = "service_credential"
        case collection
    }

    package let kind: Kind
    /// The id the entity's snapshot file uses: IAM id (users), `ServiceId-…`, `Profile-…`, guid, role CRN, collection key.
    package let id: String
    /// The name, where the snapshot knows one.
    package let name: String?

    /// The kind of entity an identity of this kind is.
    static func kind(of subject: SubjectKind) -> Kind {
        switch subject {
        case .user: .user
        case .serviceID: .serviceID
        case .trustedProfile: .trustedProfile
        }
    }

    /// An entity of `kind`, by id and name.
    package init(_ kind: Kind, id: String, name: String? = nil) {
        self.kind = kind
        self.id = id
        self.name = name
    }

    /// A collection as what an account-wide finding is about (its file holds the setting or the items concerned).
    static func collection(_ kind: CollectionKind) -> FindingEntity {
        FindingEntity(.collection, id: kind.name, name: kind.fileName)
    }

    /// The account's identity settings (MFA, restrictions on creating API keys and service IDs).
    static let identitySettings = collection(.identitySettings)

    /// `first` followed by `others`, in one array made at its size: what a finding about `first` names
    /// (`[first] + others` makes two).
    static func list(_ first: FindingEntity, then others: [FindingEntity]) -> [FindingEntity] {
        var entities: [FindingEntity] = []
        entities.reserveCapacity(1 + others.count)
        entities.append(first)
        entities.append(contentsOf: others)
        return entities
    }

    /// `first`, then `second` when there is one, in one array (`[first] + [second].compactMap { $0 }` makes three).
    static func list(_ first: FindingEntity, _ second: FindingEntity?) -> [FindingEntity] {
        guard let second else { return [first] }
        return [first, second]
    }

    /// A policy, by id and description: an access policy or an authorization.
    init(_ policy: Policy) {
        self.init(policy.isAuthorization ? .authorizationPolicy : .accessPolicy, id: policy.id, name: policy.description)
    }

    /// The snapshot collection that holds entities of this kind (for a collection, the collection itself).
    package var collection: CollectionKind? {
        switch kind {
        case .user: .users
        case .serviceID: .serviceIDs
        case .trustedProfile: .trustedProfiles
        case .accessGroup: .accessGroups
        case .accessPolicy: .accessPolicies
        case .authorizationPolicy: .authorizationPolicies
        case .serviceInstance: .resourceInstances
        case .role: .roles
        case .apiKey: .apiKeys
        case .cbrRule: .cbrRules
        case .serviceCredential: .resourceKeys
        case .collection: CollectionKind(rawValue: id)
        }
    }

    /// "Jordan Blake (IBMid-2700112PNA)", or the id alone.
    package var description: String {
        guard let name, name != id else { return id }
        return "\(name) (\(id))"
    }

    /// Hands `description`'s text to `part` in pieces (name, id and the brackets between), for a writer that
    /// escapes or appends them as they come rather than making a string per entity.
    package func description(parts part: (String) -> Void) {
        guard let name, name != id else { return part(id) }
        part(name)
        part(" (")
        part(id)
        part(")")
    }
}
