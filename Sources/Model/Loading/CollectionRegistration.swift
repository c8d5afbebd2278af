import Snapshot

/// What the Model knows of one collection: the type its file is read as, how the loader holds it and how `summary`
/// counts it. One exhaustive switch (`CollectionKind.registration`), so a new collection does not compile until it is
/// registered here.
package struct CollectionRegistration {
    /// How the account holds the collection.
    enum Holding {
        /// In one of `IAMAccount`'s stored properties, decoded by `AccountLoader.load` (the collections analyses index).
        case property
        /// In the account's `CollectionStore`, decoded by this function (the entity's file declares the key and the
        /// account's accessor).
        case stored(@Sendable (inout CollectionDecoder, inout CollectionStore) -> Void)
    }

    /// One row of the summary: the label, the count, and a note.
    struct SummaryRow: Sendable {
        let label: String
        let count: @Sendable (IAMAccount) -> Int
        let note: @Sendable (IAMAccount) -> String?

        init(_ label: String, count: @escaping @Sendable (IAMAccount) -> Int,
             note: @escaping @Sendable (IAMAccount) -> String? = { _ in nil }) {
            self.label = label
            self.count = count
            self.note = note
        }

        /// A row counting what the account's store holds (1 for an object).
        static func stored(_ label: String, _ kind: CollectionKind) -> SummaryRow {
            SummaryRow(label, count: { $0.collections.count(kind) ?? 0 })
        }
    }

    /// The type the collection's file is read as (for a `stored` collection, the one its decoding uses).
    package let file: CollectionFileType
    let holding: Holding
    /// `nil`: the summary does not count the collection (parts of another row, objects of settings read elsewhere).
    let summary: SummaryRow?

    /// A collection held in a stored property of `IAMAccount`, whose file `AccountLoader` reads as `file`.
    static func property(_ file: CollectionFileType, _ summary: SummaryRow? = nil) -> CollectionRegistration {
        CollectionRegistration(file: file, holding: .property, summary: summary)
    }

    /// A `list` collection decoded into the store under `key` (items by `id`), counted by the summary under `label`.
    static func list<T: Decodable & Sendable & Equatable>(_ key: CollectionKey<[T]>, id: @escaping @Sendable (T) -> String,
                                                          summary label: String) -> CollectionRegistration {
        CollectionRegistration(file: .items(T.self), holding: .stored { decoder, store in
            if decoder.files.holds(key.kind) { store.set(key, decoder.list(key.kind, T.self, id: id)) }
        }, summary: .stored(label, key.kind))
    }

    /// A `per-parent` collection decoded into the store under `key`; the summary counts its items under `label`, and
    /// its parents in the note (`"2 templates"`).
    static func perParent<T: Decodable & Sendable & Equatable>(_ key: CollectionKey<[String: [T]]>,
                                                               id: @escaping @Sendable (T) -> String,
                                                               summary label: String, parents: String) -> CollectionRegistration {
        CollectionRegistration(file: .itemsByKey(T.self), holding: .stored { decoder, store in
            if decoder.files.holds(key.kind) { store.set(key, decoder.perParent(key.kind, T.self, id: id)) }
        }, summary: SummaryRow(label, count: { ($0.collections[key] ?? [:]).values.reduce(0) { $0 + $1.count } }, note: { account in
            let count = (account.collections[key] ?? [:]).count
            return count == 0 ? nil : "\(count) \(parents)"
        }))
    }

    /// An `object` collection decoded into the store under `key`, counted by the summary under `label`.
    static func object<T: Decodable & Sendable & Equatable>(_ key: CollectionKey<T>, summary label: String) -> CollectionRegistration {
        CollectionRegistration(file: .object(T.self), holding: .stored { decoder, store in store.set(key, decoder.object(key.kind, T.self)) },
                               summary: .stored(label, key.kind))
    }
}

