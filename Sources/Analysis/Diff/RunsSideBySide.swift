import Model

/// Runs of items (each cause's changes, or the groups of its effects) worked on in pieces on two threads, a piece
/// split from the next at one item of one run rather than between runs: a run that holds most of the items (on XL one
/// cause holds most of the changes) is then shared by both threads too. One thread takes the pieces from the front,
/// the other from the back (`TakenFromBothEnds`), so a thread held up by pieces that cost more than their weight said
/// leaves the rest to the other; the fragments of a run split between pieces are joined in order.
enum RunsSideBySide {
    /// Where a piece starts: at item `offset` of run `run` (`run` is the number of runs when it is empty).
    struct Split: Equatable, Sendable {
        let run: Int
        let offset: Int
    }

    /// How many pieces the runs are cut into: enough that the last piece taken leaves the other thread idle briefly
    /// (the causes' groups cost per change several times more in some runs than in others), few enough that joining
    /// the fragments of the runs they cut costs little.
    static let pieces = 32

    /// The `parts - 1` items that split runs of `counts` items into `parts` parts of about equal total weight, in
    /// order (two may be equal: an empty part): `weights` are the runs' total weights, `weight` an item's weight
    /// (`nil`: 1 each, so that a run's weight is its count).
    static func splits(_ counts: [Int], parts: Int, weights: [Int]? = nil,
                       weight: ((_ run: Int, _ item: Int) -> Int)? = nil) -> [Split] {
        let weights = weights ?? counts
        let total = weights.reduce(0, +)
        var splits: [Split] = []
        var before = 0, run = 0, offset = 0, reached = 0
        for part in 1..<max(parts, 1) {
            let target = total * part / parts
            // The run the part ends in: the first whose weight reaches past the target.
            while run < counts.count && before + weights[run] <= target {
                before += weights[run]
                run += 1
                offset = 0
                reached = before
            }
            guard run < counts.count else {
                splits.append(Split(run: counts.count, offset: 0))
                continue
            }
            if let weight {
                while offset < counts[run] && reached < target {
                    reached += weight(run, offset)
                    offset += 1
                }
            } else {
                offset = max(offset, min(target - before, counts[run]))
            }
            splits.append(offset < counts[run] ? Split(run: run, offset: offset) : Split(run: run + 1, offset: 0))
        }
        return splits
    }

    /// `fragment` of each run's items (runs of `counts` items) in the pieces between `splits` (in order), the
    /// calling thread taking them from the front and a thread of its own from the back; the fragments of a run cut by
    /// `splits` joined in order (`join`, the later appended to the earlier) — one fragment per run, in the runs'
    /// order, as if each run had been worked on whole.
    static func fragments<Fragment: Sendable>(_ counts: [Int], splits: [Split],
                                              _ fragment: @escaping @Sendable (_ run: Int, _ items: Range<Int>) -> Fragment,
                                              join: (inout Fragment, Fragment) -> Void) -> [Fragment] {
        let bounds = [Split(run: 0, offset: 0)] + splits + [Split(run: counts.count, offset: 0)]
        let pieces = TakenFromBothEnds<[(run: Int, fragment: Fragment)]>(count: bounds.count - 1)
        let work: @Sendable (_ fromFront: Bool) -> Void = { fromFront in
            while let piece = pieces.take(fromFront: fromFront) {
                pieces.set(piece, Self.items(from: bounds[piece], to: bounds[piece + 1], counts: counts).map {
                    (run: $0.run, fragment: fragment($0.run, $0.items))
                })
            }
        }
        let other = Concurrent.onItsOwnThread { work(false) }
        work(true)
        _ = other.value
        var result: [Fragment] = []
        result.reserveCapacity(counts.count)
        for piece in pieces.values {
            for (run, fragment) in piece ?? [] {
                if run < result.count { join(&result[run], fragment) } else { result.append(fragment) }
            }
        }
        return result
    }

    /// The items of each run from `start` up to `end` (runs of `counts` items): a run that ends before `end` starts
    /// here when it starts at or after `start`, so that each run (an empty one too) is listed by the piece it starts
    /// in, then by each later piece that holds some of its items.
    private static func items(from start: Split, to end: Split, counts: [Int]) -> [(run: Int, items: Range<Int>)] {
        guard start.run < counts.count else { return [] }
        return (start.run...min(end.run, counts.count - 1)).compactMap { run in
            let low = run == start.run ? start.offset : 0, high = run == end.run ? end.offset : counts[run]
            return high > low || (low == 0 && run < end.run) ? (run: run, items: low..<max(low, high)) : nil
        }
    }
}
