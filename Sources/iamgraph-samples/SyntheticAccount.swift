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

private struct Generator {
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

    // MARK: Users

    mutating func makeUsers() {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ")
        var seen: Set<String> = []
        var logins: [String: Int] = [:]
        for index in 0..<size.users {
            var iamID: String
            repeat {
                iamID = "IBMid-" + rng.string(6, from: Array("0123456789")) + rng.string(4, from: alphabet)
            } while !seen.insert(iamID).inserted
            let first = rng.pick(Catalog.firstNames), last = rng.pick(Catalog.lastNames)
            let base = Catalog.login(first) + "." + Catalog.login(last)
            let n = (logins[base] ?? 0) + 1
            logins[base] = n
            let contractor = index > 0 && rng.chance(0.06)
            let email = base + (n == 1 ? "" : String(n)) + "@" + (contractor ? "contractor.example.net" : domain)
            let added = index == 0 ? accountStart : time(from: accountStart + SynthTime.day)
            users.append(UserRecord(iamID: iamID, first: first, last: last, email: email, added: added))
        }
        let adminCount = min(size.users - 1, 1 + max(1, size.users / 1500))
        admins = [0] + Array(1..<(1 + max(0, adminCount)))
    }

    func usersJSON() -> [JSON] {
        var rng = stream(0x5EED)
        return users.enumerated().map { index, user in
            let state = index == 0 ? "ACTIVE"
                : ["ACTIVE", "PENDING", "DISABLED_CLASSIC_INFRASTRUCTURE", "VPN_ONLY"][rng.weighted([16, 2, 1, 1])]
            let phone = rng.chance(0.6) ? "+1 512 555 " + SynthTime.pad(rng.int(10_000), 4) : ""
            return [
                "id": rng.hex(32),
                "iam_id": user.iamID,
                "realm": "IBMid",
                "user_id": user.email,
                "firstname": user.first,
                "lastname": user.last,
                "state": state,
                "email": user.email,
                "phonenumber": phone,
                "altphonenumber": "",
                "photo": "",
                "account_id": accountID,
                "added_on": SynthTime.seconds(user.added),
            ]
        }
    }

    // MARK: Resource groups and instances

    mutating func makeResourceGroups() {
        var combos: [String] = []
        for team in Catalog.teams {
            for env in Catalog.environments { combos.append(Catalog.slug(team) + "-" + env) }
        }
        rng.shuffle(&combos)
        for index in 0..<max(1, size.resourceGroups) {
            let name = index == 0 ? "Default" : Self.uniqueName(index - 1, combos, separator: "-")
            let created = index == 0 ? accountStart + 7 : time(from: accountStart + SynthTime.day,
                                                               to: SynthTime.now - 30 * SynthTime.day)
            resourceGroups.append(ResourceGroupRecord(id: rng.hex(32), name: name, created: created))
        }
        var order = Array(resourceGroups.indices)
        rng.shuffle(&order)
        resourceGroupTable = ZipfTable(count: order.count, order: order)
        instancesByGroup = Array(repeating: [], count: resourceGroups.count)
    }

    func resourceGroupsJSON() -> [JSON] {
        let quota = String(accountID.reversed())
        return resourceGroups.enumerated().map { index, group in
            [
                "id": group.id,
                "crn": resourceGroupCRN(group.id),
                "account_id": accountID,
                "name": group.name,
                "state": "ACTIVE",
                "default": index == 0,
                "quota_id": quota,
                "quota_url": "/v2/quota_definitions/" + quota,
                "payment_methods_url": "/v2/resource_groups/\(group.id)/payment_methods",
                "resource_linkages": [Any](),
                "teams_url": "/v2/resource_groups/\(group.id)/teams",
                "created_at": SynthTime.millis(group.created, index * 37 % 1000),
                "updated_at": SynthTime.millis(group.created, index * 37 % 1000),
            ]
        }
    }

    mutating func makeInstances() {
        instancesByService = Array(repeating: [], count: Catalog.services.count)
        let weights = Catalog.services.map(\.weight)
        let core = Catalog.coreServices.compactMap { name in Catalog.services.firstIndex { $0.name == name } }
        var names: [String: Int] = [:]
        let clusterAlphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        for index in 0..<size.instances {
            let service = index < core.count ? core[index] : rng.weighted(weights)
            let spec = Catalog.services[service]
            let group = resourceGroupTable.draw(&rng)
            let region = spec.global ? "global" : regions[regionTable.draw(&rng)]
            let guid = spec.clusterIDs ? rng.string(20, from: clusterAlphabet) : rng.uuid()
            let crn = "crn:v1:bluemix:public:\(spec.name):\(region):a/\(accountID):\(guid)::"
            let groupName = resourceGroups[group].name
            let base = spec.short + "-" + (group == 0 ? "shared" : groupName)
            let n = (names[base] ?? 0) + 1
            names[base] = n
            let created = time(from: max(accountStart, resourceGroups[group].created) + SynthTime.hour)
            instances.append(InstanceRecord(guid: guid, crn: crn, name: n == 1 ? base : "\(base)-\(n)",
                                            service: service, resourceGroup: group, created: created))
            instancesByGroup[group].append(index)
            instancesByService[service].append(index)
        }
    }

