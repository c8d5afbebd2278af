/// The inactive-identities activity report (`fetch --with-activity`), from the volatile area.
public struct ActivityReport: Decodable, Sendable, Hashable {
    /// One identity or key and when it last authenticated (absent: never, within the report's window).
    public struct Entry: Decodable, Sendable, Hashable {
        public let id: String?
        public let iamID: String?
        public let name: String?
        public let lastAuthn: Timestamp?

        enum CodingKeys: String, CodingKey {
            case id, name
            case iamID = "iam_id", lastAuthn = "last_authn"
        }

        /// `iam_id` for users, `id` for service IDs, profiles and API keys.
        public var key: String { iamID ?? id ?? "" }
    }

    public let users: [Entry]?
    public let serviceids: [Entry]?
    public let profiles: [Entry]?
    public let apikeys: [Entry]?
    public let reportStartTime: Timestamp?
    public let reportEndTime: Timestamp?

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
