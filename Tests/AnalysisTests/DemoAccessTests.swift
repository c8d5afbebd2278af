import Analysis
import Model
@testable import Reports
import Testing
import TestSupport

/// Effective access and who-has-access on samples/demo, row by row.
@Suite struct DemoAccessTests {
    let index: AccessIndex

    init() throws { index = try DemoAccount.index }

    /// "policy | path | target label | roles" per grant, in the order `EffectiveAccess` gives.
    func rows(_ iamID: String) -> [String] {
        EffectiveAccess.grants(of: iamID, in: index).map { grant in
            [grant.policy.id, PathText.describe(grant.path), index.label(of: grant.target), index.roleNames(of: grant.policy)]
                .joined(separator: " | ")
        }
    }

    static let publicAssets = "30ea760d-f08e-4927-895a-e70345602204 | Public Access (everyone) | resource type bucket / "
        + "resource public-assets in instance cos-acme-dev (df4a01fb-7a6f-4d52-851e-28e690505e0d) | Content Reader"
    static let developerRows = [
        "dca5fa75-7662-4668-9a9d-0cf68dc62780 | access group Developers (static) | messagehub across the account (region eu-de) | Viewer",
        "5715c45f-c291-42fa-9814-ba34897e680c | access group Developers (static) | containers-kubernetes across the account (region us-south) | Operator, Writer",
        "42aedd1b-d42b-42b1-9393-cb1056682a88 | access group Developers (static) | resource type bucket / resources matching dev-* in instance cos-acme-dev (df4a01fb-7a6f-4d52-851e-28e690505e0d) | Writer",
        "a10d2039-ed7a-4d50-9cc0-1e85e5747c5d | access group Developers (static) | All resources in resource group sandbox | Editor, Writer",
        "1b3d3740-14d0-4338-bcc1-5f5d6a514846 | access group Developers (static) | logdna across the account | Reader",
    ]

