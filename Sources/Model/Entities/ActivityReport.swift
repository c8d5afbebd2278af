/// The inactive-identities activity report (`fetch --with-activity`), from the volatile area.
package struct ActivityReport: Decodable, Sendable, Hashable {
    /// One identity or key and when it last authenticated (absent: never, within the report's window).
    package struct Entry: Decodable, Sendable, Hashable {
        package let id: String?
        package let iamID: String?
        package let name: String?
        package let lastAuthn: Timestamp?

        enum CodingKeys: String, CodingKey {
            case id, name
            case iamID = "iam_id", lastAuthn = "last_authn"
        }

        /// `iam_id` for users, `id` for service IDs, profiles and API keys.
        package var key: String { iamID ?? id ?? "" }
    }

    package let users: [Entry]?
    package let serviceids: [Entry]?
    package let profiles: [Entry]?
    package let apikeys: [Entry]?
    package let reportStartTime: Timestamp?
    package let reportEndTime: Timestamp?

    enum CodingKeys: String, CodingKey {
        case users, serviceids, profiles, apikeys
        case reportStartTime = "report_start_time", reportEndTime = "report_end_time"
    }
}

/// A policy's usage fields, as kept in `volatile/policy-usage.json`.
package struct PolicyUsage: Decodable {
    package let lastPermitAt: Timestamp?
    package let lastPermitFrequency: Int?

    enum CodingKeys: String, CodingKey {
        case lastPermitAt = "last_permit_at", lastPermitFrequency = "last_permit_frequency"
    }
}
