import Foundation
import Model
import Snapshot
import Testing
import TestSupport

/// `--redact` on every command that writes what a snapshot holds: hostile names, emails, IdP realms, instance and
/// group names and descriptions survive in no format, and an entity has one pseudonym in all of them.
@Suite struct RedactionTests {
    /// Every hostile text planted carries this marker (any case).
    static let marker = "zqx"

    /// Plants hostile text in the snapshot at `directory`: a user's name and email, a group's name and description,
    /// a dynamic rule's IdP realm and claim value, an instance's name, a service ID's name and description, the
    /// account's name and every policy's description.
    static func plant(_ directory: URL) throws {
        let hostile = "ZQX <b>\"quoted\"</b> | `tick` \u{1B}[31m\r\nline"
        try DemoPair.editJSON(directory, CollectionKind.users.fileName) { (users: inout [[String: Any]]) in
            for index in users.indices where users[index]["iam_id"] as? String == DemoIDs.sofia {
                users[index]["firstname"] = "Sofia " + hostile
                users[index]["email"] = "sofia.zqx@evil.example"
                users[index]["user_id"] = "sofia.zqx@evil.example"
            }
        }
        try DemoPair.editJSON(directory, CollectionKind.accessGroups.fileName) { (groups: inout [[String: Any]]) in
            for index in groups.indices where groups[index]["id"] as? String == DemoIDs.developers {
                groups[index]["name"] = "Developers " + hostile
                groups[index]["description"] = "ZQX free text " + hostile
            }
        }
        try DemoPair.editJSON(directory, CollectionKind.accessGroupRules.fileName) { (rules: inout [String: Any]) in
            rules = rules.mapValues { list in
                (list as? [[String: Any]] ?? []).map { rule in
                    var rule = rule
                    rule["realm_name"] = "https://idp.zqx.example/realm"
                    rule["conditions"] = [["claim": "groups", "operator": "CONTAINS", "value": "ZQX-data-eng"]]
                    return rule
                }
            }
        }
        try DemoPair.editJSON(directory, CollectionKind.resourceInstances.fileName) { (instances: inout [[String: Any]]) in
            for index in instances.indices { instances[index]["name"] = "zqx-instance-\(index) " + hostile }
        }
        try DemoPair.editJSON(directory, CollectionKind.serviceIDs.fileName) { (serviceIDs: inout [[String: Any]]) in
            for index in serviceIDs.indices {
                serviceIDs[index]["name"] = "zqx-svc-\(index)"
                serviceIDs[index]["description"] = "ZQX " + hostile
            }
        }
        try DemoPair.editJSON(directory, CollectionKind.account.fileName) { (account: inout [String: Any]) in
            account["name"] = "ZQX Account " + hostile
        }
        try DemoPair.editJSON(directory, CollectionKind.accessPolicies.fileName) { (policies: inout [[String: Any]]) in
            for index in policies.indices { policies[index]["description"] = "ZQX policy " + hostile }
        }
    }

    @Test func nothingPlantedSurvivesInAnyFormatAndPseudonymsAgree() async throws {
        let pair = try DemoPair(edited: false)
        defer { pair.remove() }
        try Self.plant(pair.old)
        try Resealer().reseal(pair.old)
        try Self.plant(pair.new)
        try DemoPair.edit(pair.new)
        let old = pair.old.path, new = pair.new.path

        var runs: [[String]] = []
        for format in ["text", "json", "markdown", "sarif"] { runs.append(["report", old, "--format", format]) }
        for format in ["text", "json", "csv", "markdown"] {
            runs.append(["access", old, "--identity", DemoIDs.sofia, "--format", format])
            runs.append(["access", old, "--resource", DemoIDs.kmsInstance, "--format", format])
        }
        for format in ["text", "json", "markdown", "dot"] { runs.append(["diff", old, new, "--format", format]) }
        runs.append(["render", old, "--format", "json", "-o", "-"])
        runs.append(["render", old, "--format", "dot", "-o", "-"])

        let sofia = SnapshotRedaction.pseudonym("user", DemoIDs.sofia)
        for arguments in runs {
            let plain = try await ProcessRunner.iamgraph(arguments)
            #expect(plain.stdout.lowercased().contains(Self.marker), "the planted text is there without --redact: \(arguments)")
            let result = try await ProcessRunner.iamgraph(arguments + ["--redact"])
            #expect(result.status == 0 || result.status == 1, "\(arguments): \(result.stderr)")
            let output = (result.stdout + result.stderr).lowercased()
            #expect(!output.contains(Self.marker), "\(arguments)")
            for original in ["sofia", "developers", "acme", "key-protect-prod", "application developers"] {
                #expect(!output.contains(original), "\(original) in \(arguments)")
            }
        }
        // One pseudonym per entity, whatever the command.
        for arguments in [["access", old, "--identity", DemoIDs.sofia], ["diff", old, new], ["render", old, "--format", "json", "-o", "-"]] {
            let result = try await ProcessRunner.iamgraph(arguments + ["--redact"])
            #expect(result.stdout.contains(sofia), "\(arguments)")
        }
    }
}
