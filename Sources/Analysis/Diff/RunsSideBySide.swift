import Model

/// Runs of items (each cause's changes, or the groups of its effects) worked on in two parts side by side, split at
/// one item of one run rather than between runs: a run that holds most of the items (on XL one cause holds most of
/// the changes) is then shared by both threads too. The run split in two is worked on in two fragments, one on each
/// thread, joined in order.
enum RunsSideBySide {
    /// Where the later part starts: at item `offset` of run `run` (`run` is the number of runs when it is empty).
    struct Split: Equatable {
        let run: Int
        let offset: Int
    }

    /// The item that splits runs of `counts` items into two parts of about equal total weight: `weights` are the
    /// runs' total weights, `weight` an item's weight (`nil`: 1 each, so that a run's weight is its count).
    static func split(_ counts: [Int], weights: [Int]? = nil, weight: ((_ run: Int, _ item: Int) -> Int)? = nil)
        -> Split {
        let weights = weights ?? counts
        let half = weights.reduce(0, +) / 2
        var before = 0
        for run in counts.indices {
            guard before + weights[run] <= half else {
                var offset = 0
                if let weight {
                    var reached = before
                    while offset < counts[run] && reached < half {
                        reached += weight(run, offset)
                        offset += 1
                    }
                } else {
                    offset = min(half - before, counts[run])
                }
                return offset < counts[run] ? Split(run: run, offset: offset) : Split(run: run + 1, offset: 0)
            }
            before += weights[run]
        }
        return Split(run: counts.count, offset: 0)
    }

    /// `fragment` of each run's items (runs of `counts` items), the items before `split` on the calling thread and
    /// the rest on a thread of its own, at the same time; the two fragments of the run split between them joined
    /// (`join`, the later appended to the first) — one fragment per run, in the runs' order.
    static func fragments<Fragment: Sendable>(_ counts: [Int], split: Split,
                                              _ fragment: @escaping @Sendable (_ run: Int, _ items: Range<Int>) -> Fragment,
                                              join: (inout Fragment, Fragment) -> Void) -> [Fragment] {
        let later = Concurrent.onItsOwnThread { () -> [Fragment] in
            guard split.run < counts.count else { return [] }
            return [fragment(split.run, split.offset..<counts[split.run])]
                + (split.run + 1..<counts.count).map { fragment($0, 0..<counts[$0]) }
        }
        var first = (0..<split.run).map { fragment($0, 0..<counts[$0]) }
        if split.offset > 0 { first.append(fragment(split.run, 0..<split.offset)) }
        var rest = later.value[...]
        if split.offset > 0, let seam = rest.popFirst() { join(&first[first.count - 1], seam) }
        return first + rest
    }
}
