import Foundation

/// The inputs of a findings report besides the account.
package struct FindingsOptions: Sendable, Hashable {
    /// The default of `inactiveDays`.
    package static let defaultInactiveDays = 90

    /// "Now" for inactivity; `nil` means the snapshot's `fetched_at`, so a report depends only on its snapshot.
    package var asOf: Date?
    /// Policies and identities not used for this many days are inactive.
    package var inactiveDays: Int
    /// API keys not used for this many days are inactive (`api-key-inactive`; CIS 1.2 says 180).
    package var keyUnusedDays: Int
    /// API keys older than this many days are due for rotation (`api-key-not-rotated`; CIS 1.3 says 90).
    package var keyMaxAgeDays: Int
    /// More users with administrator privileges than this fail CIS 1.14 (`too-many-administrators`).
    package var maxAdministrators: Int
    /// More service IDs with administrator privileges than this fail CIS 1.15 (`too-many-administrator-service-ids`).
    package var maxAdministratorServiceIDs: Int

    /// The default of `keyUnusedDays`, the CIS benchmark's.
    package static let defaultKeyUnusedDays = 180
    /// The default of `keyMaxAgeDays`, the CIS benchmark's.
    package static let defaultKeyMaxAgeDays = 90
    /// The default of `maxAdministrators` (the benchmark names no number).
    package static let defaultMaxAdministrators = 5
    /// The default of `maxAdministratorServiceIDs` (the benchmark names no number).
    package static let defaultMaxAdministratorServiceIDs = 3

    /// Options; the defaults measure inactivity from the snapshot's `fetched_at`, over 90 days, and use the CIS
    /// benchmark's thresholds for API keys.
    package init(asOf: Date? = nil, inactiveDays: Int = Self.defaultInactiveDays,
                keyUnusedDays: Int = Self.defaultKeyUnusedDays, keyMaxAgeDays: Int = Self.defaultKeyMaxAgeDays,
                maxAdministrators: Int = Self.defaultMaxAdministrators,
                maxAdministratorServiceIDs: Int = Self.defaultMaxAdministratorServiceIDs) {
        self.asOf = asOf
        self.inactiveDays = inactiveDays
        self.keyUnusedDays = keyUnusedDays
        self.keyMaxAgeDays = keyMaxAgeDays
        self.maxAdministrators = maxAdministrators
        self.maxAdministratorServiceIDs = maxAdministratorServiceIDs
    }
}
