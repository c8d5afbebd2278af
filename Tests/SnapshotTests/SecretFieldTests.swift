import Foundation
import Testing
@testable import Snapshot

/// A service credential's secret never reaches a snapshot file: only the fields that identify the key are kept.
@Suite struct SecretFieldTests {
    @Test func resourceKeyCredentialsKeepOnlyIdentifyingFields() throws {
        let key: [String: Any] = [
            "id": "crn:v1:bluemix:public:cloud-object-storage:global:a/0123:guid:resource-key:k1",
            "name": "hmac",
            "credentials": [
                "apikey": "SECRET-API-KEY", "cos_hmac_keys": ["access_key_id": "AKID", "secret_access_key": "SECRET-HMAC"],
                "endpoints": "https://example.invalid", "iam_apikey_description": "Auto-generated", "iam_apikey_name": "hmac",
                "iam_role_crn": "crn:v1:bluemix:public:iam::::serviceRole:Writer",
                "iam_serviceid_crn": "crn:v1:bluemix:public:iam-identity::a/0123::serviceid:ServiceId-1",
            ] as [String: Any],
        ]
        let file = try NormalizedCollection(.resourceKeys, content: [key])
        let text = try #require(String(data: file.data, encoding: .utf8))
        #expect(!text.contains("SECRET"))
        #expect(!text.contains("AKID"))
        let items = try #require(try JSONSerialization.jsonObject(with: file.data) as? [[String: Any]])
        let credentials = try #require(items.first?["credentials"] as? [String: Any])
        #expect(Set(credentials.keys) == ["iam_apikey_description", "iam_apikey_name", "iam_role_crn", "iam_serviceid_crn"])
        #expect(items.first?["name"] as? String == "hmac")
    }

    @Test func credentialsThatAreNotAnObjectBecomeEmpty() throws {
        let file = try NormalizedCollection(.resourceKeys, content: [["id": "k", "credentials": "SECRET-as-a-string"]])
        #expect(String(data: file.data, encoding: .utf8)?.contains("SECRET") == false)
    }

    @Test func onlyResourceKeysHaveCredentialsFiltered() {
        #expect(CollectionKind.allCases.filter { $0.keptCredentialFields != nil } == [.resourceKeys])
    }

    @Test func identityProviderSecretsAreDropped() throws {
        let provider: [String: Any] = ["idp_id": "IdP-1", "name": "SSO", "secrets": ["client_secret": "SECRET-OIDC"],
                                       "properties": ["entity_id": "https://sso.example.com"]]
        let file = try NormalizedCollection(.identityProviders, content: [provider])
        let items = try #require(try JSONSerialization.jsonObject(with: file.data) as? [[String: Any]])
        #expect(items.first?["secrets"] == nil)
        #expect(items.first?["name"] as? String == "SSO")
        #expect(CollectionKind.allCases.filter { !$0.droppedSecretFields.isEmpty } == [.identityProviders])
    }
}
