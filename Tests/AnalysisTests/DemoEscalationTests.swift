import Analysis
import Model
import Testing
import TestSupport

/// The escalation paths seeded in samples/demo (SEEDS.md, "privilege escalation"), step by step, and the decoy.
@Suite struct DemoEscalationTests {
    let escalation: Escalation

    init() throws { escalation = try Escalation(DemoAccount.index) }

    /// A step as (from, kind, to, policy, role name, action, inferred) for comparing whole paths.
    struct Step: Equatable, CustomStringConvertible {
        let from: String, kind: String, to: String, policy: String?, role: String?, action: String?, inferred: Bool
        var description: String { "\(from) -\(kind)-> \(to) [\(policy ?? "-"), \(role ?? "-"), \(action ?? "-")\(inferred ? ", inferred" : "")]" }
    }

    func steps(_ iamID: String) throws -> [Step] {
        let path = try #require(escalation.path(of: iamID), "no path for \(iamID)")
        return path.edges.map { edge in
            let kind = switch edge.kind {
            case .memberOf: "member_of"
            case .mayAssume: "may_assume"
            case .holds: "holds"
            case .primitive(let primitive): primitive.rawValue
            }
            return Step(from: edge.from.id, kind: kind, to: edge.to.id, policy: edge.policyID,
                        role: edge.roleCRN.map(RoleName.fromCRN), action: edge.action, inferred: edge.isInferred)
        }
    }

    static let admin = "account_administration"
    static func group(_ id: String) -> String { "access_group:" + id }
    static func identity(_ iamID: String) -> String { "identity:" + iamID }

