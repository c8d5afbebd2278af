@testable import Analysis
import Foundation
@testable import Model
import Testing
import TestSupport

/// The administration rules describe what a set of administrative paths grants once for every subject holding the
/// same paths, and look at the paths only of the IAM ids an administrative source can reach. Each finding must still
/// be its own subject's: the same text where the paths are the same, its own profiles, groups and IAM id where they
/// differ, and no one left out who reaches administration only through a profile or Public Access.
@Suite struct AdministrationSharingTests {
    private func findings(_ report: FindingsReport, _ rule: RuleID) -> [String: Finding] {
        Dictionary(report.findings.filter { $0.rule == rule }.map { ($0.entities[0].id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The administrators found with the administration are the subjects whose paths administer the account, on
    /// both samples; the account-administrator findings name them in order.
    @Test(arguments: ["demo", "enterprise"])
    func administratorsAreTheSubjectsThatAdminister(_ sample: String) throws {
        let index = AccessIndex(try sample == "demo" ? DemoSample.account() : EnterpriseSample.account())
        let context = FindingContext(index, options: FindingsOptions())
        let administration = context.administration
        let expected = index.subjects.indices
            .filter { AdministrationFindings.administers(administration.paths(ofList: administration.listOfSubject[$0])) }
            .map { index.subjects[$0] }
        #expect(!expected.isEmpty)
        #expect(context.administrators.map { index.subjects[Int($0)] } == expected)
        let report = FindingsReport(index)
        #expect(report.findings.filter { $0.rule == .accountAdministrator }.map(\.entities[0])
                == expected.map(context.identity))
    }

    private func profile(_ id: String, named name: String, assumedBy iamID: String) throws -> TrustedProfile {
        var profile: TrustedProfile = try Fixture.decode(["id": "Profile-\(id)", "iam_id": "iam-Profile-\(id)", "name": name])
        profile.identities = [try Fixture.decode(["iam_id": iamID, "type": "user"])]
        return profile
    }

    /// Two trusted profiles with the same name in the same administrators' group: the paths through them read the
    /// same ("trusted profile Deployer → access group Admins") but are not the same, so each user who may assume one
    /// is named with its own profile.
    @Test func sameNamedProfilesKeepTheirOwnHolders() throws {
        let account = try Fixture.account(
            users: [try Fixture.user("IBMid-alice", "alice"), try Fixture.user("IBMid-bob", "bob")],
            profiles: [try profile("a", named: "Deployer", assumedBy: "IBMid-alice"),
                       try profile("b", named: "Deployer", assumedBy: "IBMid-bob")],
            groups: [try Fixture.group("AccessGroupId-admins", "Admins", members: ["iam-Profile-a", "iam-Profile-b"])],
            policies: (0..<7).map {
                Fixture.policy("p\($0)", group: "AccessGroupId-admins", roles: [Fixture.administrator],
                               [Fixture.attr("serviceType", "platform_service")])
            })
        let administrators = findings(FindingsReport(AccessIndex(account)), .accountAdministrator)
        #expect(administrators.keys.sorted() == ["IBMid-alice", "IBMid-bob", "Profile-a", "Profile-b"])
        let why = "Administrator on all account management services (policies p0, p1, p2 and 4 more, via trusted profile Deployer → access group Admins)"
        #expect(administrators["IBMid-alice"]?.why == why)
        #expect(administrators["IBMid-bob"]?.why == why)
        let named = ["p0", "p1", "p2", "p3", "p4"]
        #expect(administrators["IBMid-alice"]?.entities.map(\.id) == ["IBMid-alice"] + named + ["Profile-a", "AccessGroupId-admins"])
        #expect(administrators["IBMid-bob"]?.entities.map(\.id) == ["IBMid-bob"] + named + ["Profile-b", "AccessGroupId-admins"])
        #expect(administrators["Profile-b"]?.entities.map(\.id) == ["Profile-b"] + named + ["AccessGroupId-admins"])
    }

    /// Members of the same group hold the same scopes; the part of the why that says how to list the scopes left out
    /// names each member's own IAM id.
    @Test func scopesLeftOutNameEachIdentity() throws {
        let members = ["IBMid-one", "IBMid-two", "IBMid-three"]
        let account = try Fixture.account(
            users: try members.map { try Fixture.user($0, String($0.dropFirst(6))) },
            groups: [try Fixture.group("AccessGroupId-ops", "Ops", members: members)],
            policies: ["kms", "cos", "iks", "redis", "mongodb", "etcd", "toolchain"].enumerated().map { position, service in
                Fixture.policy("p\(position)", group: "AccessGroupId-ops", roles: [Fixture.administrator],
                               [Fixture.attr("serviceName", service)])
            })
        let assigners = findings(FindingsReport(AccessIndex(account)), .canAssignAccess)
        #expect(assigners.keys.sorted() == members.sorted())
        let first = try #require(assigners["IBMid-one"]?.why)
        for iamID in members {
            let finding = try #require(assigners[iamID])
            #expect(finding.why.hasSuffix("; and 2 more scopes (2 via access group Ops: `iamgraph access --identity \(iamID)` lists them)"))
            #expect(finding.why.components(separatedBy: "; and 2 more")[0] == first.components(separatedBy: "; and 2 more")[0])
            #expect(finding.entities.map(\.id) == [iamID, "p1", "p5", "p2", "p0", "p4", "AccessGroupId-ops"])
        }
    }

    /// A user whose only administration is through a trusted profile's own policy, a profile member of an
    /// administrators' group, and Public Access's policies (everyone's, the owner's and those with no other path
    /// included) are each found.
    @Test func administrationThroughProfilesAndPublicAccessIsFound() throws {
        let account = try Fixture.account(
            users: ["carol", "dave", "erin", "frank"].map { try Fixture.user("IBMid-\($0)", $0) },
            profiles: [try profile("ci", named: "ci", assumedBy: "IBMid-carol"),
                       try profile("ops", named: "ops", assumedBy: "IBMid-dave")],
            groups: [try Fixture.group("AccessGroupId-root", "Root", members: ["iam-Profile-ops"]),
                     try Fixture.group(AccessGroup.publicAccessID, "Public Access")],
            policies: [
                Fixture.policy("ci-kms", iamID: "iam-Profile-ci", roles: [Fixture.administrator], [Fixture.attr("serviceName", "kms")]),
                Fixture.policy("root", group: "AccessGroupId-root", roles: [Fixture.administrator],
                               [Fixture.attr("serviceType", "platform_service")]),
                Fixture.policy("public-cos", group: AccessGroup.publicAccessID, roles: [Fixture.administrator],
                               [Fixture.attr("serviceName", "cos")]),
                Fixture.policy("erin-viewer", iamID: "IBMid-erin", [Fixture.attr("serviceName", "kms")]),
            ],
            owner: "IBMid-owner")
        let report = FindingsReport(AccessIndex(account))
        #expect(findings(report, .accountAdministrator).keys.sorted() == ["IBMid-dave", "Profile-ops"])
        #expect(findings(report, .accountAdministrator)["IBMid-dave"]?.why
                == "Administrator on all account management services (policy root, via trusted profile ops → access group Root)")
        let assigners = findings(report, .canAssignAccess)
        #expect(assigners.keys.sorted()
                == ["IBMid-carol", "IBMid-dave", "IBMid-erin", "IBMid-frank", "IBMid-owner", "Profile-ci", "Profile-ops"])
        let everyone = "Administrator on cos across the account (policy public-cos, via Public Access (everyone))"
        // Paths in the order of their descriptions: "Public Access (everyone)" before "trusted profile ci".
        #expect(assigners["IBMid-carol"]?.why
                == "can assign access as " + everyone + "; Administrator on kms across the account (policy ci-kms, via trusted profile ci)")
        #expect(assigners["IBMid-erin"]?.why == "can assign access as " + everyone)
        #expect(assigners["IBMid-frank"]?.why == "can assign access as " + everyone)
        #expect(assigners["IBMid-owner"]?.why == "can assign access as account owner (everything); " + everyone)
        #expect(assigners["IBMid-owner"]?.entities.map(\.id) == ["IBMid-owner", "public-cos"])
    }

