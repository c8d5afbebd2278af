/// A path compared and hashed by its steps' ids only, as `[AccessStep].ids` reads them, without making the ids'
/// strings: a renamed group or rule, or another dynamic rule or lapse of the same membership, is the same way.
struct PathIDs: Hashable, Sendable {
    let steps: [AccessStep]

    static func == (a: PathIDs, b: PathIDs) -> Bool {
        a.steps.count == b.steps.count && zip(a.steps, b.steps).allSatisfy(sameID)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(steps.count)
        for step in steps {
            switch step {
            case .accessGroup(let id, _, _, _):
                hasher.combine(0)
                hasher.combine(id)
            case .trustedProfile(_, let iamID, _):
                hasher.combine(1)
                hasher.combine(iamID)
            case .publicAccess:
                hasher.combine(2)
            }
        }
    }

    private static func sameID(_ a: AccessStep, _ b: AccessStep) -> Bool {
        switch (a, b) {
        case let (.accessGroup(first, _, _, _), .accessGroup(second, _, _, _)): first == second
        case let (.trustedProfile(_, first, _), .trustedProfile(_, second, _)): first == second
        case (.publicAccess, .publicAccess): true
        case (.accessGroup, _), (.trustedProfile, _), (.publicAccess, _): false
        }
    }
}