    @Test func kenjiAddsHimselfToAdminsThroughAccessManagers() throws {
        #expect(try steps(DemoIDs.kenji) == [
            Step(from: Self.identity(DemoIDs.kenji), kind: "member_of", to: Self.group(DemoIDs.accessManagers),
                 policy: nil, role: nil, action: nil, inferred: false),
            Step(from: Self.group(DemoIDs.accessManagers), kind: "add-group-member", to: Self.group(DemoIDs.admins),
                 policy: DemoIDs.manageAdminsPolicy, role: "Editor", action: "iam-groups.members.add", inferred: false),
            Step(from: Self.group(DemoIDs.admins), kind: "holds", to: Self.admin,
                 policy: DemoIDs.adminsAccountManagementPolicy, role: "Administrator", action: nil, inferred: false),
        ])
    }

    @Test func ciDeployerCreatesAKeyForTheBreakGlassServiceID() throws {
        #expect(try steps(DemoIDs.ciDeployer) == [
            Step(from: Self.identity(DemoIDs.ciDeployer), kind: "create-service-id-api-key", to: Self.identity(DemoIDs.breakGlass),
                 policy: DemoIDs.breakGlassKeysPolicy, role: "Operator", action: "iam-identity.apikey.create", inferred: false),
            Step(from: Self.identity(DemoIDs.breakGlass), kind: "member_of", to: Self.group(DemoIDs.admins),
                 policy: nil, role: nil, action: nil, inferred: false),
            Step(from: Self.group(DemoIDs.admins), kind: "holds", to: Self.admin,
                 policy: DemoIDs.adminsAccountManagementPolicy, role: "Administrator", action: nil, inferred: false),
        ])
    }

    @Test func terraformAssignsItselfManagerOnAllServices() throws {
        let scope = "scope:serviceType=service"
        // It holds Administrator on all IAM-enabled services, half of account administration, and assigns itself the
        // other half, Manager there.
        #expect(try steps(DemoIDs.terraformSandbox) == [
            Step(from: Self.identity(DemoIDs.terraformSandbox), kind: "holds", to: Self.admin + ":Administrator",
                 policy: DemoIDs.terraformAllServicesPolicy, role: "Administrator", action: nil, inferred: false),
            Step(from: Self.identity(DemoIDs.terraformSandbox), kind: "assign-access", to: scope,
                 policy: DemoIDs.terraformAllServicesPolicy, role: "Administrator", action: "iam.policy.create", inferred: false),
            Step(from: scope, kind: "holds", to: Self.admin + ":Manager", policy: nil, role: "Manager", action: nil, inferred: false),
        ])
    }

    @Test func developersRunAWorkloadTheProfileTrustsThenAddThemselvesToAdmins() throws {
        let expected = { (start: String, group: String) in [
            Step(from: Self.identity(start), kind: "member_of", to: Self.group(group), policy: nil, role: nil, action: nil, inferred: false),
            Step(from: Self.group(group), kind: "run-trusted-workload", to: Self.identity(DemoIDs.workloadProfile),
                 policy: DemoIDs.developersClustersPolicy, role: "Writer", action: nil, inferred: true),
            Step(from: Self.identity(DemoIDs.workloadProfile), kind: "add-group-member", to: Self.group(DemoIDs.admins),
                 policy: DemoIDs.workloadGroupsPolicy, role: "Editor", action: "iam-groups.members.add", inferred: false),
            Step(from: Self.group(DemoIDs.admins), kind: "holds", to: Self.admin,
                 policy: DemoIDs.adminsAccountManagementPolicy, role: "Administrator", action: nil, inferred: false),
        ] }
        #expect(try steps(DemoIDs.bob) == expected(DemoIDs.bob, DemoIDs.developers))
        #expect(try steps(DemoIDs.sofia) == expected(DemoIDs.sofia, DemoIDs.developers))
        #expect(escalation.path(of: DemoIDs.bob)?.primitiveCount == 2)
        #expect(escalation.path(of: DemoIDs.bob)?.isInferred == true)
    }

    @Test func marcusAssumesTheWorkloadProfileDirectly() throws {
        let steps = try steps(DemoIDs.marcus)
        #expect(steps.map(\.kind) == ["may_assume", "add-group-member", "holds"])
        #expect(escalation.path(of: DemoIDs.marcus)?.primitiveCount == 1)
    }

    @Test func theDecoyCanViewGroupsButNotEscalate() {
        #expect(escalation.path(of: DemoIDs.tomas) == nil)
        #expect(!escalation.holders.contains(DemoIDs.tomas))
        // Viewer on all access groups is an edge of nothing.
        #expect(!escalation.graph.edges.contains { $0.policyID == DemoIDs.reviewGroupsPolicy })
    }

    @Test func administratorsAlreadyHoldTheGoal() {
        #expect(escalation.holders == [DemoIDs.priya, DemoIDs.owner, DemoIDs.breakGlass].sorted())
        #expect(escalation.longestPath == 2)
        #expect(escalation.paths.map(\.iamID) == [DemoIDs.kenji, DemoIDs.marcus, DemoIDs.sofia, DemoIDs.bob,
                                                  DemoIDs.federatedProfile, DemoIDs.workloadProfile, DemoIDs.ciDeployer,
                                                  DemoIDs.terraformSandbox])
    }

    /// backup-agent cannot become account administrator, but may add itself to Key Custodians (Administrator on Key
    /// Protect): a warning; Lena, a custodian already, is no finding.
    @Test func joiningKeyCustodiansIsAWarning() throws {
        let findings = try DemoAccount.report.findings.filter { $0.rule == .privilegeEscalation }
        let backup = try #require(findings.first { $0.entities.first?.id == "ServiceId-663c96bf-6312-4c16-8d83-0db72db5505c" })
        #expect(backup.severity == .warning)
        #expect(backup.why.hasPrefix("can gain administration of Key Protect (kms) in 1 step: backup-agent"))
        #expect(backup.why.contains("adds itself to access group Key Custodians [add-group-member]"))
        #expect(backup.entities.map(\.id) == ["ServiceId-663c96bf-6312-4c16-8d83-0db72db5505c", DemoIDs.keyCustodians,
                                              DemoIDs.custodiansPolicy, DemoIDs.kmsAdministrationPolicy])
        #expect(!findings.contains { $0.entities.first?.id == DemoIDs.lena })
        #expect(findings.filter { $0.severity == .warning }.count == 1)
        let sensitive = try Escalation(DemoAccount.index, goal: .sensitiveAdministration)
        #expect(sensitive.holders.contains(DemoIDs.lena))
    }

    @Test func theFindingNamesThePathAndItsEntities() throws {
        let finding = try #require(try DemoAccount.report.findings.first {
            $0.rule == .privilegeEscalation && $0.entities.first?.id == DemoIDs.kenji
        })
        #expect(finding.severity == .error)
        #expect(finding.entities.map(\.id) == [DemoIDs.kenji, DemoIDs.accessManagers, DemoIDs.admins,
                                               DemoIDs.manageAdminsPolicy, DemoIDs.adminsAccountManagementPolicy])
        #expect(finding.why.hasPrefix("can become account administrator in 1 step: Kenji Tanaka (IBMid-120005DR8V) is a member of access group Access Managers"))
        #expect(finding.why.contains("[add-group-member] (policy \(DemoIDs.manageAdminsPolicy), role Editor, action iam-groups.members.add)"))
    }

    @Test func pathsToAnInstanceEndInItsHolders() throws {
        let kms = try DemoAccount.instance(DemoIDs.kmsInstance)
        let toKMS = try Escalation(DemoAccount.index, goal: .instance(kms))
        // Data Engineers (Kenji, Sofia) read the keys already; Marcus, as the workload profile that may add itself to
        // any group, joins them (one step, as short as joining Admins, Administrator on prod).
        #expect(toKMS.holders.contains(DemoIDs.sofia) && toKMS.holders.contains(DemoIDs.kenji))
        let marcus = toKMS.paths.first { $0.iamID == DemoIDs.marcus }
        #expect(marcus?.edges.map(\.to) == [.identity(iamID: DemoIDs.workloadProfile), .accessGroup(id: DemoIDs.dataEngineers),
                                             .instance(guid: DemoIDs.kmsInstance)])
        #expect(marcus?.edges.last?.policyID == "01337252-83c4-4207-b78d-8c6e8a042fea")
        #expect(marcus?.primitiveCount == 1)
    }
}