    func instancesJSON() -> [JSON] {
        var rng = stream(0x1257)
        let catalogIDs = Catalog.services.map { _ in rng.uuid() }
        let planIDs = Catalog.services.map { _ in [rng.uuid(), rng.uuid()] }
        return instances.map { instance in
            let spec = Catalog.services[instance.service]
            let group = resourceGroups[instance.resourceGroup]
            let region = instance.crn.split(separator: ":", omittingEmptySubsequences: false)[5]
            let plan = planIDs[instance.service][rng.int(2)]
            let creator = users[rng.chance(0.5) ? admins[rng.int(admins.count)] : rng.int(users.count)].iamID
            let created = SynthTime.nanos(instance.created, rng.int(1_000_000_000))
            let updatedTime = rng.chance(0.3) ? instance.created : time(from: instance.created, rng: &rng)
            let updated = SynthTime.nanos(updatedTime, rng.int(1_000_000_000))
            let state = rng.chance(0.97) ? "active" : (rng.chance(0.5) ? "inactive" : "provisioning")
            let escaped = instance.crn.replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: "/", with: "%2F")
            return [
                "id": instance.crn,
                "guid": instance.guid,
                "crn": instance.crn,
                "url": "/v2/resource_instances/" + instance.guid,
                "name": instance.name,
                "region_id": region,
                "account_id": accountID,
                "resource_group_id": group.id,
                "resource_group_crn": resourceGroupCRN(group.id),
                "resource_id": spec.clusterIDs || spec.name.hasPrefix("databases-") ? spec.name : catalogIDs[instance.service],
                "resource_plan_id": plan,
                "target_crn": "crn:v1:bluemix:public:globalcatalog::::deployment:\(plan)%3A\(region)",
                "state": state,
                "type": "service_instance",
                "sub_type": spec.clusterIDs ? "kubernetes" as Any : NSNull(),
                "locked": false,
                "allow_cleanup": false,
                "created_at": created,
                "created_by": creator,
                "updated_at": updated,
                "updated_by": creator,
                "deleted_at": NSNull(),
                "deleted_by": "",
                "scheduled_reclaim_at": NSNull(),
                "restored_at": NSNull(),
                "dashboard_url": "https://cloud.ibm.com/services/\(spec.name)/\(escaped)",
                "last_operation": [
                    "type": "create", "state": "succeeded", "async": false,
                    "description": "Completed create instance operation", "updated_at": created,
                ] as JSON,
                "plan_history": [["resource_plan_id": plan, "start_date": created] as JSON],
                "parameters": JSON(),
                "resource_keys_url": "/v2/resource_instances/\(instance.guid)/resource_keys",
            ]
        }
    }

    func time(from: Int, rng: inout SplitMix64) -> Int {
        from + rng.int(max(1, SynthTime.now - SynthTime.hour - from))
    }

    // MARK: Service IDs and trusted profiles

    mutating func makeServiceIDs() {
        var combos: [String] = []
        for team in Catalog.teams {
            for purpose in Catalog.serviceIDPurposes { combos.append(Catalog.slug(team) + "-" + purpose.0) }
        }
        rng.shuffle(&combos)
        for index in 0..<size.serviceIDs {
            let name = Self.uniqueName(index, combos, separator: "-")
            let purpose = Catalog.serviceIDPurposes.first { name.contains($0.0) }?.1 ?? "Automation"
            serviceIDs.append(ServiceIDRecord(uuid: rng.uuid(), name: name, description: purpose,
                                              created: time(from: accountStart + SynthTime.day)))
        }
    }

    func serviceIDsJSON() -> [JSON] {
        var rng = stream(0x51D5)
        return serviceIDs.map { sid in
            let modified = rng.chance(0.6) ? sid.created : time(from: sid.created, rng: &rng)
            var uniqueCRNs: [Any] = []
            if rng.chance(0.1), !instances.isEmpty { uniqueCRNs.append(instances[rng.int(instances.count)].crn) }
            return [
                "id": sid.id,
                "iam_id": sid.iamID,
                "entity_tag": "\(1 + rng.int(4))-" + rng.hex(32),
                "crn": "crn:v1:bluemix:public:iam-identity::a/\(accountID)::serviceid:\(sid.id)",
                "locked": rng.chance(0.05),
                "created_at": SynthTime.identity(sid.created),
                "modified_at": SynthTime.identity(modified),
                "account_id": accountID,
                "name": sid.name,
                "description": sid.description,
                "unique_instance_crns": uniqueCRNs,
                "history": [Any](),
            ]
        }
    }

    mutating func makeProfiles() {
        var teams = Catalog.teams.map(Catalog.slug)
        rng.shuffle(&teams)
        var workloads: [String] = []
        for team in teams {
            for workload in Catalog.workloads { workloads.append(team + "-" + workload) }
        }
        rng.shuffle(&workloads)
        var used: [ProfileKind: Int] = [:]
        for index in 0..<size.profiles {
            let kind: ProfileKind = index == 0 ? .federated : index == 1 ? .compute
                : [ProfileKind.federated, .compute, .compute, .identities][rng.int(4)]
            let n = used[kind, default: 0]
            used[kind] = n + 1
            let name: String
            let description: String
            switch kind {
            case .federated:
                name = "federated-" + Self.uniqueName(n, teams, separator: "-")
                description = "Users signing in through the \(accountName) SAML IdP"
            case .compute:
                name = Self.uniqueName(n, workloads, separator: "-") + "-workload"
                description = "Workloads that assume this profile to call IBM Cloud APIs"
            case .identities:
                name = Self.uniqueName(n, teams.reversed(), separator: "-") + "-break-glass"
                description = "Named identities may assume it in incidents"
            }
            profiles.append(ProfileRecord(uuid: rng.uuid(), name: name, description: description,
                                          created: time(from: accountStart + SynthTime.day), kind: kind))
        }
    }

    func profilesJSON() -> [JSON] {
        var rng = stream(0x960F)
        let imsAccount = 1_000_000 + Int(accountStart % 8_000_000)
        return profiles.map { profile in
            [
                "id": profile.id,
                "iam_id": profile.iamID,
                "entity_tag": "\(1 + rng.int(5))-" + rng.hex(32),
                "crn": "crn:v1:bluemix:public:iam-identity::a/\(accountID)::profile:\(profile.id)",
                "name": profile.name,
                "description": profile.description,
                "created_at": SynthTime.identity(profile.created),
                "modified_at": SynthTime.identity(rng.chance(0.5) ? profile.created : time(from: profile.created, rng: &rng)),
                "account_id": accountID,
                "ims_account_id": imsAccount,
                "ims_user_id": 0,
            ]
        }
    }

    /// Links, claim rules and identities per profile.
    mutating func makeProfileParts() -> (links: JSON, rules: JSON, identities: JSON) {
        var links = JSON(), rules = JSON(), identities = JSON()
        let clusterService = Catalog.services.firstIndex { $0.name == "containers-kubernetes" }!
        let engineService = Catalog.services.firstIndex { $0.name == "codeengine" }!
        for (index, profile) in profiles.enumerated() {
            var profileLinks: [JSON] = [], profileRules: [JSON] = [], profileIdentities: [JSON] = []
            let stamp = { (g: inout Generator) -> (String, String) in
                let created = g.time(from: profile.created)
                return (SynthTime.identity(created), SynthTime.identity(g.rng.chance(0.7) ? created : g.time(from: created)))
            }
            switch profile.kind {
            case .federated:
                for ruleIndex in 0..<(rng.chance(0.3) ? 2 : 1) {
                    let team = Catalog.slug(rng.pick(Catalog.teams))
                    var conditions: [JSON] = [["claim": "groups", "operator": "CONTAINS", "value": "\"\(team)-cloud\""]]
                    if rng.chance(0.4) {
                        conditions.append(["claim": "employeeType", "operator": "NOT_EQUALS_IGNORE_CASE",
                                           "value": "\"contractor\""])
                    }
                    let (created, modified) = stamp(&self)
                    profileRules.append([
                        "id": "ClaimRule-" + rng.uuid(), "entity_tag": "1-" + rng.hex(32),
                        "created_at": created, "modified_at": modified,
                        "name": ruleIndex == 0 ? "\(team) engineers" : "\(team) engineers (second IdP group)",
                        "type": "Profile-SAML", "realm_name": idp, "expiration": [3600, 14400, 43200][rng.int(3)],
                        "conditions": conditions,
                    ])
                }
            case .compute:
                for _ in 0..<rng.int(in: 1...3) {
                    let (created, modified) = stamp(&self)
                    let workload = rng.pick(Catalog.workloads)
                    var item: JSON = ["id": "ProfileLink-" + rng.uuid(), "entity_tag": "1-" + rng.hex(32),
                                      "created_at": created, "modified_at": modified, "is_cross_account": false]
                    switch rng.int(10) {
                    case 0..<6 where !instancesByService[clusterService].isEmpty:
                        let cluster = instances[rng.pick(instancesByService[clusterService])]
                        let namespace = Catalog.slug(rng.pick(Catalog.teams))
                        item["name"] = "\(namespace)-\(workload)"
                        item["cr_type"] = "IKS_SA"
                        item["link"] = ["crn": cluster.crn, "namespace": namespace, "name": workload + "-sa"] as JSON
                    case 6..<8 where !instancesByService[engineService].isEmpty:
                        let project = instances[rng.pick(instancesByService[engineService])]
                        item["name"] = "ce-\(workload)"
                        item["cr_type"] = "CE"
                        item["link"] = ["crn": project.crn, "component_type": "application",
                                        "component_name": workload] as JSON
                    default:
                        let region = regions[regionTable.draw(&rng)]
                        item["name"] = "vsi-\(workload)"
                        item["cr_type"] = "VSI"
                        item["link"] = [
                            "crn": "crn:v1:bluemix:public:is:\(region)-\(1 + rng.int(3)):a/\(accountID)::instance:"
                                + "0717_" + rng.uuid(),
                        ] as JSON
                    }
                    profileLinks.append(item)
                }
                if rng.chance(0.4) {
                    let (created, modified) = stamp(&self)
                    let namespace = Catalog.slug(rng.pick(Catalog.teams))
                    profileRules.append([
                        "id": "ClaimRule-" + rng.uuid(), "entity_tag": "1-" + rng.hex(32),
                        "created_at": created, "modified_at": modified,
                        "name": "pods in \(namespace)", "type": "Profile-CR", "cr_type": "IKS_SA", "expiration": 3600,
                        "conditions": [
                            ["claim": "namespace", "operator": "EQUALS", "value": "\"\(namespace)\""] as JSON,
                        ],
                    ])
                }
            case .identities:
                break
            }
            // The first compute profile always names identities too, so every size has some.
            if profile.kind == .identities || index == 1 || rng.chance(0.2) {
                var seen: Set<String> = []
                for _ in 0..<rng.int(in: 1...4) {
                    let item: JSON
                    if rng.chance(0.7) || serviceIDs.isEmpty {
                        let user = users[rng.int(users.count)]
                        item = ["iam_id": user.iamID, "identifier": user.iamID, "type": "user",
                                "accounts": [accountID], "description": "May assume \(profile.name)"]
                    } else {
                        let sid = serviceIDs[rng.int(serviceIDs.count)]
                        item = ["iam_id": sid.iamID, "identifier": sid.id, "type": "serviceid",
                                "accounts": [accountID], "description": "Automation assumes \(profile.name)"]
                    }
                    if seen.insert(item["iam_id"] as! String).inserted { profileIdentities.append(item) }
                }
            }
            links[profile.id] = profileLinks
            rules[profile.id] = profileRules
            identities[profile.id] = profileIdentities
        }
        return (links, rules, identities)
    }

    // MARK: Access groups

    mutating func makeGroups() {
        var combos: [String] = []
        for team in Catalog.teams {
            for function in Catalog.functions { combos.append(team + " " + function) }
        }
        rng.shuffle(&combos)
        groups.append(GroupRecord(id: "AccessGroupId-PublicAccess", name: "Public Access", created: accountStart,
                                  homeGroup: 0))
        if size.accessGroups > 1 {
            groups.append(GroupRecord(id: "AccessGroupId-" + rng.uuid(), name: "Account Admins",
                                      created: accountStart + 600, homeGroup: 0))
        }
        for index in 0..<max(0, size.accessGroups - 2) {
            groups.append(GroupRecord(id: "AccessGroupId-" + rng.uuid(),
                                      name: Self.uniqueName(index, combos, separator: " "),
                                      created: time(from: accountStart + SynthTime.day, to: SynthTime.now - 7 * SynthTime.day),
                                      homeGroup: resourceGroupTable.draw(&rng)))
        }
        members = Array(repeating: [], count: groups.count)
        memberIDs = Array(repeating: [], count: groups.count)
        groupRules = Array(repeating: [], count: groups.count)
        // Team groups (2…) drawn with power-law weights in a random order: a few big groups, a long tail.
        var order = Array(2..<max(2, groups.count))
        rng.shuffle(&order)
        groupSizeTable = ZipfTable(count: order.count, order: order)
        // About 4% of the team groups (at least one) were set up and never given a policy.
        for index in 2..<max(2, groups.count) where rng.chance(0.04) { groupsWithoutPolicies.insert(index) }
        if groupsWithoutPolicies.isEmpty, groups.count > 4 { groupsWithoutPolicies.insert(2 + rng.int(groups.count - 2)) }
    }

    func groupsJSON() -> [JSON] {
        var rng = stream(0x6A0F)
        return groups.enumerated().map { index, group in
            let owner = users[0].iamID
            var item: JSON = [
                "id": group.id,
                "name": group.name,
                "account_id": accountID,
                "created_at": SynthTime.seconds(group.created),
                "created_by_id": index < 2 ? owner : users[admins[rng.int(admins.count)]].iamID,
                "last_modified_at": SynthTime.seconds(rng.chance(0.5) ? group.created : time(from: group.created, rng: &rng)),
                "last_modified_by_id": index < 2 ? owner : users[admins[rng.int(admins.count)]].iamID,
                "href": "\(iam)/v2/groups/\(group.id)",
                "is_federated": !groupRules[index].isEmpty,
            ]
            switch index {
            case 0: item["description"] = "Access for all users, including unauthenticated ones"
            case 1: item["description"] = "Account administrators"
            default: if rng.chance(0.8) { item["description"] = "\(group.name) (\(resourceGroups[group.homeGroup].name))" }
            }
            return item
        }
    }

    mutating func addMember(_ group: Int, type: String, iamID: String, name: String, email: String?,
                            description: String, since: Int, dynamicRule: (id: String, hours: Int)? = nil) {
        guard memberIDs[group].insert(iamID).inserted else { return }
        var item: JSON = [
            "iam_id": iamID,
            "type": type,
            "membership_type": dynamicRule == nil ? "static" : "dynamic",
            "name": name,
            "description": description,
            "href": "\(iam)/v2/groups/\(groups[group].id)/members/\(iamID)",
        ]
        if let email { item["email"] = email }
        if let rule = dynamicRule {
            let created = SynthTime.now - rng.int(rule.hours * SynthTime.hour)
            item["created_at"] = SynthTime.seconds(created)
            item["created_by_id"] = rule.id
            item["expires_at"] = SynthTime.seconds(created + rule.hours * SynthTime.hour)
        } else {
            let from = max(since, groups[group].created) + 60
            // Admins joined their group early on; everyone else at any time since.
            let joined = group == 1 ? from + rng.int(30 * SynthTime.day) : time(from: from)
            item["created_at"] = SynthTime.seconds(min(joined, SynthTime.now - SynthTime.hour))
            item["created_by_id"] = users[admins[rng.int(admins.count)]].iamID
        }
        members[group].append(item)
    }

    mutating func addUser(_ user: Int, to group: Int, dynamicRule: (id: String, hours: Int)? = nil) {
        let record = users[user]
        addMember(group, type: "user", iamID: record.iamID, name: record.first + " " + record.last, email: record.email,
                  description: "", since: record.added, dynamicRule: dynamicRule)
    }

    mutating func makeMemberships() {
        guard groups.count > 1 else { return }
        for admin in admins { addUser(admin, to: 1) }
        guard !groupSizeTable.isEmpty else { return }
        // Users: 0…5 groups each (about 10% in none), each group drawn with power-law weights.
        // The last user (a contractor with direct policies, say) is in no group.
        for user in 1..<max(1, users.count - 1) {
            let count = rng.weighted([10, 38, 28, 14, 6, 4])
            for _ in 0..<count { addUser(user, to: groupSizeTable.draw(&rng)) }
        }
        for sid in serviceIDs where rng.chance(0.55) {
            for _ in 0..<(rng.chance(0.2) ? 2 : 1) {
                addMember(groupSizeTable.draw(&rng), type: "service", iamID: sid.iamID, name: sid.name, email: nil,
                          description: sid.description, since: sid.created)
            }
        }
        for profile in profiles where rng.chance(0.5) {
            addMember(groupSizeTable.draw(&rng), type: "profile", iamID: profile.iamID, name: profile.name,
                      email: nil, description: profile.description, since: profile.created)
        }
    }

    /// Dynamic rules on about 5% of the team groups (at least one), each with a few federated users as members.
    mutating func makeGroupRules() {
        guard groups.count > 2 else { return }
        var ruled = (2..<groups.count).filter { _ in rng.chance(0.05) }
        while ruled.count < (groups.count >= 10 ? 2 : 1) {
            let group = 2 + rng.int(groups.count - 2)
            if !ruled.contains(group) { ruled.append(group) }
        }
        for group in ruled {
            for ruleIndex in 0..<(rng.chance(0.2) ? 2 : 1) {
                let id = "ClaimRule-" + rng.uuid()
                let hours = rng.int(in: 1...24)
                let claimValue = Catalog.slug(groups[group].name)
                var conditions: [JSON] = [
                    ["claim": "groups", "operator": ruleIndex == 0 ? "CONTAINS" : "IN", "value": "\"\(claimValue)\""],
                ]
                if rng.chance(0.3) {
                    conditions.append(["claim": "department", "operator": "EQUALS_IGNORE_CASE",
                                       "value": "\"\(Catalog.slug(rng.pick(Catalog.teams)))\""])
                }
                let created = time(from: groups[group].created)
                let by = users[admins[rng.int(admins.count)]].iamID
                groupRules[group].append([
                    "id": id,
                    "name": "IdP group \(claimValue)" + (ruleIndex == 0 ? "" : " (contractors)"),
                    "expiration": hours,
                    "realm_name": idp,
                    "access_group_id": groups[group].id,
                    "account_id": accountID,
                    "conditions": conditions,
                    "created_at": SynthTime.seconds(created),
                    "created_by_id": by,
                    "last_modified_at": SynthTime.seconds(created),
                    "last_modified_by_id": by,
                ])
                // Federated users matching the rule right now; never one that is a static member already.
                for _ in 0..<rng.int(in: 1...min(12, 3 + users.count / 1000)) {
                    for _ in 0..<8 {
                        let user = rng.int(users.count)
                        if user != users.count - 1, !memberIDs[group].contains(users[user].iamID) {
                            addUser(user, to: group, dynamicRule: (id, hours))
                            break
                        }
                    }
                }
            }
        }
    }

    // MARK: Roles

    mutating func makeRoles() {
        for spec in Catalog.customRoles.prefix(size.customRoles) {
            customRoleNames.append(spec.0)
            customRolesByService[spec.3, default: []].append(spec.0)
        }
    }

    func rolesJSON() -> JSON {
        var rng = stream(0x7011)
        let system: [JSON] = Catalog.platformRoles.map {
            ["crn": platformRole($0.0), "display_name": $0.0, "description": $0.1, "actions": $0.2]
        }
        var service: [JSON] = Catalog.genericServiceRoles.map {
            ["crn": serviceRole($0.0), "display_name": $0.0, "description": $0.1, "actions": $0.2]
        }
        for (index, spec) in Catalog.services.enumerated() where !instancesByService[index].isEmpty {
            for role in spec.roles {
                service.append(["crn": specificRole(spec.name, role.0), "display_name": role.1,
                                "description": "As a \(role.1), you can perform \(spec.short) actions: "
                                    + role.2.joined(separator: ", ") + ".",
                                "actions": role.2])
            }
        }
        let custom: [JSON] = Catalog.customRoles.prefix(size.customRoles).map { spec in
            let id = rng.uuid()
            let created = time(from: accountStart + 30 * SynthTime.day, rng: &rng)
            let by = users[admins[rng.int(admins.count)]].iamID
            return [
                "id": id, "name": spec.0, "display_name": spec.1, "description": spec.2, "account_id": accountID,
                "service_name": spec.3, "actions": spec.4, "crn": customRole(spec.0),
                "created_at": SynthTime.millis(created, rng.int(1000)), "created_by_id": by,
                "last_modified_at": SynthTime.millis(created, rng.int(1000)), "last_modified_by_id": by,
                "href": "\(iam)/v2/roles/\(id)",
            ]
        }
        return ["system_roles": system, "service_roles": service, "custom_roles": custom]
    }

    /// Roles for a grant on a service (or on all services when `service` is nil), at a random level.
    mutating func serviceGrant(_ service: Int?, custom forceCustom: Bool = false) -> [String] {
        let level = rng.weighted([55, 30, 15])
        var roles: [String]
        switch level {
        case 0: roles = [[platformRole("Viewer"), serviceRole("Reader")], [serviceRole("Reader")],
                         [platformRole("Viewer")]][rng.weighted([6, 3, 1])]
        case 1: roles = [[platformRole("Editor"), serviceRole("Writer")], [platformRole("Operator"), serviceRole("Writer")],
                         [serviceRole("Writer")]][rng.int(3)]
        default: roles = rng.chance(0.7) ? [platformRole("Administrator"), serviceRole("Manager")] : [serviceRole("Manager")]
        }
        if let service {
            let spec = Catalog.services[service]
            if !spec.roles.isEmpty, rng.chance(0.15) {
                roles = [specificRole(spec.name, rng.pick(spec.roles).0)] + (rng.chance(0.5) ? [platformRole("Viewer")] : [])
            }
            if let customs = customRolesByService[spec.name], forceCustom || rng.chance(0.08) {
                roles = [customRole(rng.pick(customs))] + (rng.chance(0.3) ? [platformRole("Viewer")] : [])
            }
        }
        return roles
    }

    // MARK: Access policies

    mutating func policy(type: String, subject: [JSON], roles: [String], resource: [JSON], tags: [JSON] = [],
                         description: String?, created: Int, rule: JSON? = nil, pattern: String? = nil,
                         usage: Double = 0.85) -> JSON {
        let id = rng.uuid()
        let by = users[admins[rng.int(admins.count)]].iamID
        let createdText = SynthTime.millis(created, rng.int(1000))
        var resourceObject: JSON = ["attributes": [eq("accountId", accountID)] + resource]
        if !tags.isEmpty { resourceObject["tags"] = tags }
        var item: JSON = [
            "id": id,
            "type": type,
            "state": "active",
            "subject": ["attributes": subject] as JSON,
            "control": ["grant": ["roles": roles.map { ["role_id": $0] as JSON }] as JSON] as JSON,
            "resource": resourceObject,
            "href": "\(iam)/v2/policies/\(id)",
            "created_at": createdText,
            "created_by_id": by,
            "last_modified_at": rng.chance(0.8) ? createdText : SynthTime.millis(time(from: created), rng.int(1000)),
            "last_modified_by_id": by,
        ]
        if let description { item["description"] = description }
        if let rule { item["rule"] = rule }
        if let pattern { item["pattern"] = pattern }
        if rng.chance(usage) {
            // Most uses are recent; old ones are rarer (cube of a uniform skews towards now).
            let u = rng.unit()
            let span = Double(SynthTime.now - 60 - created)
            item["last_permit_at"] = SynthTime.millis(SynthTime.now - 60 - Int(span * u * u * u), rng.int(1000))
            item["last_permit_frequency"] = 1 + rng.int([10, 100, 1_000, 10_000, 100_000][rng.weighted([30, 30, 22, 12, 6])])
        }
        return item
    }

    mutating func timeRule() -> (JSON, String) {
        let offset = ["+00:00", "+01:00", "-05:00", "+05:30", "+09:00"][rng.int(5)]
        let weekdays = (1...5).map { "\($0)\(offset)" }
        switch rng.int(3) {
        case 0:
            let start = 6 + rng.int(4), end = 16 + rng.int(4)
            return (["operator": "and", "conditions": [
                ["key": "{{environment.attributes.day_of_week}}", "operator": "dayOfWeekAnyOf", "value": weekdays] as JSON,
                ["key": "{{environment.attributes.current_time}}", "operator": "timeGreaterThanOrEquals",
                 "value": SynthTime.pad(start, 2) + ":00:00" + offset] as JSON,
                ["key": "{{environment.attributes.current_time}}", "operator": "timeLessThanOrEquals",
                 "value": SynthTime.pad(end, 2) + ":00:00" + offset] as JSON,
            ]], "time-based-conditions:weekly:custom-hours")
        case 1:
            return (["key": "{{environment.attributes.day_of_week}}", "operator": "dayOfWeekAnyOf", "value": weekdays],
                    "time-based-conditions:weekly:all-day")
        default:
            let start = SynthTime.now - rng.int(60) * SynthTime.day
            let end = start + (1 + rng.int(90)) * SynthTime.day
            return (["operator": "and", "conditions": [
                ["key": "{{environment.attributes.current_date_time}}", "operator": "dateTimeGreaterThanOrEquals",
                 "value": SynthTime.date(start) + "T00:00:00" + offset] as JSON,
                ["key": "{{environment.attributes.current_date_time}}", "operator": "dateTimeLessThanOrEquals",
                 "value": SynthTime.date(end) + "T23:59:59" + offset] as JSON,
            ]], "time-based-conditions:once")
        }
    }

    /// An instance for a subject: from its home resource group when it has one, else anywhere.
    mutating func instance(near group: Int?, matching predicate: ((InstanceRecord) -> Bool)? = nil) -> Int? {
        if let group, !instancesByGroup[group].isEmpty {
            for _ in 0..<4 {
                let candidate = rng.pick(instancesByGroup[group])
                if predicate?(instances[candidate]) ?? true { return candidate }
            }
        }
        for _ in 0..<16 {
            let candidate = rng.int(instances.count)
            if predicate?(instances[candidate]) ?? true { return candidate }
        }
        return nil
    }

    /// A weighted service that has instances.
    mutating func anyService() -> Int {
        instances[rng.int(instances.count)].service
    }

    mutating func makeAccessPolicies() -> [JSON] {
        var policies: [JSON] = []
        let owner = users[0]
        let admin = groups.count > 1 ? 1 : 0
        // The owner and the admins hold full account administration.
        policies.append(policy(type: "access", subject: [eq("iam_id", owner.iamID)],
                               roles: [platformRole("Administrator"), serviceRole("Manager")],
                               resource: [eq("serviceType", "service")],
                               description: "Owner: all IAM-enabled services", created: owner.added + 900, usage: 1))
        if admin == 1 {
            policies.append(policy(type: "access", subject: [eq("access_group_id", groups[1].id)],
                                   roles: [platformRole("Administrator"), serviceRole("Manager")],
                                   resource: [eq("serviceType", "service")],
                                   description: "Account Admins: all IAM-enabled services", created: groups[1].created + 60,
                                   usage: 1))
            policies.append(policy(type: "access", subject: [eq("access_group_id", groups[1].id)],
                                   roles: [platformRole("Administrator")], resource: [eq("serviceType", "platform_service")],
                                   description: "Account Admins: all account management services",
                                   created: groups[1].created + 120, usage: 1))
        }
        // Public Access: anyone, unauthenticated included, reads a few public buckets.
        let cos = Catalog.services.firstIndex { $0.name == "cloud-object-storage" }!
        for index in 0..<min(4, max(1, size.accessPolicies / 10_000 + (size.accessPolicies >= 100 ? 1 : 0))) {
            guard let bucketOwner = instancesByService[cos].first.map({ instances[$0] }) else { break }
            policies.append(policy(type: "access", subject: [eq("access_group_id", groups[0].id)],
                                   roles: [specificRole("cloud-object-storage", "ContentReader")],
                                   resource: [eq("serviceName", "cloud-object-storage"),
                                              eq("serviceInstance", bucketOwner.guid), eq("resourceType", "bucket"),
                                              eq("resource", "public-assets" + (index == 0 ? "" : "-\(index + 1)"))],
                                   description: "Public website assets", created: time(from: bucketOwner.created)))
        }
        // Policies on instances that were deleted since (the guids resolve to nothing).
        let deletedCount = max(1, size.accessPolicies / 120)
        let deleted: [(service: Int, guid: String)] = (0..<max(1, deletedCount * 2 / 3)).map { _ in
            let service = rng.pick(Catalog.coreServices.compactMap { name in
                Catalog.services.firstIndex { $0.name == name && !$0.clusterIDs }
            })
            return (service, rng.uuid())
        }
        for _ in 0..<deletedCount {
            let target = rng.pick(deleted)
            let subject = pickSubject()
            let spec = Catalog.services[target.service]
            policies.append(policy(type: "access", subject: subjectAttributes(subject), roles: serviceGrant(target.service),
                                   resource: [eq("serviceName", spec.name), eq("serviceInstance", target.guid)],
                                   description: "\(subjectName(subject)): \(spec.short)-\(Catalog.slug(rng.pick(Catalog.teams)))"
                                       + " (deleted)", created: time(from: subjectSince(subject)),
                                   usage: 0.5))
        }
        // One of each kind first, so that even the smallest account shows every feature.
        let lastUser = users.count - 1
        let someGroup = { (g: inout Generator) -> Subject in
            guard g.groups.count > 2 else { return .user(g.rng.int(g.users.count)) }
            var group = 2 + g.rng.int(g.groups.count - 2)
            while g.groupsWithoutPolicies.contains(group) { group = 2 + (group - 1) % (g.groups.count - 2) }
            return .group(group)
        }
        var showcase: [(Subject, Scope, Extras)] = [
            (.user(lastUser), .serviceInGroup, Extras()),
            (.user(admins.count < users.count - 1 ? admins.count : 0), .instance, Extras()),
            (someGroup(&self), .resourceGroupItself, Extras()),
            (someGroup(&self), .managementService, Extras()),
            (someGroup(&self), .resourceGroupWide, Extras()),
            (someGroup(&self), .wildcard, Extras()),
            (someGroup(&self), .instancePart, Extras()),
            (someGroup(&self), .serviceInAccount, Extras(time: true)),
            (someGroup(&self), .serviceInGroup, Extras(tags: true)),
        ]
        if !customRoleNames.isEmpty { showcase.append((someGroup(&self), .instance, Extras(custom: true))) }
        if !serviceIDs.isEmpty {
            showcase.append((.serviceID(0), .serviceInGroup, Extras()))
            showcase.append((.serviceID(serviceIDs.count - 1), .instance, Extras()))
        }
        if !profiles.isEmpty { showcase.append((.profile(profiles.count - 1), .serviceInRegion, Extras())) }
        for (subject, scope, extras) in showcase where policies.count < size.accessPolicies {
            policies.append(randomPolicy(subject: subject, scope: scope, extras: extras))
        }
        while policies.count < size.accessPolicies {
            policies.append(randomPolicy())
        }
        return policies
    }

    mutating func pickSubject() -> Subject {
        let kind = rng.weighted([72, 16, 9, 3])
        switch kind {
        case 0 where groups.count > 2:
            var group: Int
            var tries = 0
            repeat {
                group = rng.chance(0.5) ? groupSizeTable.draw(&rng) : 2 + rng.int(groups.count - 2)
                tries += 1
            } while groupsWithoutPolicies.contains(group) && tries < 8
            return groupsWithoutPolicies.contains(group) ? .user(rng.int(users.count)) : .group(group)
        case 2 where !serviceIDs.isEmpty: return .serviceID(rng.int(serviceIDs.count))
        case 3 where !profiles.isEmpty: return .profile(rng.int(profiles.count))
        default: return .user(rng.int(users.count))
        }
    }

    func subjectAttributes(_ subject: Subject) -> [JSON] {
        switch subject {
        case .group(let g): [eq("access_group_id", groups[g].id)]
        case .user(let u): [eq("iam_id", users[u].iamID)]
        case .serviceID(let s): [eq("iam_id", serviceIDs[s].iamID)]
        case .profile(let p): [eq("iam_id", profiles[p].iamID)]
        }
    }

    func subjectName(_ subject: Subject) -> String {
        switch subject {
        case .group(let g): groups[g].name
        case .user(let u): users[u].first + " " + users[u].last
        case .serviceID(let s): serviceIDs[s].name
        case .profile(let p): profiles[p].name
        }
    }

    func subjectSince(_ subject: Subject) -> Int {
        switch subject {
        case .group(let g): groups[g].created
        case .user(let u): users[u].added
        case .serviceID(let s): serviceIDs[s].created
        case .profile(let p): profiles[p].created
        }
    }

    /// Features a showcase policy must have, whatever the dice say.
    struct Extras {
        var time = false
        var custom = false
        var tags = false
    }

    /// A policy of a random subject and scope (or the ones given), with roles and conditions to match.
    mutating func randomPolicy(subject forcedSubject: Subject? = nil, scope forcedScope: Scope? = nil,
                               extras: Extras = Extras()) -> JSON {
        let subject = forcedSubject ?? pickSubject()
        let weights: [Double]
        let home: Int?
        switch subject {
        //                allSvc allMgmt mgmtSvc rgWide rgSelf svcInRG svcAcct svcRegion inst instPart wildcard
        case .group(let g):
            weights = [1.5, 1.5, 5, 9, 8, 22, 6, 6, 35, 4, 2]
            home = rng.chance(0.7) ? groups[g].homeGroup : nil
        case .user:
            weights = [0.3, 0.5, 8, 4, 10, 15, 6, 6, 45, 4, 1]
            home = nil
        case .serviceID:
            weights = [0, 0, 2, 3, 2, 25, 8, 8, 50, 2, 0]
            home = nil
        case .profile:
            weights = [0, 0, 0, 0, 5, 20, 0, 15, 60, 0, 0]
            home = nil
        }
        let scope = forcedScope ?? Scope.allCases[rng.weighted(weights)]
        let group = home ?? resourceGroupTable.draw(&rng)
        var resource: [JSON] = []
        var tags: [JSON] = []
        var roles: [String]
        var target: String
        var pattern: String?
        switch scope {
        case .allServices:
            roles = serviceGrant(nil)
            resource = [eq("serviceType", "service")]
            target = "all IAM-enabled services"
        case .allManagement:
            roles = [platformRole(["Viewer", "Editor", "Administrator"][rng.weighted([5, 2, 3])])]
            resource = [eq("serviceType", "platform_service")]
            target = "all account management services"
        case .managementService:
            let (service, allowed) = rng.pick(Catalog.managementServices)
            roles = [platformRole(rng.pick(allowed))]
            resource = [eq("serviceName", service)]
            target = service
        case .resourceGroupWide:
            roles = serviceGrant(nil)
            resource = [eq("resourceGroupId", resourceGroups[group].id)]
            target = "everything in \(resourceGroups[group].name)"
        case .resourceGroupItself:
            roles = [platformRole(["Viewer", "Editor", "Administrator"][rng.weighted([8, 1, 1])])]
            resource = [eq("resourceType", "resource-group"), eq("resource", resourceGroups[group].id)]
            target = "resource group \(resourceGroups[group].name)"
        case .serviceInGroup:
            let service = instancesByGroup[group].isEmpty ? anyService() : instances[rng.pick(instancesByGroup[group])].service
            let name = Catalog.services[service].name
            roles = serviceGrant(service)
            resource = [eq("serviceName", name), eq("resourceGroupId", resourceGroups[group].id)]
            target = "\(name) in \(resourceGroups[group].name)"
            if extras.tags || rng.chance(0.03) { tags = [eq("env", rng.pick(Catalog.environments))] }
        case .serviceInAccount, .serviceInRegion:
            let service = anyService()
            let spec = Catalog.services[service]
            roles = serviceGrant(service)
            resource = [eq("serviceName", spec.name)]
            target = spec.name
            if scope == .serviceInRegion, !spec.global {
                let region = regions[regionTable.draw(&rng)]
                resource.append(eq("region", region))
                target += " in \(region)"
            }
            if rng.chance(0.05) { tags = [eq("team", Catalog.slug(rng.pick(Catalog.teams)))] }
        case .instance, .instancePart, .wildcard:
            let customs = Set(customRolesByService.keys)
            let wanted: ((InstanceRecord) -> Bool)? = extras.custom
                ? { customs.contains(Catalog.services[$0.service].name) }
                : scope == .instance ? nil : scope == .wildcard
                ? { ["cloud-object-storage", "messagehub"].contains(Catalog.services[$0.service].name) }
                : { Catalog.services[$0.service].resourceType != nil }
            let near = home ?? (rng.chance(0.5) ? group : nil)
            var found = instance(near: near, matching: wanted)
            if found == nil { found = instance(near: nil) }
            guard let index = found else { return randomPolicy() }
            let chosen = instances[index]
            let spec = Catalog.services[chosen.service]
            roles = serviceGrant(chosen.service, custom: extras.custom)
            resource = [eq("serviceName", spec.name), eq("serviceInstance", chosen.guid)]
            target = chosen.name
            if scope != .instance, let type = spec.resourceType {
                let prefix = Catalog.slug(rng.pick(Catalog.teams))
                if scope == .wildcard {
                    resource.append(eq("resourceType", type))
                    resource.append(["key": "resource", "operator": "stringMatch", "value": prefix + "-*"])
                    pattern = "attribute-based-condition:resource:literal-and-wildcard"
                    target += " \(type)s \(prefix)-*"
                } else if spec.clusterIDs {
                    resource.append(eq("namespace", prefix))
                    target += " namespace \(prefix)"
                } else {
                    let name = type == "bucket" || type == "topic" ? prefix + "-" + rng.pick(Catalog.workloads) : rng.uuid()
                    resource.append(eq("resourceType", type))
                    resource.append(eq("resource", name))
                    target += " \(type) \(name)"
                }
            }
        }
        var rule: JSON?
        if pattern == nil, extras.time || rng.chance(0.03) {
            let timed = timeRule()
            rule = timed.0
            pattern = timed.1
        }
        let roleNames = roles.map { $0.split(separator: ":").last.map(String.init) ?? $0 }.joined(separator: ", ")
        let description = rng.chance(0.9) ? "\(subjectName(subject)): \(roleNames) on \(target)" : nil
        let usage: Double = if case .group(let g) = subject, members[g].isEmpty { 0.1 } else { 0.85 }
        return policy(type: "access", subject: subjectAttributes(subject), roles: roles, resource: resource, tags: tags,
                      description: description, created: time(from: subjectSince(subject) + 300), rule: rule,
                      pattern: pattern, usage: usage)
    }

    // MARK: Authorization policies

    mutating func makeAuthorizationPolicies() -> [JSON] {
        let pairs = Catalog.authorizations.compactMap { pair -> (Int, Int, String)? in
            guard let source = Catalog.services.firstIndex(where: { $0.name == pair.0 }),
                  let target = Catalog.services.firstIndex(where: { $0.name == pair.1 }),
                  !instancesByService[source].isEmpty, !instancesByService[target].isEmpty else { return nil }
            return (source, target, pair.2)
        }
        guard !pairs.isEmpty else { return [] }
        var seen: Set<String> = []
        var result: [JSON] = []
        let wanted = max(2, size.instances * 3 / 100)
        var attempts = 0
        while result.count < wanted, attempts < wanted * 4 {
            attempts += 1
            let (source, target, role) = rng.pick(pairs)
            let from = instances[rng.pick(instancesByService[source])]
            let sameGroup = instancesByGroup[from.resourceGroup].filter { instances[$0].service == target }
            let to = instances[sameGroup.isEmpty || rng.chance(0.3) ? rng.pick(instancesByService[target]) : rng.pick(sameGroup)]
            let sourceName = Catalog.services[source].name, targetName = Catalog.services[target].name
            var subject = [eq("serviceName", sourceName), eq("accountId", accountID)]
            let wholeSource = rng.chance(0.2)
            if !wholeSource { subject.append(eq("serviceInstance", from.guid)) }
            var resource = [eq("serviceName", targetName)]
            let wholeTarget = rng.chance(0.25)
            if !wholeTarget { resource.append(eq("serviceInstance", to.guid)) }
            let key = "\(sourceName)|\(wholeSource ? "*" : from.guid)|\(targetName)|\(wholeTarget ? "*" : to.guid)"
            guard seen.insert(key).inserted else { continue }
            let description = "\((wholeSource ? "all " + sourceName : from.name)) uses "
                + (wholeTarget ? "any \(targetName)" : to.name)
            result.append(policy(type: "authorization", subject: subject, roles: [serviceRole(role)], resource: resource,
                                 description: description, created: time(from: max(from.created, to.created)),
                                 usage: 0.9))
        }
        return result
    }

    // MARK: API keys and settings

    mutating func makeAPIKeys() -> [JSON] {
        var keys: [JSON] = []
        func key(_ g: inout Generator, owner: String, name: String, description: String, since: Int, by: String) -> JSON {
            let uuid = g.rng.uuid()
            let created = g.time(from: since + 60)
            var item: JSON = [
                "id": "ApiKey-" + uuid,
                "entity_tag": "\(1 + g.rng.int(3))-" + g.rng.hex(32),
                "crn": "crn:v1:bluemix:public:iam-identity::a/\(g.accountID)::apikey:ApiKey-\(uuid)",
                "name": name,
                "description": description,
                "iam_id": owner,
                "account_id": g.accountID,
                "created_at": SynthTime.identity(created),
                "created_by": by,
                "modified_at": SynthTime.identity(g.rng.chance(0.8) ? created : g.time(from: created)),
                "locked": g.rng.chance(0.1),
                "disabled": g.rng.chance(0.03),
                "action_when_leaked": ["disable", "disable", "delete", "none"][g.rng.int(4)],
                "support_sessions": false,
                "leaked": g.rng.chance(0.005),
            ]
            if g.rng.chance(0.4) { item["expires_at"] = SynthTime.identity(created + (90 + g.rng.int(640)) * SynthTime.day) }
            return item
        }
        for user in users.indices where user == 0 || rng.chance(0.25) {
            let record = users[user]
            let login = String(record.email.prefix { $0 != "@" })
            for n in 0..<(rng.chance(0.2) ? 2 : 1) {
                keys.append(key(&self, owner: record.iamID, name: login + (n == 0 ? "-cli" : "-terraform"),
                                description: n == 0 ? "Personal CLI key" : "Local terraform runs", since: record.added,
                                by: record.iamID))
            }
        }
        for sid in serviceIDs where rng.chance(0.75) {
            for n in 0..<rng.weighted([75, 18, 7]) + 1 {
                let by = users[admins[rng.int(admins.count)]].iamID
                keys.append(key(&self, owner: sid.iamID, name: sid.name + "-key" + (n == 0 ? "" : "-\(n + 1)"),
                                description: n == 0 ? "Used by \(sid.name)" : "Rotation \(n + 1)", since: sid.created,
                                by: by))
            }
        }
        return keys
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

        func add(_ kind: CollectionKind, _ content: Any) {
            collections.append(SyntheticAccount.Collection(kind: kind, content: content))
        }
        add(.account, [
            "id": accountID, "name": accountName, "owner": owner.email, "owner_userid": owner.email,
            "owner_iamid": owner.iamID, "type": size.users >= 1000 ? "SUBSCRIPTION" : "PAYG", "status": "ACTIVE",
            "team_directory_enabled": true, "traits": ["eu_supported": true, "poc": false, "hippa": false] as JSON,
        ] as JSON)
        add(.users, usersJSON())
        add(.serviceIDs, serviceIDsJSON())
        add(.trustedProfiles, profilesJSON())
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
        add(.accessPolicies, access)
        add(.authorizationPolicies, authorizations)
        add(.roles, rolesJSON())
        add(.policyTemplates, [Any]())
        add(.policyAssignments, [Any]())
        add(.resourceGroups, resourceGroupsJSON())
        add(.resourceInstances, instancesJSON())
        add(.apiKeys, apiKeys)
        add(.identitySettings, [
            "account_id": accountID, "entity_tag": "3-" + rng.hex(32),
            "restrict_create_service_id": "NOT_SET", "restrict_create_platform_apikey": "RESTRICTED",
            "allowed_ip_addresses": "", "mfa": size.users >= 1000 ? "TOTP" : "NONE", "user_mfa": mfaUsers,
            "session_expiration_in_seconds": "NOT_SET", "session_invalidation_in_seconds": "7200",
            "max_sessions_per_identity": "NOT_SET", "system_access_token_expiration_in_seconds": "NOT_SET",
            "system_refresh_token_expiration_in_seconds": "NOT_SET",
        ] as JSON)
    }
}
