import Foundation

/// A fixed list of pieces of work shared by two threads, one taking them from the front, the other from the back,
/// until they meet; and what each piece gave, in the pieces' order. From both ends rather than in turn: the two
/// threads then work far apart in the list, on other causes, holders and roles. Taking neighbouring pieces in turn,
/// both threads retained the same roles' and holders' strings at the same moments, and each reference count moved
/// between the cores: on XL the causes' effects took 60 % more CPU than on one thread. `@unchecked Sendable` because
/// its state is only touched with `lock` held.
final class TakenFromBothEnds<Result: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    /// The first piece not taken.
    private var front = 0
    /// The piece after the last one not taken.
    private var back: Int
    private var results: [Result?]

    /// A list of `count` pieces, none taken yet.
    init(count: Int) {
        back = count
        results = Array(repeating: nil, count: count)
    }

    /// The first piece not taken (`fromFront`) or the last one, or `nil` when every piece is taken.
    func take(fromFront: Bool) -> Int? {
        lock.withLock {
            guard front < back else { return nil }
            if fromFront {
                front += 1
                return front - 1
            }
            back -= 1
            return back
        }
    }

    /// Records what the piece at `position` gave.
    func set(_ position: Int, _ result: Result) {
        lock.withLock { results[position] = result }
    }

    /// What each piece gave, in order; `nil` for a piece nobody finished.
    var values: [Result?] {
        lock.withLock { results }
    }
}
