import Foundation

/// The inputs of a findings report besides the account.
public struct FindingsOptions: Sendable, Hashable {
    /// The default of `inactiveDays`.
    public static let defaultInactiveDays = 90

    /// "Now" for inactivity; `nil` means the snapshot's `fetched_at`, so a report depends only on its snapshot.
    public var asOf: Date?
    /// Policies, identities and API keys not used for this many days are inactive.
    public var inactiveDays: Int

    /// Options; the defaults measure inactivity from the snapshot's `fetched_at`, over 90 days.
    public init(asOf: Date? = nil, inactiveDays: Int = Self.defaultInactiveDays) {
        self.asOf = asOf
        self.inactiveDays = inactiveDays
    }
}
