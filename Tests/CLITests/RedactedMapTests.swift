import Foundation
import Testing

/// `render --redact` on the enterprise sample, in every text format of the map: nothing a redacted map must not show
/// (names, emails, IAM ids, service ID and profile ids, the account's id and name) appears, grouped nodes included.
@Suite struct RedactedMapTests {
    static let enterprise = Run.root.appendingPathComponent("samples/enterprise")

    /// What the sample's entities are called and numbered, as the snapshot has it (six characters or more).
    static func secrets() throws -> Set<String> {
        func items(_ file: String) throws -> [[String: Any]] {
            let data = try Data(contentsOf: enterprise.appendingPathComponent(file))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        }
        var secrets = Set<String>()
        for (file, keys) in [("users.json", ["name", "email", "iam_id", "user_id"]),
                             ("service-ids.json", ["name", "iam_id", "id"]),
                             ("trusted-profiles.json", ["name", "iam_id", "id"]),
                             ("access-groups.json", ["name"]), ("resource-groups.json", ["name"]),
                             ("resource-instances.json", ["name"])] {
            for item in try items(file) {
                for key in keys { if let text = item[key] as? String, text.count >= 6 { secrets.insert(text) } }
            }
        }
        let account = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: enterprise.appendingPathComponent("account.json"))) as? [String: Any])
        for key in ["id", "name", "owner", "owner_iamid"] { if let text = account[key] as? String { secrets.insert(text) } }
        // IBM's names for the everyone group and the first resource group, the same in every account.
        secrets.subtract(["Public Access", "Default"])
        return secrets
    }

    /// The first instance's guid: a resource view whose many identities with the same access are grouped.
    static func instanceGUID() throws -> String {
        let data = try Data(contentsOf: enterprise.appendingPathComponent("resource-instances.json"))
        let instances = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        return try #require(instances.first?["guid"] as? String)
    }

    @Test(arguments: ["dot", "json", "svg", "html"])
    func noRealNameOrIDInAnyFormat(format: String) throws {
        let secrets = try Self.secrets()
        #expect(secrets.count > 500)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("iamgraph-redact-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let views: [(name: String, arguments: [String])] = [
            ("resource view, identities grouped", ["--resource", try Self.instanceGUID(), "--max-nodes", "60"]),
            ("least connected grouped", ["--max-nodes", "30", "--policies"]),
        ]
        for view in views {
            let file = directory.appendingPathComponent("map.\(format)")
            let run = try Run.iamgraph(["render", Self.enterprise.path, "--redact", "--format", format, "-o", file.path]
                                       + view.arguments)
            #expect(run.status == 0, "\(view.name): \(run.stderr)")
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.contains("aggregate:"), "\(view.name): the view groups nodes")
            let shown = secrets.filter { text.contains($0) }
            #expect(shown.isEmpty, "\(view.name), \(format): \(shown.sorted().prefix(5))")
        }
    }
}
