/// A trusted profile (IAM Identity `GET /v1/profiles`), with what may assume it.
package struct TrustedProfile: Decodable, Sendable, Hashable {
    package let id: String
    package let iamID: String
    package let name: String?
    package let description: String?
    package let crn: String?
    package let createdAt: Timestamp?
    /// For a profile created by a trusted profile template assignment: the template and the assignment.
    package let templateID: String?
    package let assignmentID: String?
    /// Compute resources that may assume the profile (`/links`).
    package internal(set) var links: [ProfileLink] = []
    /// Federated-user and compute-resource claim rules (`/rules`).
    package internal(set) var rules: [ProfileClaimRule] = []
    /// Identities allowed to assume the profile (`/identities`).
    package internal(set) var identities: [ProfileIdentity] = []

    enum CodingKeys: String, CodingKey {
        case id, name, description, crn
        case iamID = "iam_id", createdAt = "created_at", templateID = "template_id", assignmentID = "assignment_id"
    }
}

/// A compute resource linked to a trusted profile.
package struct ProfileLink: Decodable, Sendable, Hashable {
    package let id: String
    package let name: String?
    /// VSI | PVS | BMS | IKS_SA | ROKS_SA | CE
    package let crType: String?
    package let link: Target?

    package struct Target: Decodable, Sendable, Hashable {
        package let crn: String?
        package let namespace: String?
        package let name: String?
        package let componentType: String?
        package let componentName: String?

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
package struct ProfileClaimRule: Decodable, Sendable, Hashable {
    package let id: String
    package let name: String?
    package let type: String?
    package let realmName: String?
    package let crType: String?
    /// Session lifetime in seconds.
    package let expiration: Int?
    package let conditions: [ClaimCondition]?

    enum CodingKeys: String, CodingKey {
        case id, name, type, expiration, conditions
        case realmName = "realm_name", crType = "cr_type"
    }
}

/// An identity (user, service ID or CRN) allowed to assume a trusted profile.
package struct ProfileIdentity: Decodable, Sendable, Hashable {
    package let iamID: String
    package let identifier: String?
    /// user | serviceid | crn
    package let type: String?
    package let description: String?

    enum CodingKeys: String, CodingKey {
        case identifier, type, description
        case iamID = "iam_id"
    }
}