extension CollectionKind {
    /// The Model's registration of the collection.
    package var registration: CollectionRegistration {
        typealias Row = CollectionRegistration.SummaryRow
        switch self {
        case .account: return .property(.object(AccountInfo.self))
        case .trustedProfileLinks: return .property(.itemsByKey(ProfileLink.self))
        case .trustedProfileRules: return .property(.itemsByKey(ProfileClaimRule.self))
        case .trustedProfileIdentities: return .property(.itemsByKey(ProfileIdentity.self))
        case .accessGroupSettings: return .property(.object(AccessGroupSettings.self))
        case .identitySettings: return .property(.object(IdentitySettings.self))
        case .cbrAccountSettings: return .property(.object(CBRAccountSettings.self))
        case .loginSettings: return .property(.object(LoginSettings.self))
        case .users: return .property(.items(User.self), Row("users") { $0.users.count })
        case .serviceIDs: return .property(.items(ServiceID.self), Row("service IDs") { $0.serviceIDs.count })
        case .trustedProfiles:
            return .property(.items(TrustedProfile.self), Row("trusted profiles") { $0.trustedProfiles.count })
        case .accessGroups: return .property(.items(AccessGroup.self), Row("access groups") { $0.accessGroups.count })
        case .accessGroupMembers:
            return .property(.itemsByKey(GroupMember.self), Row("group memberships", count: { account in
                account.accessGroups.reduce(0) { $0 + $1.members.count }
            }, note: { account in
                let dynamic = account.accessGroups.reduce(0) { $0 + $1.members.filter(\.isDynamic).count }
                return dynamic > 0 ? "\(dynamic) dynamic" : nil
            }))
        case .accessGroupRules:
            return .property(.itemsByKey(GroupRule.self), Row("dynamic group rules") { account in
                account.accessGroups.reduce(0) { $0 + $1.rules.count }
            })
        case .accessPolicies: return .property(.policies, Row("access policies") { $0.accessPolicies.count })
        case .authorizationPolicies:
            return .property(.policies, Row("authorization policies") { $0.authorizationPolicies.count })
        case .roles:
            return .property(.itemsByKey(Role.self), Row("roles", count: { $0.roles.count }, note: { account in
                let custom = account.roles.filter { $0.kind == .custom }.count
                return custom > 0 ? "\(custom) custom" : nil
            }))
        case .policyTemplates:
            return .property(.items(PolicyTemplate.self), Row("policy templates") { $0.policyTemplates.count })
        case .policyAssignments:
            return .property(.items(PolicyAssignment.self), Row("policy assignments") { $0.policyAssignments.count })
        case .resourceGroups:
            return .property(.items(ResourceGroup.self), Row("resource groups") { $0.resourceGroups.count })
        case .resourceInstances:
            return .property(.items(ResourceInstance.self), Row("service instances") { $0.resourceInstances.count })
        case .apiKeys: return .property(.items(APIKey.self), Row("API keys") { $0.apiKeys.count })
        case .resourceKeys:
            return .property(.items(ResourceKey.self), Row("service credentials") { $0.resourceKeys.count })
        case .cbrZones: return .property(.items(CBRZone.self), Row("CBR network zones") { $0.cbrZones.count })
        case .cbrRules:
            return .property(.items(CBRRule.self), Row("CBR rules", count: { $0.cbrRules.count },
                                                       note: { Self.cbrModes($0.cbrRules) }))
        case .identityProviders:
            return .property(.items(IdentityProvider.self), Row("identity providers") { $0.identityProviders.count })
        case .effectiveIdentitySettings: return .object(EffectiveIdentitySettings.key, summary: "effective identity settings")
        case .accessManagementSettings: return .object(AccessManagementSettings.key, summary: "access management settings")
        case .accessGroupTemplates: return .list(IAMTemplate.accessGroupKey, id: \.id, summary: "access group templates")
        case .accessGroupAssignments:
            return .list(TemplateAssignment.accessGroupKey, id: \.id, summary: "access group assignments")
        case .accessGroupAssignmentResources:
            return .perParent(GroupAssignmentResource.key, id: { $0.target ?? "" }, summary: "access group assignment resources",
                              parents: "assignments")
        case .trustedProfileTemplates:
            return .list(IAMTemplate.trustedProfileKey, id: \.id, summary: "trusted profile templates")
        case .trustedProfileAssignments:
            return .list(TemplateAssignment.trustedProfileKey, id: \.id, summary: "trusted profile assignments")
        case .accountSettingsTemplates:
            return .list(IAMTemplate.accountSettingsKey, id: \.id, summary: "account settings templates")
        case .accountSettingsAssignments:
            return .list(TemplateAssignment.accountSettingsKey, id: \.id, summary: "account settings assignments")
        case .policyTemplateVersions:
            return .perParent(PolicyTemplateVersions.key, id: { $0.version ?? "" }, summary: "policy template versions",
                              parents: "templates")
        }
    }

    /// How many CBR rules are only reported or disabled, e.g. "2 report-only, 1 disabled"; `nil` when all are enforced.
    private static func cbrModes(_ rules: [CBRRule]) -> String? {
        let report = rules.filter { $0.enforcementMode == .report }.count
        let disabled = rules.filter { $0.enforcementMode == .disabled }.count
        let parts = [report > 0 ? "\(report) report-only" : nil, disabled > 0 ? "\(disabled) disabled" : nil].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
