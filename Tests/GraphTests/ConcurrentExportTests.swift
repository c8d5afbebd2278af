import Foundation
import Testing
@testable import Reports
import GraphValues

/// The GraphML and OpenGraph exports make their node and edge lists on two threads a chunk at a time
/// (`ConcurrentChunks`): the bytes are those of the writers they replaced, across chunk and batch boundaries.
@Suite struct ConcurrentExportTests {
    /// Consecutive ranges' texts, made a chunk at a time: what one thread making every element in turn gives.
    @Test(arguments: [0, 1, 2, 3, 7, 8, 9, 100])
    func chunksComeInElementOrder(count: Int) throws {
        for chunkSize in [1, 2, 3, 4, 1000] {
            var emitted: [UInt8] = []
            try ConcurrentChunks.forEach(count: count, chunkSize: chunkSize, make: { range in
                range.flatMap { Array("\($0),".utf8) }
            }, emit: { emitted += $0 })
            #expect(String(decoding: emitted, as: UTF8.self) == (0..<count).map { "\($0)," }.joined(), "\(chunkSize)")
        }
    }

    private struct Refused: Error, Equatable {
        let index: Int
    }

    @Test func theFirstErrorInElementOrderIsThrownAndNothingAfterItEmitted() {
        var emitted: [UInt8] = []
        #expect(throws: Refused(index: 5)) {
            try ConcurrentChunks.forEach(count: 20, chunkSize: 2, make: { range in
                if let refused = range.first(where: { $0 == 5 || $0 == 13 }) { throw Refused(index: refused) }
                return range.map { UInt8($0) }
            }, emit: { emitted += $0 })
        }
        #expect(emitted == [0, 1, 2, 3])
    }

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
