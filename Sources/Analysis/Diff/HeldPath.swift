/// One holder's way to a policy as every access change through it shares it: the steps, described once, and the
/// number of their ids among the ways a diff compared, so that changes are grouped and their causes found by way
/// without hashing or describing the steps again for each change.
package final class HeldPath: Sendable, Hashable {
    /// The hops, named; empty for a policy assigned to the holder itself.
    package let steps: [AccessStep]
    /// "access group Ops (dynamic, rule data-eng)" (`pathDescription`), or "directly".
    package let words: String
    /// "via access group Ops (dynamic, rule data-eng)", or "directly".
    package let via: String
    /// The same for two ways of one diff whose steps have the same ids (`PathIDs`): a renamed group or rule, or
    /// another dynamic rule or lapse of the same membership, is the same way.
    let idsNumber: Int

    /// The way `described`, numbered `idsNumber`.
    init(_ described: Words, idsNumber: Int) {
        steps = described.steps
        words = described.words
        via = described.via
        self.idsNumber = idsNumber
    }

    /// A way's steps and words, described before the way is numbered: on the thread that found the way changed
    /// something (`ChangedWays`), while the numbering is done on one.
    struct Words: Sendable {
        let steps: [AccessStep]
        let words: String
        let via: String

        init(_ steps: [AccessStep]) {
            self.steps = steps
            words = steps.isEmpty ? "directly" : steps.pathDescription
            via = steps.isEmpty ? words : "via " + words
        }
    }

    package static func == (a: HeldPath, b: HeldPath) -> Bool { a === b || a.steps == b.steps }

    package func hash(into hasher: inout Hasher) { hasher.combine(steps) }
}
