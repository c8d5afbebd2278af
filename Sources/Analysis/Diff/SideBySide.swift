import Model

/// Work over the items `0..<count` done in two parts side by side: the items before a split on the calling thread,
/// the rest on another, each part's result kept in the items' order. What a diff does per holder or per change is
/// independent from item to item, so two cores share it.
enum SideBySide {
    /// The offset that splits `0..<count` into two parts of about equal total `weight` (the later part may be empty).
    static func split(_ count: Int, weight: (Int) -> Int) -> Int {
        var total = 0
        for item in 0..<count { total += weight(item) }
        var split = 0, first = 0
        while split < count && first < total / 2 {
            first += weight(split)
            split += 1
        }
        return split
    }

    /// `part` of the items in `RunsSideBySide.pieces` pieces of about equal total `weight` (`nil`: 1 each), the
    /// calling thread taking them from the front and a thread of its own from the back, the pieces' elements joined in
    /// the items' order: for work whose cost per item the weight only estimates (a holder's paths matched, its
    /// changes sorted), so that neither thread waits long for the other.
    static func pieces<Element: Sendable>(_ count: Int, weight: ((Int) -> Int)? = nil,
                                          _ part: @escaping @Sendable (Range<Int>) -> [Element]) -> [Element] {
        let splits = RunsSideBySide.splits([count], parts: RunsSideBySide.pieces,
                                           weights: weight.map { weight in [(0..<count).reduce(0) { $0 + weight($1) }] },
                                           weight: weight.map { weight in { weight($1) } })
        return RunsSideBySide.fragments([count], splits: splits) { _, items in part(items) } join: { $0 += $1 }.first ?? []
    }

    /// `part` of the items before `split` on the calling thread and of those from `split` on a thread of its own, at
    /// the same time. Not the global queue: the access comparison itself runs there, beside the indexing and the entity
    /// records, and the later part waited up to 0.8 s on L for a free pool thread while a core idled.
    static func parts<Part: Sendable>(_ count: Int, split: Int,
                                      _ part: @escaping @Sendable (Range<Int>) -> Part) -> (first: Part, later: Part) {
        let later = Concurrent.onItsOwnThread { part(split..<count) }
        let first = part(0..<split)
        return (first, later.value)
    }
}
