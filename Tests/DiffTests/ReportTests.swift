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
        // Causes first, each followed by the access it changed, collapsed; then holder by holder; then the rest.
        #expect(DiffText.render(try Self.demoDiff(), sources: Self.sources) == """
            --- old\tAcme Dev Team · snapshot 2026-11-20T09:00:00Z
            +++ new\tAcme Dev Team · snapshot 2026-11-27T09:00:00Z
            @@ causes: 3 entity changes changed access (2 give privileged roles); 5 grants gained (5 privileged), 7 lost, for 6 holders @@
            - membership Sofia Alvarez in access group Developers (static)
            -     -> Sofia Alvarez lost Editor + Writer on All resources in resource group sandbox via access group Developers (policy a10d2039)
            -     -> Sofia Alvarez lost Operator + Writer on containers-kubernetes across the account (region us-south) via access group Developers (policy 5715c45f)
            -     -> Sofia Alvarez lost Reader on logdna across the account via access group Developers (policy 1b3d3740)
            -     -> Sofia Alvarez lost Viewer on messagehub across the account (region eu-de) via access group Developers (policy dca5fa75)
            -     -> Sofia Alvarez lost Writer on resource type bucket / resources matching dev-* in instance cos-acme-dev (df4a01fb-7a6f-4d52-851e-28e690505e0d) via access group Developers (policy 42aedd1b)
            + policy 0c5b7e1e: Lena Fischer — Administrator on cloud-object-storage in resource group prod
            +     -> [privileged] Lena Fischer gained Administrator on cloud-object-storage in resource group prod directly (policy 0c5b7e1e)
              policy a10d2039: access group Developers — Editor, Writer, Manager on All resources in resource group sandbox
            +     roles: Manager
            +     -> [privileged] 4 members of access group Developers gained Manager on All resources in resource group sandbox (policy a10d2039): trusted profile federated-developers, Marcus Chen, O'Brien & "Bob" Murphy and 1 more
            @@ effective access by holder: 5 grants gained (5 privileged), 7 lost, for 6 holders @@
            + [privileged] trusted profile federated-developers gained Manager on All resources in resource group sandbox via access group Developers (policy a10d2039)
            + [privileged] Lena Fischer gained Administrator on cloud-object-storage in resource group prod directly (policy 0c5b7e1e)
            + [privileged] Marcus Chen gained Manager on All resources in resource group sandbox via access group Developers (policy a10d2039)
            + [privileged] O'Brien & "Bob" Murphy gained Manager on All resources in resource group sandbox via access group Developers (policy a10d2039)
            - Sofia Alvarez lost Editor on All resources in resource group sandbox via access group Developers (policy a10d2039)
            - Sofia Alvarez lost Writer on All resources in resource group sandbox via access group Developers (policy a10d2039)
            - Sofia Alvarez lost Operator on containers-kubernetes across the account (region us-south) via access group Developers (policy 5715c45f)
            - Sofia Alvarez lost Writer on containers-kubernetes across the account (region us-south) via access group Developers (policy 5715c45f)
            - Sofia Alvarez lost Reader on logdna across the account via access group Developers (policy 1b3d3740)
            - Sofia Alvarez lost Viewer on messagehub across the account (region eu-de) via access group Developers (policy dca5fa75)
            - Sofia Alvarez lost Writer on resource type bucket / resources matching dev-* in instance cos-acme-dev (df4a01fb-7a6f-4d52-851e-28e690505e0d) via access group Developers (policy 42aedd1b)
            + [privileged] service ID terraform-sandbox gained Manager on All resources in resource group sandbox via access group Developers (policy a10d2039)
            @@ entities that changed no access: 0 added, 1 removed, 0 changed @@
            - instance events-sandbox (messagehub, eu-de, resource group sandbox)

            """)
    }

    @Test func markdownHasATableForAccessAndOneForEntities() throws {
        let markdown = DiffMarkdown.render(try Self.demoDiff(), sources: Self.sources)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "### Access changes: Acme Dev Team")
        #expect(lines.filter { $0.hasPrefix("| + gained \\[privileged\\] |") }.count == 5)
        #expect(lines.filter { $0.hasPrefix("| - lost |") }.count == 7)
        let sandboxRow: String = "| ± changed | policy | a10d2039: access group Developers — Editor, Writer, Manager on All "
            + "resources in resource group sandbox | roles: + Manager | + \\[privileged\\] 4 members of "
            + "access group Developers gained Manager on All resources in resource group sandbox (policy "
            + "a10d2039): trusted profile federated-developers, Marcus Chen, O'Brien &amp; \"Bob\" Murphy and 1 more |"
        #expect(lines.contains(Substring(sandboxRow)))
        // Causes come before the per-holder detail, which is folded away.
        let causes = try #require(lines.firstIndex(of: "#### Causes"))
        let details = try #require(lines.firstIndex { $0.hasPrefix("<details><summary>Effective access by holder") })
        #expect(causes < details)
        // Cell text is escaped: the wildcard of the bucket pattern is not emphasis.
        #expect(markdown.contains("resources matching dev-\\* in instance"))
        #expect(!markdown.contains("\n\n\n"))
    }

    @Test func jsonFollowsTheDocumentedShape() throws {
        let data = try DiffJSON.data(try Self.demoDiff(), sources: Self.sources)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(document["format"] as? String == "iamgraph-diff")
        #expect(document["version"] as? Int == 1)
        #expect(document["changed"] as? Bool == true)
        let summary = try #require(document["summary"] as? [String: Int])
        #expect(summary == ["grants_gained": 5, "privileged_grants_gained": 5, "grants_lost": 7, "holders": 6,
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
        #expect(grant["privileged"] as? Bool == true)
        let causes = try #require(document["causes"] as? [[String: Any]])
        #expect(causes.compactMap { ($0["entity"] as? [String: Any])?["id"] as? String }
                == ["\(DemoPair.developers)/\(DemoPair.sofia)", DemoPair.newPolicy, DemoPair.sandboxPolicy])
        let sandbox = try #require((causes.last?["effects"] as? [[String: Any]])?.first)
        #expect((sandbox["holders"] as? [[String: Any]])?.count == 4)
        #expect(sandbox["privileged"] as? Bool == true)
        #expect(sandbox["text"] as? String
                == "4 members of access group Developers gained Manager on All resources in resource group sandbox (policy a10d2039)")
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

    @Test func causesCollapseTheAccessTheyChanged() throws {
        let diff = try Self.demoDiff()
        #expect(diff.causes.map { $0.change?.id } == ["\(DemoPair.developers)/\(DemoPair.sofia)", DemoPair.newPolicy,
                                                     DemoPair.sandboxPolicy])
        // One membership removed: every grant Sofia held through Developers, one line per policy.
        #expect(diff.causes[0].effects.map { $0.policyID.prefix(8) } == ["a10d2039", "5715c45f", "1b3d3740", "dca5fa75", "42aedd1b"])
        #expect(diff.causes[0].effects.allSatisfy { $0.direction == .lost && $0.holders.map(\.iamID) == [DemoPair.sofia] })
        #expect(diff.causes[0].effects.first?.roles == ["Editor", "Writer"])
        // One role added to a group policy: one line for the four members who gained it.
        let sandbox = try #require(diff.causes[2].effects.first)
        #expect(diff.causes[2].effects.count == 1)
        #expect(sandbox.holders.count == 4 && sandbox.roles == ["Manager"] && sandbox.isPrivileged)
        #expect(diff.causes.filter(\.gainsPrivilege).count == 2)
        #expect(diff.privilegedGains == 5)
        // The deleted instance changed no access: it is listed apart.
        #expect(diff.entitiesWithoutAccessChange.map(\.id) == [DemoPair.deletedInstance])
    }
}
