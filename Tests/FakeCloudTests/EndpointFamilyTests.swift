@testable import FakeCloud
import Foundation
import Snapshot
import Testing

/// Which error shape a route answers in follows from the API its collections belong to (`CollectionEndpoint.api`),
/// not from a hand list of paths: every collection's API has a family, and every served path answers in it.
@Suite struct EndpointFamilyTests {
    /// The key only the family's error body has.
    static func shapeKey(_ family: APIFamily) -> String {
        switch family {
        case .identity: "errorCode"
        case .platform: "errors"
        case .resourceController: "error_code"
        }
    }

    @Test func everyCollectionsAPIHasAFamily() {
        for kind in CollectionKind.allCases {
            #expect(APIFamily(api: kind.endpoint.api) != nil, "\(kind.name): API \(kind.endpoint.api)")
        }
    }

    /// Every collection's path, asked without a token: the 401 comes in the family of the collection's API (the
    /// accounts API's `/v1/accounts/{account}` once answered in IAM Identity's shape, as `/v1/accounts/…/settings/identity`
    /// does). An unknown path answers in the platform shape.
    @Test func everyServedPathAnswersInItsAPIsFamily() async throws {
        try await withCloud(demoSnapshot) { cloud, client in
            for kind in CollectionKind.allCases {
                let path = kind.endpoint.path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
                    segment == "{account}" ? cloud.accountID : Endpoint.isParameter(String(segment)) ? "parent" : String(segment)
                }.joined(separator: "/")
                let answer = try await client.get(path)
                #expect(answer.status == 401, "\(kind.name): \(path)")
                let family = try #require(APIFamily(api: kind.endpoint.api))
                let body = try answer.json
                #expect(body[Self.shapeKey(family)] != nil, "\(kind.name): \(path) answered \(body.keys.sorted())")
            }
            let unknown = try await client.get("/v9/nothing-here")
            #expect(unknown.status == 404)
            #expect(try unknown.json["errors"] != nil)
        }
    }
}
