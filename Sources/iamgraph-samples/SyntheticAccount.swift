import Fetch
import Foundation
import Snapshot

/// A synthetic IBM Cloud account, generated from a size and a seed, as raw API JSON (Foundation values) ready for
/// `SnapshotWriter`. Deterministic: every id, name, timestamp and choice comes from one `SplitMix64` stream, and no
/// output order depends on `Dictionary` or `Set` iteration, so the same size and seed always give the same bytes.
///
/// Structure: power-law access group sizes (users in 0…5 groups, some in none; service IDs and trusted profiles as
/// members too), dynamic rules with dynamic members, trusted profiles with claim rules, compute links and identities,
/// access policies of every scope (account-wide, account management, resource group, service in a resource group,
/// service across the account or a region, instance, instance sub-resource, `stringMatch` wildcards, tags, time-based
/// conditions, custom and service-specific roles), mostly on access groups and some direct on users, service IDs and
/// profiles; service-to-service authorizations between existing instances; API keys; and a few policies on instances
/// that no longer exist. Every other reference resolves.
struct SyntheticAccount {
    /// One collection and where it would have come from.
    struct Collection {
        let kind: CollectionKind
        let content: Any
    }

    let size: SyntheticCatalog.Size
    let seed: UInt64
    let accountID: String
    let collections: [Collection]

    init(size: SyntheticCatalog.Size, seed: UInt64) {
        var generator = Generator(size: size, seed: seed)
        generator.run()
        self.size = size
        self.seed = seed
        accountID = generator.accountID
        collections = generator.collections
    }

    /// A writer holding every collection, ready to write.
    func writer() throws -> SnapshotWriter {
        var writer = SnapshotWriter(toolVersion: ToolVersion.current, accountID: accountID,
                                    fetchedAt: SynthTime.fetchedAt, scope: .account)
        let content = Dictionary(collections.map { ($0.kind, $0.content) }, uniquingKeysWith: { first, _ in first })
        let roleServices = ManifestSources.roleServices(
            policies: [CollectionKind.accessPolicies, .authorizationPolicies].flatMap { (content[$0] as? [Any]) ?? [] },
            instances: (content[.resourceInstances] as? [Any]) ?? [])
        for collection in collections {
            try writer.add(collection.kind, content: collection.content,
                           source: ManifestSources.source(for: collection.kind, accountID: accountID, content: collection.content,
                                                          roleServices: roleServices))
        }
        return writer
    }
}

// MARK: - Generator

/// Generates one synthetic account: the shared state and helpers, and the assembly of the collections; each
/// collection's generation is in the `Generator+…` file of that collection.
struct Generator {
    typealias JSON = [String: Any]
    typealias Catalog = SyntheticCatalog

    struct UserRecord {
        let iamID: String
        let first: String
        let last: String
        let email: String
        let added: Int
    }

    struct ServiceIDRecord {
        let uuid: String
        let name: String
        let description: String
        let created: Int
        var id: String { "ServiceId-" + uuid }
        var iamID: String { "iam-ServiceId-" + uuid }
    }

    enum ProfileKind { case federated, compute, identities }

    struct ProfileRecord {
        let uuid: String
        let name: String
        let description: String
        let created: Int
        let kind: ProfileKind
        var id: String { "Profile-" + uuid }
        var iamID: String { "iam-Profile-" + uuid }
    }

    struct GroupRecord {
        let id: String
        let name: String
        let created: Int
        let homeGroup: Int
    }

    struct ResourceGroupRecord {
        let id: String
        let name: String
        let created: Int
    }

    struct InstanceRecord {
        let guid: String
        let crn: String
        let name: String
        let service: Int
        let resourceGroup: Int
        let created: Int
    }

    /// Who a policy is for.
    enum Subject {
        case group(Int)
        case user(Int)
        case serviceID(Int)
        case profile(Int)
    }

    /// What a policy's resource attributes name.
    enum Scope: CaseIterable {
        case allServices, allManagement, managementService, resourceGroupWide, resourceGroupItself, serviceInGroup,
             serviceInAccount, serviceInRegion, instance, instancePart, wildcard
    }

    let size: Catalog.Size
    let seed: UInt64
    /// The main stream: every structural choice, in a fixed order.
    var rng: SplitMix64
    let iam = "https://iam.cloud.ibm.com"

