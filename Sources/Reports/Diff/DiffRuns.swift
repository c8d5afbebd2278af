import Analysis

/// How a diff's long parts are cut into runs that are written on two threads (`OrderedRuns`): consecutive causes or
/// holders of about `target` changes each, so that a run takes about as long to write as the next and only a few
/// megabytes of output are held at once.
enum DiffRuns {
    /// About how many changes (or effects and their holders) a run holds; tests cut runs of one item to check that
    /// the output does not depend on the cutting.
    @TaskLocal static var target = 256

    /// Runs of `diff.causes`, weighed by their effects and the holders listed in them.
    static func causes(_ diff: SnapshotDiff) -> [Range<Int>] {
        OrderedRuns.ranges(count: diff.causes.count, target: target) { index in
            diff.causes[index].effects.reduce(0) { $0 + 1 + $1.holders.count }
        }
    }

    /// Runs of `diff.access`, weighed by each holder's changes.
    static func holders(_ diff: SnapshotDiff) -> [Range<Int>] {
        OrderedRuns.ranges(count: diff.access.count, target: target) { index in
            diff.access[index].gained.count + diff.access[index].lost.count
        }
    }
}