    /// Each subject's administrative paths, found from its memberships and profiles against the administrative
    /// sources, are what `AccessIndex.paths(of:)` and Public Access's path give for those sources, each path once (the
    /// first), ordered by description; paths with the same steps have the same number in every list, and paths with
    /// other steps other numbers. On both samples and on an account that repeats a group, a group's name, a profile
    /// and a membership, with dynamic members (one lapsed) and a profile that may assume itself.
    @Test(arguments: ["demo", "enterprise", "repeated"])
    func eachSubjectHoldsItsAdministrativePathsInOrder(_ sample: String) throws {
        let account = switch sample {
        case "demo": try DemoSample.account()
        case "enterprise": try EnterpriseSample.account()
        default: try repeatingAccount()
        }
        let index = AccessIndex(account)
        let context = FindingContext(index, options: FindingsOptions())
        let table = context.policies, administration = context.administration
        func policyIDs(_ policies: AdministrativePolicies) -> [[String]] {
            [policies.accountManagement.map(\.id), policies.allServices.map(\.id), policies.assigning.map(\.id),
             [policies.managerOnAllServices ? "manager" : ""]]
        }
        var numberOfSteps: [[AccessStep]: Int32] = [:], stepsOfNumber: [Int32: [AccessStep]] = [:]
        var held = 0
        for (position, iamID) in index.subjects.enumerated() {
            var seen = Set<[AccessStep]>()
            let expected = (index.paths(of: iamID) + [AccessIndex.publicAccessPath])
                .map { (path: $0, policies: AdministrativePolicies(table.rows(of: $0.source), in: table, index)) }
                .filter { !$0.policies.isEmpty && seen.insert($0.path.steps).inserted }
                .sorted { $0.path.steps.pathDescription < $1.path.steps.pathDescription }
            let list = administration.lists[Int(administration.listOfSubject[position])]
            let paths = list.map { administration.paths[Int($0)] }
            #expect(paths.map(\.steps) == expected.map(\.path.steps), "\(iamID)")
            #expect(paths.map(\.description) == expected.map(\.path.steps.pathDescription), "\(iamID)")
            #expect(paths.map { policyIDs($0.policies) } == expected.map { policyIDs($0.policies) }, "\(iamID)")
            for (number, path) in zip(list, paths) where !path.isDirect {
                #expect(numberOfSteps[path.steps, default: number] == number, "\(iamID): \(path.description)")
                #expect(stepsOfNumber[number, default: path.steps] == path.steps, "\(iamID): \(path.description)")
                numberOfSteps[path.steps] = number
                stepsOfNumber[number] = path.steps
            }
            held += paths.count
        }
        #expect(held > 0)
    }