    var accountID = ""
    var accountName = ""
    var domain = ""
    var idp = ""
    var accountStart = 0

    var users: [UserRecord] = []
    var admins: [Int] = []
    var serviceIDs: [ServiceIDRecord] = []
    var profiles: [ProfileRecord] = []
    var resourceGroups: [ResourceGroupRecord] = []
    var instances: [InstanceRecord] = []
    var instancesByGroup: [[Int]] = []
    var instancesByService: [[Int]] = []
    var groups: [GroupRecord] = []
    /// Per access group: member items and their iam_ids (for de-duplication).
    var members: [[JSON]] = []
    var memberIDs: [Set<String>] = []
    var groupRules: [[JSON]] = []
    var groupsWithoutPolicies: Set<Int> = []
    var customRolesByService: [String: [String]] = [:]
    var customRoleNames: [String] = []
    var regions: [String] = []
    var regionTable = ZipfTable(count: 0)
    var resourceGroupTable = ZipfTable(count: 0)
    var groupSizeTable = ZipfTable(count: 0)

    var collections: [SyntheticAccount.Collection] = []

    init(size: Catalog.Size, seed: UInt64) {
        self.size = size
        self.seed = seed
        rng = SplitMix64(seed: seed)
    }

    mutating func run() {
        accountID = rng.hex(32)
        let company = rng.pick(Catalog.companies)
        accountName = company.0
        domain = company.1
        idp = "https://sso.\(domain)/saml2/idp/metadata"
        accountStart = SynthTime.epoch(2019, 1, 1) + rng.int(2 * 365) * SynthTime.day + rng.int(SynthTime.day)
        regions = Array(Catalog.regions.prefix(max(1, min(size.regions, Catalog.regions.count))))
        regionTable = ZipfTable(count: regions.count)

        makeUsers()
        makeResourceGroups()
        makeInstances()
        makeServiceIDs()
        makeProfiles()
        makeGroups()
        makeMemberships()
        makeGroupRules()
        makeRoles()
        let access = makeAccessPolicies()
        let authorizations = makeAuthorizationPolicies()
        let profileParts = makeProfileParts()
        let apiKeys = makeAPIKeys()
        assemble(access: access, authorizations: authorizations, profileParts: profileParts, apiKeys: apiKeys)
    }

    // MARK: Helpers

    /// A side stream for the cosmetic fields of one collection (phone numbers, entity tags, plans…), so that adding
    /// such a field never shifts the main stream's structural choices.
    func stream(_ salt: UInt64) -> SplitMix64 {
        SplitMix64(seed: seed ^ (salt &* 0x9E37_79B9_7F4A_7C15))
    }

    /// A uniform time in `[from, to)`, clamped to a non-empty range.
    mutating func time(from: Int, to: Int = SynthTime.now - SynthTime.hour) -> Int {
        from + rng.int(max(1, to - from))
    }

    func eq(_ key: String, _ value: Any) -> JSON {
        ["key": key, "operator": "stringEquals", "value": value]
    }

    func platformRole(_ name: String) -> String { "crn:v1:bluemix:public:iam::::role:" + name }
    func serviceRole(_ name: String) -> String { "crn:v1:bluemix:public:iam::::serviceRole:" + name }
    func specificRole(_ service: String, _ name: String) -> String {
        "crn:v1:bluemix:public:\(service)::::serviceRole:\(name)"
    }
    func customRole(_ name: String) -> String {
        "crn:v1:ibmcloud:public:iam-access-management::a/\(accountID)::customRole:\(name)"
    }
    func resourceGroupCRN(_ id: String) -> String {
        "crn:v1:bluemix:public:resource-controller::a/\(accountID)::resource-group:\(id)"
    }

    /// Unique names: the shuffled combinations first, then the same with a number.
    static func uniqueName(_ index: Int, _ combos: [String], separator: String) -> String {
        let round = index / combos.count
        return combos[index % combos.count] + (round == 0 ? "" : "\(separator)\(round + 1)")
    }

    // MARK: Assembly

