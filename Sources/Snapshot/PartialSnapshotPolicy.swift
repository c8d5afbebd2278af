/// What writing a partial snapshot (one with collections that are not `ok`) may do to a snapshot already in place.
package enum PartialSnapshotPolicy: Sendable {
    /// Replace it whatever it holds (`fetch --allow-partial`; tools that rewrite their own snapshots).
    case replace
    /// Replace it only when nothing is lost — every collection it holds, the new one holds too; otherwise leave it
    /// as it was and write the new one beside it (`NAME.partial-<time>`).
    case keepWhatWouldBeLost
}
