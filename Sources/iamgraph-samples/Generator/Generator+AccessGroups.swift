/// Access groups, their members and dynamic rules.
extension Generator {
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
}
