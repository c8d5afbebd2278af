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
        let expected = index.subjects.filter { AdministrationFindings.administers(context.administrativePaths(of: $0)) }
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
}