    mutating func assemble(access: [JSON], authorizations: [JSON],
                           profileParts: (links: JSON, rules: JSON, identities: JSON), apiKeys: [JSON]) {
        let owner = users[0]
        var membersByGroup = JSON(), rulesByGroup = JSON()
        for (index, group) in groups.enumerated() {
            membersByGroup[group.id] = members[index]
            rulesByGroup[group.id] = groupRules[index]
        }
        let mfaUsers: [JSON] = admins.map { ["iam_id": users[$0].iamID, "mfa": "TOTP"] }
        // Enterprise-managed IAM marks some profiles and policies as made by a template.
        let templates = makeTemplates(access: access)
        var markedAccess = access
        for (index, template) in templates.policyMarks { markedAccess[index]["template"] = template }
        var markedProfiles = profilesJSON()
        for (index, mark) in templates.profileMarks { markedProfiles[index].merge(mark) { _, mark in mark } }

        func add(_ kind: CollectionKind, _ content: Any) {
            collections.append(SyntheticAccount.Collection(kind: kind, content: content))
        }
        add(.account, [
            "id": accountID, "name": accountName, "owner": owner.email, "owner_userid": owner.email,
            "owner_iamid": owner.iamID, "type": size.users >= 1000 ? "SUBSCRIPTION" : "PAYG", "status": "ACTIVE",
            "team_directory_enabled": true, "linked_softlayer_account": "", "traits": ["eu_supported": true, "poc": false, "hippa": false] as JSON,
        ] as JSON)
        add(.users, usersJSON())
        add(.serviceIDs, serviceIDsJSON())
        add(.trustedProfiles, markedProfiles)
        add(.trustedProfileLinks, profileParts.links)
        add(.trustedProfileRules, profileParts.rules)
        add(.trustedProfileIdentities, profileParts.identities)
        add(.accessGroups, groupsJSON())
        add(.accessGroupMembers, membersByGroup)
        add(.accessGroupRules, rulesByGroup)
        add(.accessGroupSettings, [
            "account_id": accountID, "last_modified_at": SynthTime.seconds(accountStart + 600),
            "last_modified_by_id": owner.iamID, "public_access_enabled": true,
        ] as JSON)
        add(.accessPolicies, markedAccess)
        add(.authorizationPolicies, authorizations)
        add(.roles, rolesJSON())
        add(.resourceGroups, resourceGroupsJSON())
        add(.resourceInstances, instancesJSON())
        add(.apiKeys, apiKeys)
        let identitySettings: JSON = [
            "account_id": accountID, "entity_tag": "3-" + rng.hex(32),
            "restrict_create_service_id": "NOT_SET", "restrict_create_platform_apikey": "RESTRICTED",
            "allowed_ip_addresses": "", "mfa": size.users >= 1000 ? "TOTP" : "NONE", "user_mfa": mfaUsers,
            "session_expiration_in_seconds": "NOT_SET", "session_invalidation_in_seconds": "7200",
            "max_sessions_per_identity": "NOT_SET", "system_access_token_expiration_in_seconds": "NOT_SET",
            "system_refresh_token_expiration_in_seconds": "NOT_SET",
            "restrict_user_list_visibility": "NOT_RESTRICTED", "restrict_user_domains": [Any](),
        ]
        add(.identitySettings, identitySettings)
        // The settings in effect are the account's own, which the assigned account-settings template (if any) sets
        // to the same values.
        var effectiveSettings: JSON = [
            "account_id": accountID, "account": identitySettings,
            "effective": identitySettings.filter { $0.key != "account_id" && $0.key != "entity_tag" },
        ]
        if let assigned = templates.assignedSettingsTemplate { effectiveSettings["assigned_templates"] = [assigned] }
        add(.effectiveIdentitySettings, effectiveSettings)
        let externalIdentities: JSON = ["state": "enabled", "external_allowed_accounts": [Any]()]
        add(.accessManagementSettings, [
            "external_account_identity_interaction": ["identity_types": [
                "user": externalIdentities, "service_id": externalIdentities, "service": externalIdentities,
            ] as JSON] as JSON,
        ] as JSON)
        add(.resourceKeys, makeResourceKeys())
        let restrictions = makeContextBasedRestrictions()
        add(.cbrZones, restrictions.zones)
        add(.cbrRules, restrictions.rules)
        add(.cbrAccountSettings, restrictions.settings)
        let identityProviders = makeIdentityProviders()
        add(.identityProviders, identityProviders.providers)
        add(.loginSettings, identityProviders.loginSettings)
        for (kind, content) in templates.collections { add(kind, content) }
    }
}
