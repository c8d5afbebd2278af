/// A service credential (`GET /v2/resource_keys`): a key on an instance, backed by a service ID that the key's role is
/// granted to. Only the identifying part of `credentials` is in a snapshot, never the secret.
package struct ResourceKey: Decodable, Sendable, Hashable {
    package let id: String
    package let guid: String?
    package let name: String?
    package let crn: String?
    /// The CRN of the instance (or alias) the key is for.
    package let sourceCRN: String?
    package let state: String?
    package let createdAt: Timestamp?
    package let createdBy: String?
    /// The role the key's service ID holds on the instance (`credentials.iam_role_crn`).
    package let roleCRN: String?
    /// The backing service ID (`credentials.iam_serviceid_crn`).
    package let serviceIDCRN: String?
    /// The id of the API key behind the credential (`credentials.iam_apikey_id`), when the credential names it.
    package let apiKeyID: String?

    enum CodingKeys: String, CodingKey {
        case id, guid, name, crn, state, credentials
        case sourceCRN = "source_crn", createdAt = "created_at", createdBy = "created_by"
    }

    enum CredentialKeys: String, CodingKey {
        case roleCRN = "iam_role_crn", serviceIDCRN = "iam_serviceid_crn", apiKeyID = "iam_apikey_id"
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        guid = try c.decodeIfPresent(String.self, forKey: .guid)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        crn = try c.decodeIfPresent(String.self, forKey: .crn)
        sourceCRN = try c.decodeIfPresent(String.self, forKey: .sourceCRN)
        state = try c.decodeIfPresent(String.self, forKey: .state)
        createdAt = try c.decodeIfPresent(Timestamp.self, forKey: .createdAt)
        createdBy = try c.decodeIfPresent(String.self, forKey: .createdBy)
        let credentials = try c.decodeIfPresent([String: LossyString].self, forKey: .credentials) ?? [:]
        roleCRN = credentials[CredentialKeys.roleCRN.rawValue]?.value
        serviceIDCRN = credentials[CredentialKeys.serviceIDCRN.rawValue]?.value
        apiKeyID = credentials[CredentialKeys.apiKeyID.rawValue]?.value
    }

    /// The instance the key is for: its CRN parsed.
    package var instance: CRN? { sourceCRN.flatMap(CRN.init) }
    /// The backing service ID's id (`ServiceId-…`): the last CRN segment of `iam_serviceid_crn`.
    package var serviceID: String? {
        guard let last = serviceIDCRN?.split(separator: ":", omittingEmptySubsequences: false).last, !last.isEmpty else { return nil }
        return String(last)
    }
}
