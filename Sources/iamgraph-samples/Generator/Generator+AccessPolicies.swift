/// Access policies: who they are for and what they name.
extension Generator {
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
}
