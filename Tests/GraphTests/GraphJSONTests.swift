import Foundation
import Testing
@testable import Graph
import Model
import Reports

@Suite struct GraphJSONTests {
    @Test func jsonIsVersionedCompleteAndDeterministic() throws {
        let options = ViewOptions()
        let one = try GraphJSON.data(try AccessMap.build(Demo.account, options: options), account: Demo.account, options: options)
        let two = try GraphJSON.data(try AccessMap.build(Demo.account, options: options), account: Demo.account, options: options)
        #expect(one == two)
        let document = try #require(try JSONSerialization.jsonObject(with: one) as? [String: Any])
        #expect(document["format"] as? String == "iamgraph-graph")
        #expect(document["version"] as? Int == 1)
        let nodes = try #require(document["nodes"] as? [[String: Any]])
        let ids = nodes.compactMap { $0["id"] as? String }
        #expect(ids == ids.sorted())
        #expect(nodes.allSatisfy { Set($0.keys) == ["id", "kind", "label", "attributes", "flags"] })
        let edges = try #require(document["edges"] as? [[String: Any]])
        #expect(edges.allSatisfy { Set($0.keys) == ["source", "target", "kind", "label", "attributes", "flags"] })
        let account = try #require(document["account"] as? [String: Any])
        #expect(try account["id"] as? String == Demo.account.accountID)
    }

    @Test func redactionRemovesEmailsNamesAndTheAccountID() throws {
        let options = ViewOptions()
        let graph = try AccessMap.build(Demo.account, options: options)
        let redacted = try Redaction(accountID: Demo.account.accountID, accountName: Demo.account.info?.name).apply(to: graph)
        let text = String(decoding: try GraphJSON.data(redacted, account: Demo.account, options: options, redacted: true), as: UTF8.self)
        #expect(try !text.contains(Demo.account.accountID))
        #expect(!text.contains("Acme Dev Team"))
        for user in try Demo.account.users {
            #expect(!text.contains(user.iamID))
            if let email = user.email { #expect(!text.contains(email)) }
            if let last = user.lastname, last.count > 3 { #expect(!text.contains(last)) }
        }
        // Stable: the same input gives the same pseudonym; the structure is unchanged.
        let again = try Redaction(accountID: Demo.account.accountID, accountName: Demo.account.info?.name).apply(to: graph)
        #expect(redacted == again)
        #expect(redacted.nodes.count == graph.nodes.count && redacted.edges.count == graph.edges.count)
        let ids = redacted.nodeIDs
        #expect(redacted.edges.allSatisfy { ids.contains($0.source) && ids.contains($0.target) })
    }
}
