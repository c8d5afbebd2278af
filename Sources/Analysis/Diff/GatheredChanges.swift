/// One cause's changes as the causes' two gathering threads found them (`DiffCause.attribute`): those of the holders
/// before the split, then those of the holders after it — so in holder order — kept in the two lists they were
/// gathered in rather than joined into one (on XL one cause holds most of the changes: joining copied half of them
/// on one thread).
struct GatheredChanges: Sendable {
    let first: [ChangePosition]
    let later: [ChangePosition]

    /// How many changes.
    var count: Int { first.count + later.count }

    /// The changes at `offsets` of `first + later`, in order.
    subscript(offsets: Range<Int>) -> FlattenSequence<[ArraySlice<ChangePosition>]> {
        let split = first.count
        return [first[offsets.clamped(to: 0..<split)],
                later[(max(offsets.lowerBound, split) - split)..<(max(offsets.upperBound, split) - split)]].joined()
    }
}
