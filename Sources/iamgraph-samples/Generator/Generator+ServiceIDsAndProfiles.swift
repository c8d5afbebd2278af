/// Service IDs and trusted profiles, with the profiles' links, claim rules and identities.
extension Generator {
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
}
