import Foundation
import Snapshot

extension Endpoint {
    /// The grant type of an API key exchange.
    static let apiKeyGrant = "urn:ibm:params:oauth:grant-type:apikey"

    /// The IAM token service and the API key details lookup.
    static let token: [Endpoint] = [
        Endpoint("POST", "/identity/token", family: .identity, needsToken: false) { context in
            let form = context.request.form
            guard form["grant_type"] == apiKeyGrant else {
                throw APIError.badRequest("Unsupported grant_type \"\(form["grant_type"] ?? "")\": expected \(apiKeyGrant).")
            }
            guard context.engine.options.accepts(form["apikey"]) else { throw APIError.unknownAPIKey }
            return .json(context.engine.issueToken())
        },
        // The key is in the `IAM-ApiKey` header; the answer names its owner and account.
        Endpoint("GET", "/v1/apikeys/details", family: .identity) { context in
            guard let key = context.request.header("IAM-ApiKey") else {
                throw APIError.badRequest("Missing header IAM-ApiKey.")
            }
            guard context.engine.options.accepts(key) else { throw APIError.unknownAPIKey }
            let issuer = context.engine.issuer
            let known = context.engine.apiKeys.firstKey(of: issuer.iamID)
            let details = (known ?? [
                "id": "ApiKey-fake-ibmcloud",
                "name": "fake-ibmcloud",
                "crn": .string("crn:v1:bluemix:public:iam-identity::a/\(issuer.accountID)::apikey:ApiKey-fake-ibmcloud"),
                "locked": false,
            ]).setting("iam_id", to: .string(issuer.iamID)).setting("account_id", to: .string(issuer.accountID))
            return .json(details)
        },
    ]
}
