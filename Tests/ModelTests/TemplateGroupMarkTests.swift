import Foundation
@testable import Model
import Snapshot
import Testing
import TestSupport

/// An access group is marked as a template's by the id its assignment's resources name
/// (`access_group_assignment_resources`), not by the template's group name; by the name only where the snapshot does
/// not hold the assignment's resources, and then the mark says it is inferred.
@Suite struct TemplateGroupMarkTests {
    static let supportAssignment = "AccessGroupAssignment-3c2b1a09-8f7e-4d6c-b5a4-938271605f4e"
    static let auditTemplate = "AccessGroupTemplateId-0e8b7c6d-5a4f-4b3e-9d2c-1a0f9e8d7c62"
    static let account = "b8d158e0846b1b49b73e8295c18bbdb9"
    static let handMade = "AccessGroupId-0a0a0a0a-1b1b-4c2c-8d3d-4e4e4e4e4e4e"

    /// The demo's files as JSON values.
    static func demoJSON(_ kind: CollectionKind) throws -> Any {
        let data = try Data(contentsOf: Samples.demo.appendingPathComponent(kind.fileName))
        return try JSONSerialization.jsonObject(with: data)
    }

    /// The demo's access groups with the group `id` renamed to `name`, and `added` groups (id, name) after them.
    static func groups(renaming id: String? = nil, to name: String = "", adding added: [(String, String)] = []) throws -> [Any] {
        let groups = try #require(try demoJSON(.accessGroups) as? [[String: Any]])
        return groups.map { group in
            var group = group
            if group["id"] as? String == id { group["name"] = name }
            return group
        } + added.map { ["id": $0.0, "name": $0.1, "account_id": account] }
    }

    /// One resource of an assignment as `get_assignment(verbose=true)` lists it: the access group `groupID` created
    /// in `target`.
    static func resource(_ groupID: Any, target: String = TemplateGroupMarkTests.account) -> [String: Any] {
        ["target": target,
         "group": ["group": ["id": TemplateManagementTests.supportTemplate, "resource": groupID, "error": "", "status": "succeeded"],
                   "members": [Any](), "rules": [Any]()]]
    }

    /// The demo with the files of `replaced` (JSON values) in place of its own, and without the collections of
    /// `removed` (as a snapshot written before they existed: not in the manifest), loaded.
    static func demo(replacing replaced: [CollectionKind: Any] = [:],
                     removing removed: Set<CollectionKind> = []) throws -> (account: IAMAccount, problems: [ValidationProblem]) {
        let loaded = try SnapshotReader.load(Samples.demo)
        var files = loaded.files
        var unknown = loaded.unknown
        for (kind, content) in replaced { files[kind] = try JSONSerialization.data(withJSONObject: content) }
        for kind in removed {
            files[kind] = nil
            unknown[kind] = .notInManifest
        }
        return AccountLoader.load(LoadedSnapshot(directory: loaded.directory, manifest: loaded.manifest, files: files,
                                                 unknown: unknown, policyUsage: loaded.policyUsage, activity: nil, mfa: nil,
                                                 problems: loaded.problems))
    }

    @Test func theDemosGroupIsMarkedByTheIDItsAssignmentNames() throws {
        let mark = try #require(try DemoSample.account().templateManagement.groups[DemoIDs.supportStaff])
        #expect(mark.templateID == TemplateManagementTests.supportTemplate && mark.assignmentID == Self.supportAssignment)
        #expect(!mark.inferredByName)
        #expect(!mark.description.contains("inferred"))
    }

    /// The group the assignment created, renamed since: still the template's.
    @Test func aRenamedTemplateGroupIsStillMarked() throws {
        let (account, _) = try Self.demo(replacing: [.accessGroups: Self.groups(renaming: DemoIDs.supportStaff,
                                                                                 to: "Support Staff (EU)")])
        let marks = account.templateManagement.groups
        #expect(marks.keys.sorted() == [DemoIDs.supportStaff])
        #expect(marks[DemoIDs.supportStaff]?.templateID == TemplateManagementTests.supportTemplate)
        #expect(marks[DemoIDs.supportStaff]?.inferredByName == false)
    }

    /// The template's group was renamed and an admin made a group under the template's group name by hand: the
    /// hand-made group is not the template's, the renamed one is.
    @Test func aHandMadeGroupBearingTheTemplatesGroupNameIsNotMarked() throws {
        let groups = try Self.groups(renaming: DemoIDs.supportStaff, to: "Support Staff (old)",
                                     adding: [(Self.handMade, "Support Staff")])
        let (account, problems) = try Self.demo(replacing: [.accessGroups: groups])
        #expect(problems.filter { $0.severity == .error }.isEmpty)
        #expect(account.templateManagement.groups[Self.handMade] == nil)
        #expect(account.templateManagement.groups[DemoIDs.supportStaff]?.templateID == TemplateManagementTests.supportTemplate)
        #expect(AccountSummary(account).managed.map(\.which) == ["Support Staff (old)", "federated-developers", "", "1 policy", "1 policy"])
    }

    /// An assignment naming a group the account does not have (deleted since): nothing is marked, not even the
    /// account's group bearing the template's group name.
    @Test func anAssignmentNamingAMissingGroupMarksNothing() throws {
        let resources: [String: Any] = [Self.supportAssignment: [Self.resource("AccessGroupId-deleted-since")]]
        let (account, _) = try Self.demo(replacing: [.accessGroupAssignmentResources: resources])
        #expect(account.templateManagement.groups.isEmpty)
    }

