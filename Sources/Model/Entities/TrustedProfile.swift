/// A trusted profile (IAM Identity `GET /v1/profiles`), with what may assume it.
public struct TrustedProfile: Decodable, Sendable, Hashable {
    public let id: String
    public let iamID: String
    public let name: String?
    public let description: String?
    public let crn: String?
    public let createdAt: Timestamp?
    /// For a profile created by a trusted profile template assignment: the template and the assignment.
    public let templateID: String?
    public let assignmentID: String?
    /// Compute resources that may assume the profile (`/links`).
    public internal(set) var links: [ProfileLink] = []
    /// Federated-user and compute-resource claim rules (`/rules`).
    public internal(set) var rules: [ProfileClaimRule] = []
    /// Identities allowed to assume the profile (`/identities`).
    public internal(set) var identities: [ProfileIdentity] = []

    enum CodingKeys: String, CodingKey {
        case id, name, description, crn
        case iamID = "iam_id", createdAt = "created_at", templateID = "template_id", assignmentID = "assignment_id"
    }
}

/// A compute resource linked to a trusted profile.
public struct ProfileLink: Decodable, Sendable, Hashable {
    public let id: String
    public let name: String?
    /// VSI | PVS | BMS | IKS_SA | ROKS_SA | CE
    public let crType: String?
    public let link: Target?

    public struct Target: Decodable, Sendable, Hashable {
        public let crn: String?
        public let namespace: String?
        public let name: String?
        public let componentType: String?
        public let componentName: String?

        enum CodingKeys: String, CodingKey {
            case crn, namespace, name
            case componentType = "component_type", componentName = "component_name"
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, name, link
        case crType = "cr_type"
    }
}

/// A claim rule: federated users (`Profile-SAML`) or compute resources (`Profile-CR`) matching its conditions.
public struct ProfileClaimRule: Decodable, Sendable, Hashable {
    public let id: String
    public let name: String?
    public let type: String?
    public let realmName: String?
    public let crType: String?
    /// Session lifetime in seconds.
    public let expiration: Int?
    public let conditions: [ClaimCondition]?

    enum CodingKeys: String, CodingKey {
        case id, name, type, expiration, conditions
        case realmName = "realm_name", crType = "cr_type"
    }
}

/// An identity (user, service ID or CRN) allowed to assume a trusted profile.
public struct ProfileIdentity: Decodable, Sendable, Hashable {
    public let iamID: String
    public let identifier: String?
    /// user | serviceid | crn
    public let type: String?
    public let description: String?

    enum CodingKeys: String, CodingKey {
        case identifier, type, description
        case iamID = "iam_id"
    }
}
