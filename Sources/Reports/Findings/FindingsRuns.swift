/// How a findings report's long lists (its findings, SARIF's results, the policies by last use, Markdown's tables)
/// are cut into runs that are made into bytes on two threads (`OrderedRuns`): consecutive items, `length` a run, so
/// that a run is a few hundred kilobytes of output and only a few runs are held at once.
enum FindingsRuns {
    /// Items per run; tests cut runs of one item (and of every length up to a list's) to check that the output does
    /// not depend on the cutting.
    @TaskLocal static var length = 512

    /// Consecutive runs of `length` items covering `0..<count`.
    static func ranges(count: Int) -> [Range<Int>] {
        OrderedRuns.ranges(count: count, target: length) { _ in 1 }
    }

    /// Consecutive runs of `length` items covering `range`.
    static func ranges(_ range: Range<Int>) -> [Range<Int>] {
        ranges(count: range.count).map { ($0.lowerBound + range.lowerBound)..<($0.upperBound + range.lowerBound) }
    }
}

extension TextBlocks {
    /// Appends what `item` appends for each index of `range`, in order, the items made a run at a time on two threads
    /// (`FindingsRuns`, `OrderedRuns`); full blocks go to the sink.
    mutating func append(items range: Range<Int>, _ item: @escaping @Sendable (Int, inout [UInt8]) -> Void) throws {
        let runs = FindingsRuns.ranges(range)
        try append(runs: runs.count) { run in
            var bytes: [UInt8] = []
            for index in runs[run] { item(index, &bytes) }
            return bytes
        }
    }
}
