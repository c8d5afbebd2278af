import FakeCloud
import Foundation
import Testing

/// The token exchange, bearer checks, API key details and unknown paths.
@Suite struct AuthTests {
    /// Decodes one base64url JWT part (no padding).
    func decodePart(_ part: Substring) throws -> [String: Any] {
        #expect(!part.contains("=") && !part.contains("+") && !part.contains("/"))
        var base64 = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        let data = try #require(Data(base64Encoded: base64))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func requestsWithoutAValidTokenAre401InTheServiceShape() async throws {
        try await withCloud { _, client in
            let platform = try await client.get("/v2/groups")
            #expect(platform.status == 401)
            let errors = try #require(try platform.json["errors"] as? [[String: Any]])
            #expect(errors.first?["code"] as? String == "invalid_token")
            #expect(try platform.json["status_code"] as? Int == 401)
            #expect(try platform.json["trace"] is String)

            let identity = try await client.get("/v1/serviceids/")
            #expect(identity.status == 401)
            #expect(try identity.json["errorCode"] as? String == "BXNIM0407E")

            let resource = try await client.get("/v2/resource_instances")
            #expect(resource.status == 401)
            #expect(try resource.json["status_code"] as? Int == 401)

            var forged = client
            forged.token = "eyJhbGciOiJub25lIn0.eyJpYW1faWQiOiJ4In0.c2ln"
            #expect(try await forged.get("/v2/groups").status == 401)
        }
    }

    @Test func issuedTokenIsAJWTAndIsAccepted() async throws {
        try await withCloud { cloud, client in
            let response = try await client.requestToken(apiKey: "my-key")
            #expect(response.status == 200)
            let body = try response.json
            #expect(body["token_type"] as? String == "Bearer")
            #expect(body["refresh_token"] as? String == "not_supported")
            #expect(body["expires_in"] as? Int == 3600)
            #expect(body["scope"] as? String == "ibm openid")
            let expiration = try #require(body["expiration"] as? Int)
            #expect(abs(expiration - Int(Date().timeIntervalSince1970) - 3600) < 60)

            let jwt = try #require(body["access_token"] as? String)
            let parts = jwt.split(separator: ".", omittingEmptySubsequences: false)
            #expect(parts.count == 3)
            #expect(try decodePart(parts[0])["typ"] as? String == "JWT")
            let payload = try decodePart(parts[1])
            #expect(payload["iam_id"] as? String == Synthetic.owner)
            #expect((payload["account"] as? [String: Any])?["bss"] as? String == Synthetic.account)
            #expect(payload["exp"] as? Int == expiration)
            #expect(payload["sub"] as? String == "owner@example.com")
            #expect(payload["sub_type"] as? String == "user")
            #expect(cloud.iamID == Synthetic.owner)

            var authenticated = client
            authenticated.token = jwt
            #expect(try await authenticated.get("/v2/groups?account_id=\(Synthetic.account)").status == 200)
        }
    }

    @Test func badKeysAre400() async throws {
        try await withCloud { _, client in
            let bad = try await client.requestToken(apiKey: FakeCloud.Options.rejectedKey)
            #expect(bad.status == 400)
            #expect(try bad.json["errorCode"] as? String == "BXNIM0415E")
            #expect(try bad.json["errorMessage"] as? String == "Provided API key could not be found.")
            #expect(try bad.json["context"] is [String: Any])
            #expect(try await client.requestToken(apiKey: "").status == 400)
        }
        try await withCloud(options: FakeCloud.Options(apiKey: "the-only-key")) { _, client in
            let other = try await client.requestToken(apiKey: "another-key")
            #expect(other.status == 400)
            #expect(try await client.requestToken(apiKey: "the-only-key").status == 200)
        }
    }

    @Test func apiKeyDetailsNameTheOwnerAndAccount() async throws {
        try await withCloud(options: FakeCloud.Options(iamID: "iam-ServiceId-00003")) { cloud, client in
            let client = try await client.authenticated()
            let details = try await client.get("/v1/apikeys/details", headers: ["IAM-ApiKey": "test-key"])
            #expect(details.status == 200)
            #expect(try details.json["iam_id"] as? String == "iam-ServiceId-00003")
            #expect(try details.json["account_id"] as? String == Synthetic.account)
            let unknown = try await client.get("/v1/apikeys/details", headers: ["IAM-ApiKey": FakeCloud.Options.rejectedKey])
            #expect(unknown.status == 400)
            #expect(cloud.iamID == "iam-ServiceId-00003")
        }
    }

    @Test func unknownPathsAre404() async throws {
        try await withCloud { _, client in
            let client = try await client.authenticated()
            let response = try await client.get("/v3/nothing/here")
            #expect(response.status == 404)
            #expect(try await client.send("DELETE", "/v2/groups").status == 404)
            #expect(try await client.get("/v2/policies/no-such-policy").status == 404)
        }
    }

    @Test func countersSeeEveryAuthorizationHeaderAndNoKeyElsewhere() async throws {
        let secret = "very-secret-api-key-123"
        try await withCloud { cloud, client in
            let client = try await client.authenticated(apiKey: secret)
            _ = try await client.get("/v2/groups?account_id=\(Synthetic.account)")
            _ = try await client.get("/v2/groups?account_id=\(Synthetic.account)&offset=50")
            _ = try await client.get("/v1/profiles")
            let counters = cloud.counters
            #expect(counters.total == 4)
            #expect(counters.count("/v2/groups") == 2)
            #expect(counters.count("/identity/token") == 1)
            #expect(counters.tokensIssued == 1)
            #expect(counters.authorizationHeaders == Array(repeating: "Bearer \(client.token!)", count: 3))
            #expect(!counters.authorizationHeaders.contains { $0.contains(secret) })
            let log = cloud.requestLog
            #expect(log.map(\.status) == [200, 200, 200, 200])
            #expect(log.map(\.apiRequest) == [nil, 1, 2, 3])
            #expect(!log.contains { $0.target.contains(secret) || $0.description.contains(secret) })
            #expect(log[1].description == "GET /v2/groups?account_id=\(Synthetic.account) -> 200")
        }
    }
}
