import Model

/// The entities of one snapshot as a diff compares them: for each kind, records of the fields that matter for access,
/// named from the snapshot itself.
struct EntityRecords {
    let index: AccessIndex
    /// Whether volatile fields are compared: policies' last permit, dynamic memberships' expiry.
    let includeUsage: Bool
    /// When identities' activity is compared: the inactive-identities report, as "inactive since …" by IAM id and id.
    private let activity: [String: String]?

    private var account: IAMAccount { index.account }

    init(_ index: AccessIndex, includeUsage: Bool, includeActivity: Bool) {
        self.index = index
        self.includeUsage = includeUsage
        guard includeActivity, let report = index.account.activity else {
            activity = nil
            return
        }
        var activity: [String: String] = [:]
        for entry in [report.users, report.serviceids, report.profiles].compactMap({ $0 }).joined() {
            let text = entry.lastAuthn.map { "inactive since \($0.raw)" } ?? "inactive, never authenticated"
            for key in [entry.iamID, entry.id].compactMap({ $0 }) { activity[key] = text }
        }
        self.activity = activity
    }

    /// The changes of `kind` from `old`'s entities to `new`'s, sorted by label and id. Entities are matched by id (the
    /// first of a repeated id); a record is built only for an entity that was added or removed, or whose compared
    /// fields may differ: an entity equal to its old self in every stored value (and, for identities, in activity)
    /// has the same keys, so it is passed over without building either record.
    static func changes(_ kind: EntityChange.Kind, old: EntityRecords, new: EntityRecords) -> [EntityChange] {
        switch kind {
        case .user:
            compare(old.account.users, new.account.users, id: \.iamID,
                    same: { $0 == $1 && old.activity(of: $0.iamID) == new.activity(of: $1.iamID) },
                    old.user, new.user)
        case .serviceID:
            compare(old.account.serviceIDs, new.account.serviceIDs, id: \.iamID,
                    same: { $0 == $1 && old.activity(of: $0.iamID, $0.id) == new.activity(of: $1.iamID, $1.id) },
                    old.serviceID, new.serviceID)
        case .trustedProfile:
            compare(old.account.trustedProfiles, new.account.trustedProfiles, id: \.iamID,
                    same: { $0 == $1 && old.activity(of: $0.iamID, $0.id) == new.activity(of: $1.iamID, $1.id) },
                    old.profile, new.profile)
        case .accessGroup:
            compare(old.account.accessGroups, new.account.accessGroups, id: \.id, same: ==, old.group, new.group)
        case .membership:
            compare(old.members, new.members, id: { "\($0.parent.id)/\($0.item.iamID)" }, same: { $0.item == $1.item },
                    { old.membership($0.item, of: $0.parent) }, { new.membership($0.item, of: $0.parent) })
        case .accessGroupRule:
            compare(old.groupRules, new.groupRules, id: \.item.id, same: { $0.item == $1.item },
                    { old.groupRule($0.item, of: $0.parent) }, { new.groupRule($0.item, of: $0.parent) })
        case .policy:
            compare(old.account.accessPolicies, new.account.accessPolicies, id: \.id, same: ==,
                    { old.policy($0, kind: .policy) }, { new.policy($0, kind: .policy) })
        case .authorization:
            compare(old.account.authorizationPolicies, new.account.authorizationPolicies, id: \.id, same: ==,
                    { old.policy($0, kind: .authorization) }, { new.policy($0, kind: .authorization) })
        case .customRole:
            compare(old.customRoles, new.customRoles, id: \.crn, same: ==, old.customRole, new.customRole)
        case .profileRule:
            compare(old.profileItems(\.rules), new.profileItems(\.rules), id: \.item.id, same: { $0.item == $1.item },
                    { old.profileRule($0.item, of: $0.parent) }, { new.profileRule($0.item, of: $0.parent) })
        case .profileLink:
            compare(old.profileItems(\.links), new.profileItems(\.links), id: \.item.id, same: { $0.item == $1.item },
                    { old.profileLink($0.item, of: $0.parent) }, { new.profileLink($0.item, of: $0.parent) })
        case .profileIdentity:
            compare(old.profileItems(\.identities), new.profileItems(\.identities),
                    id: { "\($0.parent.id)/\($0.item.iamID)" }, same: { $0.item == $1.item },
                    { old.profileIdentity($0.item, of: $0.parent) }, { new.profileIdentity($0.item, of: $0.parent) })
        case .resourceGroup:
            compare(old.account.resourceGroups, new.account.resourceGroups, id: \.id, same: ==,
                    old.resourceGroup, new.resourceGroup)
        case .resourceInstance:
            compare(old.account.resourceInstances, new.account.resourceInstances, id: \.instanceID, same: ==,
                    old.instance, new.instance)
        }
    }

    /// An entity listed under another (a member under its access group, a rule under its trusted profile): the
    /// record's compared fields come from `item` alone, its label names `parent` too.
    private struct Child<Parent, Item> {
        let parent: Parent
        let item: Item
    }

