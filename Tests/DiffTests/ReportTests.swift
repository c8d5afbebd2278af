import Analysis
import Foundation
import Reports
import Testing

@Suite struct ReportTests {
    static let sources = DiffSources(old: "old", new: "new")

    static func demoDiff() throws -> SnapshotDiff {
        let pair = try DemoPair()
        defer { pair.remove() }
        return try SnapshotDiff(old: DemoPair.load(pair.old), new: DemoPair.load(pair.new))
    }

    /// People are named by display name, as `access` and `report` name them (not by email).
    @Test func textReadsLikeGitDiff() throws {
        let sandbox = "on All resources in resource group sandbox via access group Developers"
        let sofia = "- Sofia Alvarez lost"
        #expect(DiffText.render(try Self.demoDiff(), sources: Self.sources) == """
            --- old\tAcme Dev Team · snapshot 2026-11-20T09:00:00Z
            +++ new\tAcme Dev Team · snapshot 2026-11-27T09:00:00Z
            @@ effective access: 5 grants gained, 7 lost, for 6 holders @@
            + trusted profile federated-developers gained Manager \(sandbox) (policy a10d2039)
            + Lena Fischer gained Administrator on cloud-object-storage in resource group prod directly (policy 0c5b7e1e)
            + Marcus Chen gained Manager \(sandbox) (policy a10d2039)
            + O'Brien & "Bob" Murphy gained Manager \(sandbox) (policy a10d2039)
            \(sofia) Editor \(sandbox) (policy a10d2039)
            \(sofia) Writer \(sandbox) (policy a10d2039)
            \(sofia) Operator on containers-kubernetes across the account (region us-south) via access group Developers (policy 5715c45f)
            \(sofia) Writer on containers-kubernetes across the account (region us-south) via access group Developers (policy 5715c45f)
            \(sofia) Reader on logdna across the account via access group Developers (policy 1b3d3740)
            \(sofia) Viewer on messagehub across the account (region eu-de) via access group Developers (policy dca5fa75)
            \(sofia) Writer on resource type bucket / resource dev-* in instance cos-acme-dev (df4a01fb-7a6f-4d52-851e-28e690505e0d) via access group Developers (policy 42aedd1b)
            + service ID terraform-sandbox gained Manager \(sandbox) (policy a10d2039)
            @@ entities: 1 added, 2 removed, 1 changed @@
            - membership Sofia Alvarez in access group Developers (static)
            + policy 0c5b7e1e: Lena Fischer — Administrator on cloud-object-storage in resource group prod
              policy a10d2039: access group Developers — Editor, Writer, Manager on All resources in resource group sandbox
            +     roles: Manager
            - instance events-sandbox (messagehub, eu-de, resource group sandbox)

            """)
    }

    @Test func markdownHasATableForAccessAndOneForEntities() throws {
        let markdown = DiffMarkdown.render(try Self.demoDiff(), sources: Self.sources)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "### Access changes: Acme Dev Team")
        #expect(lines.filter { $0.hasPrefix("| + gained |") }.count == 5)
        #expect(lines.filter { $0.hasPrefix("| - lost |") }.count == 7)
        #expect(lines.contains("| ± changed | policy | a10d2039: access group Developers — Editor, Writer, Manager on All "
                               + "resources in resource group sandbox | roles: + Manager |"))
        // Cell text is escaped: the wildcard of the bucket pattern is not emphasis.
        #expect(markdown.contains("resource dev-\\* in instance"))
        #expect(!markdown.contains("\n\n\n"))
    }

    @Test func jsonFollowsTheDocumentedShape() throws {
        let data = try DiffJSON.data(try Self.demoDiff(), sources: Self.sources)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(document["format"] as? String == "iamgraph-diff")
        #expect(document["version"] as? Int == 1)
        #expect(document["changed"] as? Bool == true)
        let summary = try #require(document["summary"] as? [String: Int])
        #expect(summary == ["grants_gained": 5, "grants_lost": 7, "holders": 6,
                            "entities_added": 1, "entities_removed": 2, "entities_changed": 1])
        let entities = try #require(document["entities"] as? [[String: Any]])
        let changed = try #require(entities.first { $0["action"] as? String == "changed" })
        let fields = try #require(changed["changes"] as? [[String: Any]])
        #expect(fields.count == 1)
        #expect(fields.first?["field"] as? String == "roles")
        #expect(fields.first?["added"] as? [String] == ["Manager"])
        let access = try #require(document["access"] as? [[String: Any]])
        let lena = try #require(access.first { ($0["holder"] as? [String: String])?["iam_id"] == DemoPair.lena })
        let grant = try #require((lena["gained"] as? [[String: Any]])?.first)
        #expect(grant["policy_id"] as? String == DemoPair.newPolicy)
        #expect((grant["role"] as? [String: String])?["name"] == "Administrator")
        #expect((grant["target"] as? [String: Any])?["scope"] as? String == "service_in_resource_group")
        #expect(grant["via"] as? String == "directly")
    }

    @Test func nothingChangedWritesNothingButJSON() throws {
        let pair = try DemoPair(edited: false)
        defer { pair.remove() }
        let diff = try SnapshotDiff(old: DemoPair.load(pair.old), new: DemoPair.load(pair.new))
        #expect(DiffText.render(diff, sources: Self.sources).isEmpty)
        #expect(DiffMarkdown.render(diff, sources: Self.sources).isEmpty)
        let document = try JSONSerialization.jsonObject(with: DiffJSON.data(diff, sources: Self.sources)) as? [String: Any]
        #expect(document?["changed"] as? Bool == false)
    }
}