    /// A snapshot from before the collection (its manifest does not list it) loads; its groups are marked by the
    /// template's group name, and every output of the mark says so.
    @Test func anOlderSnapshotWithoutTheCollectionLoadsAndMarksByName() throws {
        let directory = try TemporaryDirectory.make("older-templates")
        defer { try? FileManager.default.removeItem(at: directory) }
        let snapshot = directory.appendingPathComponent("demo")
        try FileManager.default.copyItem(at: Samples.demo, to: snapshot)
        let kind = CollectionKind.accessGroupAssignmentResources
        try FileManager.default.removeItem(at: snapshot.appendingPathComponent(kind.fileName))
        let manifestURL = snapshot.appendingPathComponent(Manifest.fileName)
        var manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as? [String: Any])
        var collections = try #require(manifest["collections"] as? [String: Any])
        collections[kind.name] = nil
        manifest["collections"] = collections
        try JSONSerialization.data(withJSONObject: manifest).write(to: manifestURL)

        let (account, problems) = try AccountLoader.load(directory: snapshot)
        #expect(!account.isKnown(kind))
        #expect(problems.filter { $0.severity == .error }.isEmpty)
        #expect(problems.contains { $0.message.contains("\"\(kind.name)\" was not fetched") })
        let mark = try #require(account.templateManagement.groups[DemoIDs.supportStaff])
        #expect(mark.templateID == TemplateManagementTests.supportTemplate && mark.inferredByName)
        #expect(mark.description == "template \"Support Staff (enterprise)\" (\(TemplateManagementTests.supportTemplate)), version 1 "
                + "(inferred from the group's name)")
        #expect(AccountSummary(account).managedUnknownFrom == [kind])
        // The profile's and the policies' marks are their own: never inferred.
        #expect(account.templateManagement.profiles.values.allSatisfy { !$0.inferredByName })
    }

    /// Where the snapshot holds resources for other assignments but not for this one, this one's group is inferred by
    /// name: the data is missing for it alone.
    @Test func anAssignmentWithoutResourcesInTheSnapshotIsMarkedByName() throws {
        let (account, _) = try Self.demo(replacing: [.accessGroupAssignmentResources: [String: Any]()])
        #expect(account.templateManagement.groups[DemoIDs.supportStaff]?.inferredByName == true)
    }

    /// Ids that are not ids, or a group in another account, mark nothing and trap on nothing; fields of the wrong
    /// type are problems of their item, which is skipped.
    @Test func hostileResourcesMarkNothing() throws {
        let resources: [String: Any] = [Self.supportAssignment: [
            Self.resource(""), Self.resource("../../\u{1B}[31mAccessGroupId-\u{0}", target: "a"),
            Self.resource(DemoIDs.supportStaff, target: "fedcba9876543210fedcba9876543210"),
            Self.resource(42, target: "b"), ["target": "c", "group": "Support Staff"], ["target": ["x"]],
        ]]
        let (account, problems) = try Self.demo(replacing: [.accessGroupAssignmentResources: resources])
        #expect(account.templateManagement.groups.isEmpty)
        let file = CollectionKind.accessGroupAssignmentResources.fileName
        #expect(problems.filter { $0.file == file && $0.severity == .error }.count == 3)
    }

    /// Resources of an assignment the listing does not hold are a dangling reference, and mark nothing.
    @Test func resourcesOfAnUnknownAssignmentAreReportedAndMarkNothing() throws {
        let resources: [String: Any] = [Self.supportAssignment: [Self.resource("AccessGroupId-deleted-since")],
                                        "AccessGroupAssignment-unknown": [Self.resource(DemoIDs.auditors)]]
        let (account, problems) = try Self.demo(replacing: [.accessGroupAssignmentResources: resources])
        #expect(account.templateManagement.groups.isEmpty)
        #expect(problems.contains { $0.file == CollectionKind.accessGroupAssignmentResources.fileName
            && $0.message.contains("resources of unknown access group assignment \"AccessGroupAssignment-unknown\"") })
    }

    /// One assignment listing the same target twice is a problem (duplicate id); two live assignments naming one
    /// group mark it once, with the first assignment's template (in id order).
    @Test func duplicatesAreReportedAndMarkOnce() throws {
        let later = "AccessGroupAssignment-ffffffff-8f7e-4d6c-b5a4-938271605f4e"
        var assignments = try #require(try Self.demoJSON(.accessGroupAssignments) as? [[String: Any]])
        var second = try #require(assignments.first { $0["id"] as? String == Self.supportAssignment })
        second["id"] = later
        second["template_id"] = Self.auditTemplate
        assignments.append(second)
        let resources: [String: Any] = [
            Self.supportAssignment: [Self.resource(DemoIDs.supportStaff), Self.resource(DemoIDs.supportStaff)],
            later: [Self.resource(DemoIDs.supportStaff)],
        ]
        let (account, problems) = try Self.demo(replacing: [.accessGroupAssignments: assignments,
                                                            .accessGroupAssignmentResources: resources])
        #expect(account.templateManagement.groups.count == 1)
        #expect(account.templateManagement.groups[DemoIDs.supportStaff]?.templateID == TemplateManagementTests.supportTemplate)
        #expect(problems.contains { $0.file == CollectionKind.accessGroupAssignmentResources.fileName
            && $0.message.contains("duplicate id \"\(Self.account)\"") })
    }
}
