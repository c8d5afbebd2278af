/// The MFA enrolment report (`fetch --with-mfa-report`, `GET /v1/mfa/accounts/{account}/report/{reference}`), from
/// the volatile area: per user, which MFA applies and whether the user's enrolment complies with it.
package struct MFAReport: Decodable, Sendable, Hashable {
    /// One user's enrolment.
    package struct Entry: Decodable, Sendable, Hashable {
        package let iamID: String?
        package let name: String?
        package let username: String?
        package let email: String?
        /// `id_based_mfa` or `account_based_mfa`: which of the two enrolments below is in effect.
        package let effectiveMFAType: String?
        package let idBasedMFA: IDBased?
        package let accountBasedMFA: Compliance?

        enum CodingKeys: String, CodingKey {
            case name, username, email
            case iamID = "iam_id", effectiveMFAType = "effective_mfa_type", idBasedMFA = "id_based_mfa",
                 accountBasedMFA = "account_based_mfa"
        }

        /// Whether the enrolment in effect complies with what the account requires; `nil` when the report does not say.
        package var complies: Bool? {
            effectiveMFAType == "account_based_mfa" ? accountBasedMFA?.complies : idBasedMFA?.complies
        }
    }

    /// The identity-based enrolment: the MFA trait in effect (`NONE`, `TOTP`, `LEVEL2`…) and compliance.
    package struct IDBased: Decodable, Sendable, Hashable {
        package let traitEffective: String?
        package let complies: Bool?

        enum CodingKeys: String, CodingKey {
            case complies
            case traitEffective = "trait_effective"
        }
    }

    /// The account-based enrolment's compliance.
    package struct Compliance: Decodable, Sendable, Hashable {
        package let complies: Bool?
    }

    package let reportTime: Timestamp?
    package let users: [Entry]?

    enum CodingKeys: String, CodingKey {
        case users
        case reportTime = "report_time"
    }
}
