import Model

/// Who can perform an action, held compactly: every member of a group holds the same policies and roles through the
/// same path, so the answer keeps, per source of policies, the roles it carries once, and per identity only which
/// sources it reaches by which path (a segment). Row `n` of the answer is worked out from these when asked for: an
/// account-wide pattern on a big account has millions of rows, and holding them took gigabytes.
package struct ActionReach: Sendable {
    /// A role of a policy that carries the action (or may: `answer`).
    package struct Carried: Sendable {
        package let policy: Policy
        package let target: PolicyTarget
        /// The role's CRN.
        package let role: String
        /// `.yes` or `.unknown`, never `.no` (those roles are left out).
        package let answer: RoleActions.Answer
        /// The role's actions that match the pattern, sorted: one or more when `.yes`, none when `.unknown`.
        package let actions: [String]
    }

    /// One identity holding every role its path's source carries: rows `start ..< start + count of the source's`.
    package struct Segment: Sendable {
        /// Index into `holders`.
        package let holder: Int
        /// Index into `paths`.
        package let path: Int
        /// Index into `sources`.
        package let source: Int
        /// The segment's first row.
        package let start: Int
    }

    /// One row: an identity holding one carried role through one path.
    package struct Row: Sendable, Hashable {
        /// Index into `holders`.
        package let holder: Int
        /// Index into `paths`.
        package let path: Int
        /// Index into `carried`.
        package let carried: Int
    }

    /// The IAM ids that can perform the action, sorted.
    package let holders: [String]
    /// The distinct paths.
    package let paths: [[AccessStep]]
    /// The roles that carry the action, in the order of policies and their roles.
    package let carried: [Carried]
    /// Per source of policies (a subject or an access group), its roles that carry the action: indices into `carried`.
    package let sources: [[Int]]
    /// By holder, then in the order of the holder's paths.
    package let segments: [Segment]
    /// How many rows there are.
    package let count: Int
    /// For every block of `blockSize` rows, the segment its first row is in: row `n`'s segment is searched for
    /// only between its block's and the next block's (the rows are read one after another, tens of millions of
    /// them on a big account, so a search over every segment was a real part of each row's cost).
    private let blocks: [Int]
    private static let blockSize = 64

    init(holders: [String], paths: [[AccessStep]], carried: [Carried], sources: [[Int]], segments: [Segment]) {
        self.holders = holders
        self.paths = paths
        self.carried = carried
        self.sources = sources
        self.segments = segments
        count = segments.last.map { $0.start + sources[$0.source].count } ?? 0
        var blocks: [Int] = []
        blocks.reserveCapacity(count / Self.blockSize + 1)
        for (number, segment) in segments.enumerated() {
            let end = segment.start + sources[segment.source].count
            while blocks.count * Self.blockSize < end { blocks.append(number) }
        }
        self.blocks = blocks
    }

    /// The segment row `line` (`0 ..< count`) is in: an index into `segments`.
    package func segment(ofRow line: Int) -> Int {
        let block = line / Self.blockSize
        var low = blocks[block], high = block + 1 < blocks.count ? blocks[block + 1] : segments.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if segments[middle].start <= line { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Row `line` (`0 ..< count`).
    package func row(_ line: Int) -> Row {
        let segment = segments[segment(ofRow: line)]
        return Row(holder: segment.holder, path: segment.path, carried: sources[segment.source][line - segment.start])
    }

    /// Every row as a grant, ordered by IAM id, path, policy and role; each made when read.
    package var grants: LazyMapSequence<Range<Int>, ActionGrant> {
        (0..<count).lazy.map { line in
            let row = row(line), carried = carried[row.carried]
            return ActionGrant(iamID: holders[row.holder], policy: carried.policy, target: carried.target,
                               roleCRN: carried.role, path: paths[row.path], answer: carried.answer,
                               actions: carried.actions)
        }
    }
}
