/// Where an access change is in `SnapshotDiff.access`: its holder's offset and its offset in that holder's
/// `lost + gained` (`IdentityAccessChanges.change(at:)`). Causes gather changes by position, so they are never copied.
struct ChangePosition {
    let holder: Int
    let change: Int
}
