import Foundation
import Testing
@testable import Model
@testable import Snapshot
import TestSupport

/// Every file of the bundled samples is read by `SnapshotDecoder`'s own tape — not handed to `JSONDecoder`, which
/// would double the cost of loading — and decodes to the values `JSONDecoder` gives.
@Suite struct SnapshotDecodingTests {
    /// Whether the tape decodes `data` as the loader's type for `kind`, to the value JSONDecoder gives.
    static func tapeDecodes(_ kind: CollectionKind, _ data: Data) -> Bool {
        switch kind {
        case .account: same(AccountInfo.self, data) { $0 }
        case .users: same([Lossy<User>].self, data, items)
        case .serviceIDs: same([Lossy<ServiceID>].self, data, items)
        case .trustedProfiles: same([Lossy<TrustedProfile>].self, data, items)
        case .trustedProfileLinks: same([String: [Lossy<ProfileLink>]].self, data) { $0.mapValues(items) }
        case .trustedProfileRules: same([String: [Lossy<ProfileClaimRule>]].self, data) { $0.mapValues(items) }
        case .trustedProfileIdentities: same([String: [Lossy<ProfileIdentity>]].self, data) { $0.mapValues(items) }
        case .accessGroups: same([Lossy<AccessGroup>].self, data, items)
        case .accessGroupMembers: same([String: [Lossy<GroupMember>]].self, data) { $0.mapValues(items) }
        case .accessGroupRules: same([String: [Lossy<GroupRule>]].self, data) { $0.mapValues(items) }
        case .accessGroupSettings: same(AccessGroupSettings.self, data) { $0 }
        case .accessPolicies, .authorizationPolicies: same([Lossy<RawPolicy>].self, data) { items($0).map { $0?.normalized } }
        case .roles: same([String: [Lossy<Role>]].self, data) { $0.mapValues(items) }
        case .policyTemplates: same([Lossy<PolicyTemplate>].self, data, items)
        case .policyAssignments: same([Lossy<PolicyAssignment>].self, data, items)
        case .resourceGroups: same([Lossy<ResourceGroup>].self, data, items)
        case .resourceInstances: same([Lossy<ResourceInstance>].self, data, items)
        case .apiKeys: same([Lossy<APIKey>].self, data, items)
        case .identitySettings: same(IdentitySettings.self, data) { $0 }
        case .resourceKeys: same([Lossy<ResourceKey>].self, data, items)
        case .cbrZones: same([Lossy<CBRZone>].self, data, items)
        case .cbrRules: same([Lossy<CBRRule>].self, data, items)
        case .cbrAccountSettings: same(CBRAccountSettings.self, data) { $0 }
        case .identityProviders: same([Lossy<IdentityProvider>].self, data, items)
        case .loginSettings: same(LoginSettings.self, data) { $0 }
        case .effectiveIdentitySettings: same(EffectiveIdentitySettings.self, data) { $0 }
        case .accessManagementSettings: same(AccessManagementSettings.self, data) { $0 }
        case .accessGroupTemplates, .trustedProfileTemplates, .accountSettingsTemplates:
            same([Lossy<IAMTemplate>].self, data, items)
        case .accessGroupAssignments, .trustedProfileAssignments, .accountSettingsAssignments:
            same([Lossy<TemplateAssignment>].self, data, items)
        case .policyTemplateVersions: same([String: [Lossy<PolicyTemplate>]].self, data) { $0.mapValues(items) }
        }
    }

    static func same<T: Decodable, P: Equatable>(_ type: T.Type, _ data: Data, _ project: (T) -> P) -> Bool {
        guard let fast = SnapshotDecoder.fastDecode(type, from: data),
              let theirs = try? JSONDecoder().decode(type, from: data) else { return false }
        return project(fast) == project(theirs)
    }

    static func items<T>(_ list: [Lossy<T>]) -> [T?] { list.map { try? $0.result.get() } }

    @Test(arguments: ["demo", "enterprise"])
    func theTapeReadsEveryFileOfTheSample(name: String) throws {
        let snapshot = try SnapshotReader.load(Samples.directory.appendingPathComponent(name))
        #expect(snapshot.files.count == CollectionKind.allCases.count)
        for (kind, data) in snapshot.files {
            #expect(Self.tapeDecodes(kind, data), "\(name)/\(kind.fileName)")
        }
        if let usage = snapshot.policyUsage {
            #expect(Self.same([String: PolicyUsage].self, usage) { $0.mapValues { [$0.lastPermitAt?.raw, $0.lastPermitFrequency.map(String.init)] } })
        }
        if let activity = snapshot.activity { #expect(Self.same(ActivityReport.self, activity) { $0 }) }
        if let mfa = snapshot.mfa { #expect(Self.same(MFAReport.self, mfa) { $0 }) }
    }
}