    /// The changes from `old` to `new`, entities matched by `id`: records only for the added, the removed and the
    /// pairs that are not the `same`.
    private static func compare<Entity>(_ old: [Entity], _ new: [Entity], id: (Entity) -> String,
                                        same: (Entity, Entity) -> Bool, _ oldRecord: (Entity) -> EntityRecord,
                                        _ newRecord: (Entity) -> EntityRecord) -> [EntityChange] {
        /// The offset of each id's first entity: the entities are matched without copying them (a policy or an
        /// instance is hundreds of bytes, and both snapshots' are matched while the effective access is compared).
        func byID(_ entities: [Entity]) -> [String: Int] {
            var result: [String: Int] = [:]
            result.reserveCapacity(entities.count)
            // By offset: each entity is read in place, not copied (a copy retains each of its fields).
            for offset in entities.indices {
                let key = id(entities[offset])
                if result[key] == nil { result[key] = offset }
            }
            return result
        }
        let before = byID(old), after = byID(new)
        var oldRecords: [EntityRecord] = [], newRecords: [EntityRecord] = []
        for (key, offset) in after {
            if let previous = before[key] {
                if same(old[previous], new[offset]) { continue }
                oldRecords.append(oldRecord(old[previous]))
            }
            newRecords.append(newRecord(new[offset]))
        }
        for (key, offset) in before where after[key] == nil { oldRecords.append(oldRecord(old[offset])) }
        return EntityRecord.changes(old: oldRecords, new: newRecords)
    }

    private var members: [Child<AccessGroup, GroupMember>] {
        account.accessGroups.flatMap { group in group.members.map { Child(parent: group, item: $0) } }
    }

    private var groupRules: [Child<AccessGroup, GroupRule>] {
        account.accessGroups.flatMap { group in group.rules.map { Child(parent: group, item: $0) } }
    }

    private var customRoles: [Role] { account.roles.filter { $0.kind == .custom } }

    private func profileItems<Item>(_ items: KeyPath<TrustedProfile, [Item]>) -> [Child<TrustedProfile, Item>] {
        account.trustedProfiles.flatMap { profile in profile[keyPath: items].map { Child(parent: profile, item: $0) } }
    }

    // MARK: identities and groups

    private func user(_ user: User) -> EntityRecord {
        let email = user.email ?? user.userID
        return EntityRecord(kind: .user, id: user.iamID, label: user.displayName + (email.map { " <\($0)>" } ?? ""),
                            fields: [.single("name", user.displayName), .single("email", email), .single("state", user.state)]
                                + activityField(activity(of: user.iamID)))
    }

    private func serviceID(_ serviceID: ServiceID) -> EntityRecord {
        EntityRecord(kind: .serviceID, id: serviceID.iamID, label: serviceID.name ?? serviceID.id,
                     fields: [.single("name", serviceID.name), .single("description", serviceID.description),
                              .single("locked", serviceID.locked.map(String.init))]
                         + activityField(activity(of: serviceID.iamID, serviceID.id)))
    }

    private func profile(_ profile: TrustedProfile) -> EntityRecord {
        EntityRecord(kind: .trustedProfile, id: profile.iamID, label: profile.name ?? profile.id,
                     fields: [.single("name", profile.name), .single("description", profile.description)]
                         + activityField(activity(of: profile.iamID, profile.id)))
    }

    /// An identity's activity as compared ("inactive since …", else "active"), by the first of its keys the report
    /// knows; `nil` when activity is not compared.
    private func activity(of keys: String...) -> String? {
        activity.map { activity in keys.lazy.compactMap { activity[$0] }.first ?? "active" }
    }

    private func activityField(_ text: String?) -> [EntityRecord.Field] {
        text.map { [.single("activity", $0)] } ?? []
    }

    private func group(_ group: AccessGroup) -> EntityRecord {
        EntityRecord(kind: .accessGroup, id: group.id, label: group.displayName,
                     fields: [.single("name", group.name), .single("description", group.description)])
    }

    private func membership(_ member: GroupMember, of group: AccessGroup) -> EntityRecord {
        let type = member.membershipType ?? "static"
        let holder = AccessHolder(iamID: member.iamID, in: [index])
        return EntityRecord(kind: .membership, id: "\(group.id)/\(member.iamID)",
                            label: "\(holder.displayName) in access group \(group.displayName) (\(type))",
                            fields: [.single("type", type)]
                                + (includeUsage ? [.single("expires_at", member.expiresAt?.raw)] : []))
    }

    private func groupRule(_ rule: GroupRule, of group: AccessGroup) -> EntityRecord {
        EntityRecord(kind: .accessGroupRule, id: rule.id,
                     label: "\(rule.name ?? rule.id) (access group \(group.displayName))",
                     fields: [.single("name", rule.name), .single("realm", rule.realmName),
                              .single("expiration", rule.expiration.map { "\($0) h" }),
                              Self.conditions(rule.conditions)])
    }

    // MARK: policies and roles