    @Test func sofiaStaticInDevelopersAndDynamicInDataEngineers() {
        let dynamic = "access group Data Engineers (dynamic, rule IdP group data-eng)"
        #expect(rows(DemoIDs.sofia) == [
            Self.publicAssets,
            "ad405730-cc56-4023-8235-0e5fc69cf878 | \(dynamic) | databases-for-postgresql in resource group prod | Viewer, Reader",
            "b85ec231-c54c-4ef3-80c6-db51fae1787f | \(dynamic) | Instance 2fd3b253-3d45-4041-bba2-4fab8004f163 of kms | Manager",
            "01337252-83c4-4207-b78d-8c6e8a042fea | \(dynamic) | Instance key-protect-prod (d79c35df-f9c0-479b-aaf5-a6b277abd473) of kms | Reader",
            "35f452b8-1079-4dcf-9a77-217fc22f1e20 | \(dynamic) | Instance key-protect-prod (d79c35df-f9c0-479b-aaf5-a6b277abd473) of kms | Key Rotator",
            "e71feda1-f954-4414-b1b8-2e36711a5e1a | \(dynamic) | messagehub across the account | Writer",
        ] + Self.developerRows)
        let timeBased = EffectiveAccess.grants(of: DemoIDs.sofia, in: index).first { $0.policy.id == "e71feda1-f954-4414-b1b8-2e36711a5e1a" }
        #expect(timeBased?.policy.rule?.isTimeBased == true)
        #expect(timeBased?.policy.pattern == "time-based-conditions:weekly:custom-hours")
    }

    @Test func marcusThroughDevelopersAndTheProfileHeMayAssume() {
        #expect(rows(DemoIDs.marcus) == [Self.publicAssets] + Self.developerRows + [
            "42361702-7f6c-4c18-8bc1-9b304fbf6bc3 | trusted profile iks-payments-workload | Instance secrets-prod (3c228df0-367b-4fc0-b554-0b2d6a50a7a3) of secrets-manager | SecretsReader",
            "a9b8c7d6-e5f4-4a3b-8c2d-1e0f9a8b7c75 | trusted profile iks-payments-workload | Account management service iam-groups | Editor",
        ])
    }

    @Test func jordanHasOnlyHisDirectPolicyAndPublicAccess() {
        #expect(rows(DemoIDs.jordan) == [
            Self.publicAssets,
            "198a0f5e-4d1a-4724-99f5-96f82ad596c6 | direct | Instance pg-orders (a7aeb56c-ddfe-4892-9641-b36ab272e1cf) of databases-for-postgresql | Viewer, Reader",
        ])
    }

    @Test func ownerThroughAdminsAndDirect() {
        #expect(rows(DemoIDs.owner) == [
            Self.publicAssets,
            "7b35a8a6-b521-4da3-a467-3b2d9556c7d5 | access group Admins (static) | Resource group prod itself | Viewer",
            "5a6cc785-de02-46d3-b920-446068a72ec2 | access group Admins (static) | All resources in resource group prod | Administrator, Manager",
            "3b8c4178-4a85-482a-a829-e097f3080ae1 | access group Admins (static) | All account management services | Administrator",
            "a649fa2d-f255-4961-a84c-564cc92e4764 | direct | All IAM-enabled services (all resources in the account) | Administrator, Manager",
        ])
    }

    // MARK: What the reference SQL got wrong

    /// The reference counted only group policies naming an instance's guid. Instances reached by service-, resource
    /// group- or account-wide group policies are covered too: only assistant-poc is not.
    @Test func coverageCountsWideGrantsNotOnlyPoliciesNamingTheGUID() throws {
        let groupPolicies = try DemoAccount.account.accessPolicies.filter { $0.subjectValue("access_group_id") != nil }
        let namedByGUID = Set(groupPolicies.compactMap { $0.resourceAttribute("serviceInstance")?.value.description })
        let naive = try DemoAccount.account.resourceInstances.map(\.instanceID).filter { !namedByGUID.contains($0) }
        #expect(naive.count == 6)
        let flagged = try DemoAccount.report.findings.filter { $0.rule == .instanceWithoutGroupAccess }.map { $0.entities[0].id }
        #expect(flagged == [DemoIDs.assistantPOC])
    }

    /// The reference cross-joined every group member with every instance policy. Here a member reaches an instance only
    /// through its own group's policies.
    @Test func membersGetOnlyTheirOwnGroupsPolicies() throws {
        let account = try DemoAccount.account
        for instance in account.resourceInstances {
            for access in WhoHasAccess.to(instance, in: index) {
                guard case .identity(let iamID) = access.holder, case .accessGroup(let group, _, _, _)? = access.path.last else { continue }
                #expect(access.policy.subjectValue("access_group_id") == group)
                let memberIDs = account.groupsByID[group]?.members.map(\.iamID) ?? []
                let viaProfile = access.path.count > 1
                #expect(viaProfile || memberIDs.contains(iamID))
            }
        }
        let kms = try DemoAccount.instance(DemoIDs.kmsInstance)
        let identities = Set(WhoHasAccess.to(kms, in: index).compactMap { access -> String? in
            if case .identity(let iamID) = access.holder { return iamID }
            return nil
        })
        // Admins (break-glass-admin among them), terraform-sandbox's direct all-services Administrator, and Key
        // Custodians (Lena, Administrator on Key Protect) too.
        #expect(identities == ["IBMid-693000LZ3S", DemoIDs.owner, "IBMid-120005DR8V", DemoIDs.priya, DemoIDs.sofia,
                               "iam-ServiceId-663c96bf-6312-4c16-8d83-0db72db5505c", DemoIDs.breakGlass, DemoIDs.terraformSandbox,
                               DemoIDs.lena])
        // Developers-only members, whatever the number of instance policies in the account.
        #expect(identities.isDisjoint(with: [DemoIDs.marcus, DemoIDs.bob, "iam-Profile-5f9cfc1d-a71d-4bd4-80ba-734232c1e990"]))
    }

    @Test func authorizedServicesCanReachTheirTarget() throws {
        let report = try ResourceAccessReport(resource: "key-protect-prod", in: index)
        let services = report.access.filter {
            if case .service = $0.holder { return true }
            return false
        }
        #expect(services.map(\.policy.id) == ["5f637fdd-e800-4a4d-8293-47e9985fda55"])
        #expect(services.first?.holder == .service(name: "cloud-object-storage", instance: DemoIDs.cosInstance))
    }

    @Test func partOfAnInstanceIsAPartialMatch() throws {
        let cos = try DemoAccount.instance(DemoIDs.cosInstance)
        let publicRow = WhoHasAccess.to(cos, in: index).first { $0.holder == .accessGroup(id: DemoIDs.publicAccess) }
        #expect(publicRow?.match == .partial)
    }

    @Test func unknownIdentityAndResourceAreNotFound() {
        #expect(throws: Lookup.Failure.self) { try IdentityAccessReport(identity: "nobody@example.com", in: index) }
        #expect(throws: Lookup.Failure.self) { try ResourceAccessReport(resource: DemoIDs.deletedInstance, in: index) }
    }

    /// What may assume a trusted profile holding access reaches the instance through the profile: the IKS service
    /// account linked to the payments profile reaches secrets-prod; the federated users the SSO claim rule admits
    /// reach what the federated profile reaches.
    @Test func profileAssumersHoldAccessThroughTheProfile() throws {
        let secrets = try #require(index.account.resourceInstances.first { $0.name == "secrets-prod" })
        let linked = WhoHasAccess.to(secrets, in: index).filter {
            if case .profileAssumer(let assumer) = $0.holder { return assumer.kind == .computeResource } else { return false }
        }
        let row = try #require(linked.first)
        guard case .profileAssumer(let assumer) = row.holder else { Issue.record("not an assumer"); return }
        #expect(assumer.id.hasPrefix("crn:v1:bluemix:public:containers-kubernetes:"))
        #expect(assumer.name == "IKS_SA payments/secrets-reader (link payments-secrets-reader)")
        #expect(row.path.count == 1)
        guard case .trustedProfile = row.path.first else { Issue.record("path \(row.path)"); return }

        let federated = index.account.resourceInstances.flatMap { WhoHasAccess.to($0, in: index) }.compactMap { access -> ProfileAssumer? in
            if case .profileAssumer(let assumer) = access.holder, assumer.kind == .federatedUsers { return assumer }
            return nil
        }
        #expect(!federated.isEmpty)
        #expect(federated.allSatisfy { $0.name.hasPrefix("federated users of https://sso.acme.example.com/") && $0.name.contains("cloud-dev") })
    }

    /// A service credential on an instance holds what its backing service ID's policies grant there: the Terraform
    /// HMAC key on cos-acme-dev, through terraform-sandbox's Writer policy on dev-* buckets.
    @Test func serviceCredentialsAreHoldersOfTheirInstance() throws {
        let cos = try #require(index.account.instancesByGUID[DemoIDs.cosInstance])
        let rows = WhoHasAccess.to(cos, in: index)
        let credentials = rows.compactMap { access -> (ServiceCredential, ResourceAccess)? in
            if case .serviceCredential(let credential) = access.holder { return (credential, access) }
            return nil
        }
        // One row per policy of the service ID reaching the instance (its Writer on dev-* buckets, and the
        // escalation seed's Administrator on all IAM-enabled services).
        #expect(Set(credentials.map(\.0.name)) == ["cos-hmac-terraform"])
        let credential = try #require(credentials.first?.0)
        #expect(credential.role == "Writer")
        #expect(credential.serviceIDIAMID == "iam-ServiceId-f290c889-85fb-408d-b9f6-c5b7ec70c762")
        // The same policies and paths as the service ID's own rows.
        for (_, access) in credentials {
            #expect(rows.contains { $0.holder == .identity(iamID: credential.serviceIDIAMID) && $0.policy.id == access.policy.id
                                    && $0.path == access.path })
        }
        #expect(credentials.count == rows.filter { $0.holder == .identity(iamID: credential.serviceIDIAMID) }.count)
        let report = try ResourceAccessReport(resource: DemoIDs.cosInstance, in: index)
        let csv = String(decoding: try report.data(.csv), as: UTF8.self)
        #expect(csv.contains("service_credential,\(credential.id),\"cos-hmac-terraform (key of service ID terraform-sandbox, created as Writer)\","))
    }

    /// A dynamic membership that expired before the snapshot is lapsed, not live: Amara's Data Engineers path says so
    /// in words and in JSON.
    @Test func expiredDynamicMembershipIsLapsed() throws {
        let amara = "IBMid-693000LZ3S"
        let grants = EffectiveAccess.grants(of: amara, in: index).filter { !$0.path.isEmpty && $0.path != [.publicAccess] }
        #expect(!grants.isEmpty)
        for grant in grants {
            guard case .accessGroup(_, _, _, let lapsed) = grant.path.last else { Issue.record("path \(grant.path)"); continue }
            #expect(lapsed == "2026-11-20T08:42:00Z")
            #expect(PathText.describe(grant.path).contains("[lapsed since 2026-11-20T08:42:00Z, until the next federated login]"))
        }
        // Sofia's dynamic membership expires after the snapshot: live.
        #expect(EffectiveAccess.grants(of: DemoIDs.sofia, in: index).allSatisfy { grant in
            if case .accessGroup(_, _, _, let lapsed) = grant.path.last { return lapsed == nil }
            return true
        })
        let json = String(decoding: try IdentityAccessReport(identity: amara, in: index).data(.json), as: UTF8.self)
        #expect(json.contains(#""lapsed_since" : "2026-11-20T08:42:00Z""#))
    }
}
