import Snapshot

/// How the policy files look through the v1 and v2 Policy Management APIs.
///
/// The files hold v2 items (`subject`, `control`) and, for policies v2 did not return, raw v1 items (`subjects`).
/// v2 serves the v2 items; v1 serves the v1 items and, for every v2 item, the placeholder real v1 lists in its place.
/// Subject filters (`iam_id=`, `access_group_id=`) apply to the v1 items and, for placeholders, to the v2 policy they
/// stand for. `PolicyListing` indexes the lists once.
enum PolicyViews {
    /// The role of a v1 placeholder for a v2-only policy.
    static let unsupportedVersionRole = "crn:v1:bluemix:public:iam::::role:UnsupportedVersion"

    /// The family of the Policy Management API, whose collections the policy lists read.
    static let family = APIFamily.of([.accessPolicies, .authorizationPolicies])

    /// The collections a policy list request reads: `type=access`, `type=authorization`, or both.
    static func kinds(for request: APIRequest) throws -> [CollectionKind] {
        switch request.query("type") {
        case nil: [.accessPolicies, .authorizationPolicies]
        case "access": [.accessPolicies]
        case "authorization": [.authorizationPolicies]
        case let other?: throw APIError.badRequest("Invalid type \"\(other)\": expected access or authorization.")
        }
    }

    /// Whether a policy item is v2-shaped.
    static func isV2(_ policy: RawJSON) -> Bool {
        policy["subject"] != nil || policy["control"] != nil
    }

    /// The v1 placeholder for a v2 policy: same id, type, state and timestamps, role `UnsupportedVersion`, subject
    /// `iam_id` = `unsupported version`, `href` to the v2 policy.
    static func placeholder(for policy: RawJSON) -> RawJSON {
        let id = policy["id"]?.stringValue ?? ""
        var members: [String: RawJSON] = [
            "id": .string(id),
            "type": policy["type"] ?? "access",
            "subjects": [["attributes": [["name": "iam_id", "value": "unsupported version"]]]],
            "roles": [[
                "role_id": .string(unsupportedVersionRole),
                "display_name": "Unsupported Version",
                "description": "This policy uses a version of the API that is not supported by this endpoint.",
            ]],
            "resources": [["attributes": [["name": "accountId", "value": "unsupported version"]]]],
            "href": .string("https://iam.cloud.ibm.com/v2/policies/\(id)"),
        ]
        for key in ["created_at", "created_by_id", "last_modified_at", "last_modified_by_id", "state"] {
            if let value = policy[key] { members[key] = value }
        }
        return .object(members)
    }

    /// The policy with `last_permit_at` / `last_permit_frequency` merged back when the request asks for
    /// `format=include_last_permit`.
    static func withUsage(_ policy: RawJSON, request: APIRequest, usage: [String: RawJSON]) -> RawJSON {
        guard request.query("format") == "include_last_permit",
              let id = policy["id"]?.stringValue, let fields = usage[id]?.objectValue else { return policy }
        return fields.reduce(policy) { $0.setting($1.key, to: $1.value) }
    }

    /// The values of subject attribute `name`: v2 `subject.attributes[].key`, v1 `subjects[].attributes[].name`.
    static func subjectValues(of policy: RawJSON, named name: String) -> [String] {
        if let attributes = policy["subject"]?["attributes"]?.arrayValue {
            return attributes.filter { $0["key"]?.stringValue == name }.compactMap { $0["value"]?.stringValue }
        }
        return (policy["subjects"]?.arrayValue ?? []).flatMap { subject in
            (subject["attributes"]?.arrayValue ?? [])
                .filter { $0["name"]?.stringValue == name }.compactMap { $0["value"]?.stringValue }
        }
    }
}
