import Snapshot

/// Everything a snapshot says about an account, as typed values with lookup indexes.
///
/// A collection the snapshot could not read (forbidden, failed, missing) is **unknown**, not empty: check
/// `isKnown(_:)` before concluding that something does not exist.
public struct IAMAccount: Sendable {
    public let accountID: String
    public let fetchedAt: Timestamp
    public let scope: Manifest.Scope
    public let info: AccountInfo?
    public let users: [User]
    public let serviceIDs: [ServiceID]
    public let trustedProfiles: [TrustedProfile]
    public let accessGroups: [AccessGroup]
    public let accessGroupSettings: AccessGroupSettings?
    /// Access policies, placeholders removed, sorted by id.
    public let accessPolicies: [Policy]
    /// Service-to-service authorizations, sorted by id.
    public let authorizationPolicies: [Policy]
    public let roles: [Role]
    public let policyTemplates: [PolicyTemplate]
    public let policyAssignments: [PolicyAssignment]
    public let resourceGroups: [ResourceGroup]
    public let resourceInstances: [ResourceInstance]
    public let apiKeys: [APIKey]
    public let identitySettings: IdentitySettings?
    /// Service credentials, sorted by id.
    public let resourceKeys: [ResourceKey]
    /// Context-based restrictions: network zones and rules (sorted by id), and the account's CBR settings.
    public let cbrZones: [CBRZone]
    public let cbrRules: [CBRRule]
    public let cbrAccountSettings: CBRAccountSettings?
    /// Identity providers (sorted by id) and login settings.
    public let identityProviders: [IdentityProvider]
    public let loginSettings: LoginSettings?
    /// The collections decoded generically (`CollectionKind.registration`), each read through the accessor its entity's
    /// file declares (e.g. `effectiveIdentitySettings`).
    public let collections: CollectionStore
    /// Which groups, profiles, policies and settings a template manages (derived from the template collections and
    /// the entities' own marks).
    public private(set) var templateManagement: TemplateManagement = .none
    public let activity: ActivityReport?
    /// The MFA enrolment report (`fetch --with-mfa-report`), when the snapshot has one.
    public let mfa: MFAReport?
    /// Collections whose content is unknown, and why.
    public let unknown: [CollectionKind: LoadedSnapshot.Unavailability]

    public let usersByIAMID: [String: User]
    public let serviceIDsByIAMID: [String: ServiceID]
    public let profilesByIAMID: [String: TrustedProfile]
    public let groupsByID: [String: AccessGroup]
    public let rolesByCRN: [String: Role]
    public let resourceGroupsByID: [String: ResourceGroup]
    public let instancesByGUID: [String: ResourceInstance]

    public init(accountID: String, fetchedAt: Timestamp, scope: Manifest.Scope, info: AccountInfo? = nil,
                users: [User] = [], serviceIDs: [ServiceID] = [], trustedProfiles: [TrustedProfile] = [],
                accessGroups: [AccessGroup] = [], accessGroupSettings: AccessGroupSettings? = nil,
                accessPolicies: [Policy] = [], authorizationPolicies: [Policy] = [], roles: [Role] = [],
                policyTemplates: [PolicyTemplate] = [], policyAssignments: [PolicyAssignment] = [],
                resourceGroups: [ResourceGroup] = [], resourceInstances: [ResourceInstance] = [],
                apiKeys: [APIKey] = [], identitySettings: IdentitySettings? = nil, resourceKeys: [ResourceKey] = [],
                cbrZones: [CBRZone] = [], cbrRules: [CBRRule] = [], cbrAccountSettings: CBRAccountSettings? = nil,
                identityProviders: [IdentityProvider] = [], loginSettings: LoginSettings? = nil,
                collections: CollectionStore = CollectionStore(), activity: ActivityReport? = nil, mfa: MFAReport? = nil,
                unknown: [CollectionKind: LoadedSnapshot.Unavailability] = [:]) {
        self.accountID = accountID
        self.fetchedAt = fetchedAt
        self.scope = scope
        self.info = info
        self.users = users
        self.serviceIDs = serviceIDs
        self.trustedProfiles = trustedProfiles
        self.accessGroups = accessGroups
        self.accessGroupSettings = accessGroupSettings
        self.accessPolicies = accessPolicies
        self.authorizationPolicies = authorizationPolicies
        self.roles = roles
        self.policyTemplates = policyTemplates
        self.policyAssignments = policyAssignments
        self.resourceGroups = resourceGroups
        self.resourceInstances = resourceInstances
        self.apiKeys = apiKeys
        self.identitySettings = identitySettings
        self.resourceKeys = resourceKeys
        self.cbrZones = cbrZones
        self.cbrRules = cbrRules
        self.cbrAccountSettings = cbrAccountSettings
        self.identityProviders = identityProviders
        self.loginSettings = loginSettings
        self.collections = collections
        self.activity = activity
        self.mfa = mfa
        self.unknown = unknown
        usersByIAMID = Dictionary(users.map { ($0.iamID, $0) }, uniquingKeysWith: { first, _ in first })
        serviceIDsByIAMID = Dictionary(serviceIDs.map { ($0.iamID, $0) }, uniquingKeysWith: { first, _ in first })
        profilesByIAMID = Dictionary(trustedProfiles.map { ($0.iamID, $0) }, uniquingKeysWith: { first, _ in first })
        groupsByID = Dictionary(accessGroups.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        rolesByCRN = Dictionary(roles.map { ($0.crn, $0) }, uniquingKeysWith: { first, _ in first })
        resourceGroupsByID = Dictionary(resourceGroups.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        instancesByGUID = Dictionary(resourceInstances.map { ($0.instanceID, $0) }, uniquingKeysWith: { first, _ in first })
        templateManagement = TemplateManagement(self)
    }

    /// Whether the snapshot holds this collection's content (its fetch succeeded).
    public func isKnown(_ kind: CollectionKind) -> Bool { unknown[kind] == nil }

    /// The account's display name: its name, else its id.
    public var displayName: String { info?.name ?? accountID }
}
