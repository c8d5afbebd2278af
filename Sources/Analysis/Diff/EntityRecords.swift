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

    func records(_ kind: EntityChange.Kind) -> [EntityRecord] {
        switch kind {
        case .user: account.users.map(user)
        case .serviceID: account.serviceIDs.map(serviceID)
        case .trustedProfile: account.trustedProfiles.map(profile)
        case .accessGroup: account.accessGroups.map(group)
        case .membership: account.accessGroups.flatMap { group in group.members.map { membership($0, of: group) } }
        case .accessGroupRule: account.accessGroups.flatMap { group in group.rules.map { groupRule($0, of: group) } }
        case .policy: account.accessPolicies.map { policy($0, kind: .policy) }
        case .authorization: account.authorizationPolicies.map { policy($0, kind: .authorization) }
        case .customRole: account.roles.filter { $0.kind == .custom }.map(customRole)
        case .profileRule: account.trustedProfiles.flatMap { profile in profile.rules.map { profileRule($0, of: profile) } }
        case .profileLink: account.trustedProfiles.flatMap { profile in profile.links.map { profileLink($0, of: profile) } }
        case .profileIdentity:
            account.trustedProfiles.flatMap { profile in profile.identities.map { profileIdentity($0, of: profile) } }
        case .resourceGroup: account.resourceGroups.map(resourceGroup)
        case .resourceInstance: account.resourceInstances.map(instance)
        }
    }

    // MARK: identities and groups

    private func user(_ user: User) -> EntityRecord {
        let email = user.email ?? user.userID
        return EntityRecord(kind: .user, id: user.iamID, label: user.displayName + (email.map { " <\($0)>" } ?? ""),
                            fields: [.single("name", user.displayName), .single("email", email), .single("state", user.state)]
                                + activityField(user.iamID))
    }

    private func serviceID(_ serviceID: ServiceID) -> EntityRecord {
        EntityRecord(kind: .serviceID, id: serviceID.iamID, label: serviceID.name ?? serviceID.id,
                     fields: [.single("name", serviceID.name), .single("description", serviceID.description),
                              .single("locked", serviceID.locked.map(String.init))]
                         + activityField(serviceID.iamID, serviceID.id))
    }

    private func profile(_ profile: TrustedProfile) -> EntityRecord {
        EntityRecord(kind: .trustedProfile, id: profile.iamID, label: profile.name ?? profile.id,
                     fields: [.single("name", profile.name), .single("description", profile.description)]
                         + activityField(profile.iamID, profile.id))
    }

    private func activityField(_ keys: String...) -> [EntityRecord.Field] {
        guard let activity else { return [] }
        return [.single("activity", keys.lazy.compactMap { activity[$0] }.first ?? "active")]
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