    private func policy(_ policy: Policy, kind: EntityChange.Kind) -> EntityRecord {
        let target = index.target(of: policy)
        let subject = subjectText(policy)
        var fields: [EntityRecord.Field] = [
            .single("subject", key: policy.subject.map(\.description).sorted().joined(separator: ", "), text: subject),
            .elements("roles", policy.roleIDs, text: index.roleName),
            .single("target", key: target.key, text: index.label(of: target)),
            .single("condition", key: policy.rule?.description, text: policy.rule.map(ConditionText.readable)),
            .single("pattern", policy.pattern),
            .single("state", policy.state),
            .single("description", policy.description),
        ]
        if includeUsage {
            fields += [.single("last_permit_at", policy.lastPermitAt?.raw),
                       .single("last_permit_frequency", policy.lastPermitFrequency.map(String.init))]
        }
        return EntityRecord(kind: kind, id: policy.id,
                            label: "\(policy.id.prefix(8)): \(subject) — \(index.roleNames(of: policy)) on "
                                + index.label(of: target),
                            fields: fields)
    }

    /// Who a policy is assigned to, in words: "access group Ops", "alice@example.com", "service kms instance keys".
    private func subjectText(_ policy: Policy) -> String {
        if let iamID = policy.subjectValue("iam_id") {
            return AccessHolder(iamID: iamID, in: [index]).displayName
        }
        if let groupID = policy.subjectValue("access_group_id") {
            return groupID == AccessGroup.publicAccessID ? "Public Access (everyone)"
                : "access group \(account.groupsByID[groupID]?.displayName ?? groupID)"
        }
        if let service = policy.subjectValue("serviceName") {
            let instance = policy.subjectValue("serviceInstance")
            return "service \(service)" + (instance.map { " instance \(account.instancesByGUID[$0]?.displayName ?? $0)" } ?? "")
        }
        return policy.subject.map(\.description).joined(separator: ", ")
    }

    private func customRole(_ role: Role) -> EntityRecord {
        EntityRecord(kind: .customRole, id: role.crn,
                     label: role.shortName + (role.serviceName.map { " (\($0))" } ?? ""),
                     fields: [.single("name", role.displayName), .single("description", role.description),
                              .elements("actions", role.actions ?? [])])
    }

    // MARK: trusted profiles

    private func profileRule(_ rule: ProfileClaimRule, of profile: TrustedProfile) -> EntityRecord {
        EntityRecord(kind: .profileRule, id: rule.id,
                     label: "\(rule.name ?? rule.id) (trusted profile \(profile.name ?? profile.id))",
                     fields: [.single("name", rule.name), .single("type", rule.type), .single("realm", rule.realmName),
                              .single("cr_type", rule.crType), .single("expiration", rule.expiration.map { "\($0) s" }),
                              Self.conditions(rule.conditions)])
    }

    private func profileLink(_ link: ProfileLink, of profile: TrustedProfile) -> EntityRecord {
        let resource = [link.crType, link.link?.namespace, link.link?.name ?? link.name].compactMap { $0 }.joined(separator: " ")
        let component = [link.link?.componentType, link.link?.componentName].compactMap { $0 }.joined(separator: " ")
        return EntityRecord(kind: .profileLink, id: link.id,
                            label: "\(resource.isEmpty ? link.id : resource) may assume trusted profile \(profile.name ?? profile.id)",
                            fields: [.single("name", link.name), .single("cr_type", link.crType), .single("crn", link.link?.crn),
                                     .single("namespace", link.link?.namespace), .single("component", component)])
    }

    private func profileIdentity(_ identity: ProfileIdentity, of profile: TrustedProfile) -> EntityRecord {
        let holder = AccessHolder(iamID: identity.iamID, in: [index])
        return EntityRecord(kind: .profileIdentity, id: "\(profile.id)/\(identity.iamID)",
                            label: "\(holder.displayName) may assume trusted profile \(profile.name ?? profile.id)",
                            fields: [.single("type", identity.type), .single("description", identity.description)])
    }

    // MARK: resources

    private func resourceGroup(_ group: ResourceGroup) -> EntityRecord {
        EntityRecord(kind: .resourceGroup, id: group.id, label: group.displayName,
                     fields: [.single("name", group.name), .single("state", group.state)])
    }

    private func instance(_ instance: ResourceInstance) -> EntityRecord {
        let groupName = instance.resourceGroupID.map { account.resourceGroupsByID[$0]?.displayName ?? $0 }
        let facts = [instance.serviceName, instance.region, groupName.map { "resource group \($0)" }].compactMap { $0 }
        return EntityRecord(kind: .resourceInstance, id: instance.instanceID,
                            label: instance.displayName + (facts.isEmpty ? "" : " (\(facts.joined(separator: ", ")))"),
                            fields: [.single("name", instance.name), .single("service", instance.serviceName),
                                     .single("region", instance.region), .single("state", instance.state),
                                     .single("resource_group", key: instance.resourceGroupID, text: groupName)])
    }

    private static func conditions(_ conditions: [ClaimCondition]?) -> EntityRecord.Field {
        .elements("conditions", (conditions ?? []).map(\.description))
    }
}
