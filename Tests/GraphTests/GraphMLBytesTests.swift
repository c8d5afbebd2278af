import Foundation
import Testing
@testable import Graph
@testable import Model
@testable import Reports
import GraphValues
import TestSupport

/// `GraphMLDocument` writes the bytes Foundation's pretty-printed `XMLDocument` wrote (`FoundationGraphML`, the
/// writer it replaced): the same layout, escaping and cleaning, for hostile names, every character, and the samples.
@Suite struct GraphMLBytesTests {
    /// Every character from U+0000 to U+00FF, and a few beyond: a line separator, the two non-characters XML cannot
    /// carry, an emoji.
    static let characters = String(String.UnicodeScalarView((0...0xFF).compactMap(Unicode.Scalar.init)))
        + "\u{2028} \u{FFFE}\u{FFFF} \u{1F600} é ]]> &amp; &#10;"

    @Test(arguments: [false, true])
    func hostileNamesGiveFoundationsBytes(policies: Bool) throws {
        let graph = try HostileExportTests.graph(policies: policies)
        #expect(try GraphMLDocument.data(graph) == FoundationGraphML.data(graph))
    }

    @Test func everyCharacterGivesFoundationsBytes() throws {
        let text = Self.characters
        let graph = AccessGraph(
            title: text,
            nodes: [
                Node(id: "user:" + text, kind: .user, label: text, attributes: ["email": text, "iam_id": "\n\t\r\"'"],
                     flags: [.privileged, .warning]),
                Node(id: "access_group:plain", kind: .accessGroup, label: "", attributes: ["description": ""]),
            ],
            edges: [Edge(source: "user:" + text, target: "access_group:plain", kind: .memberOf, label: text,
                         attributes: ["membership": text], flags: .dynamic)])
        #expect(try GraphMLDocument.data(graph) == FoundationGraphML.data(graph))
    }

    @Test(arguments: ["demo", "enterprise"])
    func everySampleGivesFoundationsBytes(sample: String) throws {
        let account = try AccountLoader.load(directory: sample == "demo" ? Samples.demo : Samples.enterprise).account
        for options in [ViewOptions(maxNodes: nil), ViewOptions(showPolicies: true, maxNodes: nil), ViewOptions()] {
            let graph = try AccessMap.build(account, options: options)
            #expect(try GraphMLDocument.data(graph) == FoundationGraphML.data(graph))
        }
    }
}
