import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Graph
@testable import Model
import Render
import Snapshot

/// Untrusted names travel from API items through the model and the map into Graphviz: the DOT must parse back and
/// the SVG must carry no active content.
@Suite struct HostileAccountTests {
    static let hostile = [
        #"Robert"); DROP TABLE users;--"#, "back\\slash \\N \\G \\E \\L", "{braces} [brackets] <angle> & amp",
        "line one\nline two\r\nthree", "<script>alert(1)</script>", "javascript:alert(document.cookie)",
        "x\" onload=\"alert(1)", "\u{202E}gnp.exe", String(repeating: "A", count: 100_000),
    ]

    static func decode<T: Decodable>(_ type: T.Type, _ object: [String: Any]) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONSerialization.data(withJSONObject: object))
    }

    /// An account whose names are `hostile` (users: all of them; groups, policies, roles, targets: the first nine).
    static func account(_ hostile: [String] = hostile) throws -> IAMAccount {
        var users: [User] = []
        for (index, name) in hostile.enumerated() {
            users.append(try decode(User.self, ["iam_id": "IBMid-\(index)\(name.prefix(20))", "firstname": name,
                                                "lastname": name, "email": name]))
        }
        var group = try decode(AccessGroup.self, ["id": "AccessGroupId-\(hostile[0])", "name": hostile[4],
                                                  "description": hostile[5]])
        group.members = try users.map { try decode(GroupMember.self, ["iam_id": $0.iamID, "type": "user", "name": hostile[6]]) }
        let policy = Policy(
            id: hostile[1], type: "access", description: hostile[2],
            subject: [PolicyAttribute(key: "access_group_id", value: .string(group.id))],
            roleIDs: ["crn:v1:bluemix:public:iam::::role:" + hostile[3]],
            resource: [PolicyAttribute(key: "serviceName", value: .string(hostile[7])),
                       PolicyAttribute(key: "resourceGroupId", value: .string(hostile[8]))],
            rule: .condition(PolicyAttribute(key: "{{environment.attributes.current_time}}",
                                             operator: "timeLessThan", value: .string(hostile[4]))))
        return IAMAccount(accountID: hostile[6], fetchedAt: Timestamp(hostile[5]), scope: .account,
                          users: users, accessGroups: [group], accessPolicies: [policy])
    }

    @Test(arguments: [false, true])
    func hostileNamesGiveParsableDOTAndInertSVG(policies: Bool) throws {
        let graph = try AccessMap.build(try Self.account(), options: ViewOptions(showPolicies: policies))
        #expect(graph.nodes.count >= Self.hostile.count)

        let dot = try GraphvizRenderer.render(graph, format: .dot)
        let parsed = try #require(GraphvizRenderer.parsesBack(dot: dot))
        #expect(parsed.nodes == graph.nodes.count)  // the legend is in the graph label
        #expect(parsed.edges == graph.edges.count)

        let svg = try GraphvizRenderer.render(graph, format: .svg)
        let scan = try #require(SVGScan(svg))
        #expect(!scan.elements.contains("script"))
        #expect(!scan.attributes.contains { $0.lowercased().hasPrefix("on") })
        #expect(scan.links.allSatisfy { $0.hasPrefix("https://") })
        #expect(!String(decoding: svg, as: UTF8.self).contains("\u{202E}"))
        #expect(svg.count < 2_000_000)  // 100,000-character names are truncated
    }
}

/// The element names, attribute names and link targets of an SVG document, read with Foundation's XML parser
/// (so text that merely looks like markup inside labels and titles is not mistaken for markup).
final class SVGScan: NSObject, XMLParserDelegate {
    private(set) var elements = Set<String>()
    private(set) var attributes = Set<String>()
    private(set) var links: [String] = []

    init?(_ data: Data) {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        guard parser.parse() else { return nil }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        elements.insert(name)
        self.attributes.formUnion(attributes.keys)
        links += attributes.filter { $0.key.hasSuffix("href") }.map(\.value)
    }
}