    /// An account whose lists hold repeated and look-alike paths: Admins listed twice (one id, one name, bob a member
    /// of both), two groups named Ops, a dynamic rule's members (one lapsed), a profile listing its identity twice,
    /// and a profile that may assume itself.
    private func repeatingAccount() throws -> IAMAccount {
        var admins = try Fixture.group("AccessGroupId-admins", "Admins", members: ["IBMid-bob", "iam-Profile-deploy"])
        admins.members.append(try Fixture.decode(["iam_id": "IBMid-erin", "membership_type": "dynamic",
                                                  "expires_at": "2026-01-01T00:00:00Z"]))
        admins.rules = [try Fixture.decode(["id": "ClaimRule-a", "name": "rule a"])]
        var deploy = try Fixture.profile("deploy", identities: ["IBMid-alice", "IBMid-alice", "iam-Profile-deploy"])
        deploy.identities.append(try Fixture.decode(["iam_id": "IBMid-carol", "type": "user"]))
        return try Fixture.account(
            users: ["alice", "bob", "carol", "dave", "erin"].map { try Fixture.user("IBMid-\($0)", $0) },
            profiles: [deploy],
            groups: [admins,
                     try Fixture.group("AccessGroupId-admins", "Admins", members: ["IBMid-bob"]),
                     try Fixture.group("AccessGroupId-ops1", "Ops", members: ["IBMid-carol", "IBMid-dave"], dynamic: ["IBMid-alice"]),
                     try Fixture.group("AccessGroupId-ops2", "Ops", members: ["IBMid-dave", "IBMid-carol"]),
                     try Fixture.group("AccessGroupId-viewers", "Viewers", members: ["IBMid-alice", "IBMid-bob"])],
            policies: [
                Fixture.policy("admins", group: "AccessGroupId-admins", roles: [Fixture.administrator],
                               [Fixture.attr("serviceType", "platform_service")]),
                Fixture.policy("ops1", group: "AccessGroupId-ops1", roles: [Fixture.administrator], [Fixture.attr("serviceName", "kms")]),
                Fixture.policy("ops2", group: "AccessGroupId-ops2", roles: [Fixture.administrator], [Fixture.attr("serviceName", "cos")]),
                Fixture.policy("viewers", group: "AccessGroupId-viewers", [Fixture.attr("serviceName", "cos")]),
                Fixture.policy("deploy", iamID: "iam-Profile-deploy", roles: [Fixture.administrator, Fixture.manager], []),
                Fixture.policy("dave", iamID: "IBMid-dave", roles: [Fixture.administrator], [Fixture.attr("serviceName", "iks")]),
            ])
    }

    /// Scope texts made once per path are each path's own, by position: an identity listing one group's scopes and
    /// then another's, and one listing only the second group's, each read the texts of the policies they list.
    @Test func listedScopesAreEachPathsOwn() throws {
        let services = ["kms", "cos", "iks"]
        let account = try Fixture.account(
            users: [try Fixture.user("IBMid-both", "both"), try Fixture.user("IBMid-late", "late")],
            groups: [try Fixture.group("AccessGroupId-a", "A", members: ["IBMid-both"]),
                     try Fixture.group("AccessGroupId-b", "B", members: ["IBMid-both", "IBMid-late"])],
            policies: ["a", "b"].flatMap { group in
                services.map { service in
                    Fixture.policy("\(group)-\(service)", group: "AccessGroupId-\(group)", roles: [Fixture.administrator],
                                   [Fixture.attr("serviceName", service)])
                }
            })
        let assigners = findings(FindingsReport(AccessIndex(account)), .canAssignAccess)
        func scope(_ group: String, _ service: String) -> String {
            "Administrator on \(service) across the account (policy \(group)-\(service), via access group \(group.uppercased()))"
        }
        // Targets are ordered by key: cos, iks, kms.
        let ordered = ["cos", "iks", "kms"]
        #expect(assigners["IBMid-both"]?.why == "can assign access as "
                + (ordered.map { scope("a", $0) } + ordered.prefix(2).map { scope("b", $0) }).joined(separator: "; ")
                + "; and 1 more scope (1 via access group B: `iamgraph access --identity IBMid-both` lists them)")
        #expect(assigners["IBMid-late"]?.why == "can assign access as " + ordered.map { scope("b", $0) }.joined(separator: "; "))
    }
}
