import Snapshot

/// Everything a snapshot says about an account, as typed values with lookup indexes.
///
/// A collection the snapshot could not read (forbidden, failed, missing) is **unknown**, not empty: check
/// `isKnown(_:)` before concluding that something does not exist.
package struct IAMAccount: Sendable {
    package let accountID: String
    package let fetchedAt: Timestamp
    package let scope: Manifest.Scope
    package let info: AccountInfo?
    package let users: [User]
    package let serviceIDs: [ServiceID]
    package let trustedProfiles: [TrustedProfile]
    package let accessGroups: [AccessGroup]
    package let accessGroupSettings: AccessGroupSettings?
    /// Access policies, placeholders removed, sorted by id.
    package let accessPolicies: [Policy]
    /// Service-to-service authorizations, sorted by id.
    package let authorizationPolicies: [Policy]
    package let roles: [Role]
    package let policyTemplates: [PolicyTemplate]
    package let policyAssignments: [PolicyAssignment]
    package let resourceGroups: [ResourceGroup]
    package let resourceInstances: [ResourceInstance]
    package let apiKeys: [APIKey]
    package let identitySettings: IdentitySettings?
    /// Service credentials, sorted by id.
    package let resourceKeys: [ResourceKey]
    /// Context-based restrictions: network zones and rules (sorted by id), and the account's CBR settings.
    package let cbrZones: [CBRZone]
    package let cbrRules: [CBRRule]
    package let cbrAccountSettings: CBRAccountSettings?
    /// Identity providers (sorted by id) and login settings.
    package let identityProviders: [IdentityProvider]
    package let loginSettings: LoginSettings?
    /// The collections decoded generically (`CollectionKind.registration`), each read through the accessor its entity's
    /// file declares (e.g. `effectiveIdentitySettings`).
    package let collections: CollectionStore
    /// Which groups, profiles, policies and settings a template manages (derived from the template collections and
    /// the entities' own marks).
    package private(set) var templateManagement: TemplateManagement = .none
    package let activity: ActivityReport?
    /// The MFA enrolment report (`fetch --with-mfa-report`), when the snapshot has one.
    package let mfa: MFAReport?
    /// Collections whose content is unknown, and why.
    package let unknown: [CollectionKind: LoadedSnapshot.Unavailability]

    package let usersByIAMID: [String: User]
    package let serviceIDsByIAMID: [String: ServiceID]
    package let profilesByIAMID: [String: TrustedProfile]
    package let groupsByID: [String: AccessGroup]
    package let rolesByCRN: [String: Role]
    package let resourceGroupsByID: [String: ResourceGroup]
    package let instancesByGUID: [String: ResourceInstance]

    package init(accountID: String, fetchedAt: Timestamp, scope: Manifest.Scope, info: AccountInfo? = nil,
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
    package func isKnown(_ kind: CollectionKind) -> Bool { unknown[kind] == nil }

    /// The account's display name: its name, else its id.
    package var displayName: String { info?.name ?? accountID }
}
