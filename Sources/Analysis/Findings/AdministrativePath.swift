/// A path of a subject to a source with administrative policies, as the administration rules name it: the path's
/// steps, its description ("direct", "access group Ops") that findings sort and group by, and what its source's
/// policies grant in administration terms. Numbered once per account (`Administration.paths`): paths with the same
/// steps to the same source have the same number, whichever subjects hold them.
struct AdministrativePath: Sendable {
    /// The hops, named; empty for a subject's own policies.
    let steps: [AccessStep]
    let description: String
    let policies: AdministrativePolicies

    /// Whether the path leads to the subject's own policies.
    var isDirect: Bool { steps.isEmpty }
}
