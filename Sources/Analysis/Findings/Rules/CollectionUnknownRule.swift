import Model
import Snapshot

/// `collection-unknown`: one finding per collection the snapshot could not read, naming the rules it affects.
struct CollectionUnknownRule: AlwaysEvaluatedRule {
    static let id = "collection-unknown"
    static let severity = Severity.warning
    static let title = "Collection the snapshot could not read"
    static let summary =
        "The fetch could not read this collection (forbidden, failed or missing), so rules that need it were not evaluated or are incomplete: their silence is not a clean bill."
    static let fix =
        "Fetch again with credentials that may read the collection (Viewer on all account management services, Viewer + Reader on all IAM-enabled services)."
    static let requires: Set<CollectionKind> = []
    static let alsoReads: Set<CollectionKind> = []

    static func findings(_ c: FindingContext) -> [Finding] {
        c.account.unknown.sorted { $0.key < $1.key }.map { kind, why in
            let skipped = RuleID.allCases.filter { $0.requires.contains(kind) }.map(\.rawValue)
            let incomplete = RuleID.allCases.filter { $0.alsoReads.contains(kind) }.map(\.rawValue)
            var effect: [String] = []
            if !skipped.isEmpty { effect.append("not evaluated: " + skipped.joined(separator: ", ")) }
            if !incomplete.isEmpty { effect.append("incomplete: " + incomplete.joined(separator: ", ")) }
            if effect.isEmpty { effect.append("no findings rule reads it") }
            return Finding(.collectionUnknown, entities: [FindingEntity(.collection, id: kind.name, name: kind.fileName)],
                           why: "\(why); " + effect.joined(separator: "; "))
        }
    }
}
