import Foundation
import Testing
@testable import Reports
import GraphValues

/// The GraphML and OpenGraph exports make their node and edge lists on two threads a run at a time (`OrderedRuns`,
/// whose order and errors `DiffRunsTests` checks): the bytes are those of the writers they replaced, across runs.
@Suite struct ConcurrentExportTests {
    /// 10,000 users (more than two chunks of nodes and of edges) with hostile names, ids XML cannot carry, flags and
    /// attributes of every kind, and edges to nodes the view lacks.
    static let graph: AccessGraph = {
        let flagSets: [Flags] = [[], .privileged, [.conditional, .warning], .dynamic, [.everyone, .aggregate, .added]]
        let users = (0..<10_000).map { index in
            Node(id: index % 997 == 0 ? "user:IBMid-\u{1B}[31m\(index)" : "user:IBMid-\(index)", kind: .user,
                 label: "User \(index) <\"hostile\"> & \u{0}\n\(index % 3 == 0 ? "é\u{FFFE}" : "")",
                 attributes: index % 2 == 0 ? ["email": "user\(index)@example.com", "id": "\(index)"] : ["kind": "x\r"],
                 flags: flagSets[index % flagSets.count])
        }
        let group = Node(id: "access_group:AccessGroupId-big", kind: .accessGroup, label: "Everyone")
        let edges = users.enumerated().map { index, user in
            Edge(source: user.id, target: index % 1000 == 999 ? "access_group:missing" : group.id, kind: .memberOf,
                 label: "member \(index % 7)", attributes: ["membership": index % 2 == 0 ? "static" : "rule"],
                 flags: flagSets[(index + 1) % flagSets.count])
        }
        return AccessGraph(title: "big", nodes: users + [group], edges: edges)
    }()

    @Test func aGraphOfManyChunksGivesFoundationsGraphML() throws {
        #expect(try GraphMLDocument.data(Self.graph) == FoundationGraphML.data(Self.graph))
    }

    @Test func aGraphOfManyChunksGivesTheEncodersOpenGraph() throws {
        #expect(try OpenGraphJSON.data(Self.graph) == EncoderOpenGraph.data(Self.graph))
    }

    /// `XMLText.clean` finds what it replaces in UTF-8 bytes: the same as asking of every character whether XML 1.0
    /// carries it.
    @Test func cleaningFindsEveryCharacterXMLCannotCarry() {
        let characters = (0...0x2FF).compactMap(Unicode.Scalar.init)
            + (0xD7F0...0xD7FF).compactMap(Unicode.Scalar.init) + (0xE000...0xE00F).compactMap(Unicode.Scalar.init)
            + (0xFF00...0xFFFF).compactMap(Unicode.Scalar.init) + [Unicode.Scalar(0x1F600)!, Unicode.Scalar(0x10FFFF)!]
        for scalar in characters {
            let allowed = [0x9, 0xA, 0xD].contains(scalar.value) || (0x20...0xD7FF).contains(scalar.value)
                || (0xE000...0xFFFD).contains(scalar.value) || scalar.value >= 0x10000
            let text = "a" + String(Character(scalar)) + "b"
            let expected = allowed ? text : "a\\u" + String(format: "%04X", scalar.value) + "b"
            #expect(XMLText.clean(text) == expected, "U+\(String(scalar.value, radix: 16))")
        }
    }
}
