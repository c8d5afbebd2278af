import Analysis
import GraphValues

/// How a map marks a grant on something context-based restrictions protect: the `networkRestricted` flag (drawn as
/// a double line) when an enforced rule protects all of the grant's target, and every rule on it in words — mode,
/// zones, rule — in the `network_restriction` attribute of the grant's edge and of the target (tooltips, graph JSON,
/// the HTML explorer's details).
struct NetworkMark {
    /// The attribute holding the rules in words.
    static let attribute = "network_restriction"

    /// `networkRestricted` or nothing.
    let flags: Flags
    /// The rules' summaries joined by "; " (the first `listed`, then how many more), `nil` when no rule touches the
    /// target.
    let text: String?

    init(_ restrictions: [NetworkRestriction]) {
        flags = restrictions.contains(where: \.restrictsAll) ? .networkRestricted : []
        let listed = restrictions.prefix(Self.listed).map(\.summary)
        let more = restrictions.count - listed.count
        text = restrictions.isEmpty ? nil
            : (listed + (more > 0 ? ["and \(more) more rule\(more == 1 ? "" : "s")"] : [])).joined(separator: "; ")
    }

    /// Most rules a mark names (a service-wide grant on an account with a rule per instance would list hundreds).
    static let listed = 5

    /// Merges `edge`'s flags and mark into `merged`, the edge it is being merged into: flags are joined, but the
    /// merged edge stays network-restricted only if both were, and a mark that differs between them says so.
    static func merge(_ edge: Edge, into merged: inout Edge) {
        let restricted = merged.flags.contains(.networkRestricted) && edge.flags.contains(.networkRestricted)
        merged.flags.formUnion(edge.flags)
        if !restricted { merged.flags.remove(.networkRestricted) }
        let mine = merged.attributes[attribute], theirs = edge.attributes[attribute]
        guard mine != theirs, let some = mine ?? theirs else { return }
        merged.attributes[attribute] = some.hasPrefix(varies) ? some : varies + some
    }

    /// The start of a mark that is not the same on every grant an edge stands for.
    static let varies = "not the same on every merged grant; one of them: "
}
