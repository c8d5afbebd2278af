import Analysis

/// Context-based restrictions in the access tables: a cell per grant (text, Markdown, CSV) and the note that
/// explains it.
enum NetworkText {
    /// The rules on what a grant reaches, in a few words: "restricted to office-network, ci-runners (CBR rule
    /// c3e5a7b9)", "partly restricted to …", "report-only …", "disabled …"; the first `shown` rules, then how many
    /// more (JSON lists every rule).
    static func cell(_ restrictions: [NetworkRestriction], shown: Int = 3) -> String {
        let words = restrictions.prefix(shown).map { restriction in
            let mode = switch restriction.rule.enforcementMode {
            case .enabled: restriction.partial ? "partly restricted to" : "restricted to"
            case .report: restriction.partial ? "report-only, on part, for" : "report-only for"
            case .disabled: restriction.partial ? "disabled, on part, for" : "disabled for"
            }
            let zones = restriction.zones.isEmpty ? "no zone" : restriction.zones.map { $0.name ?? $0.id }.joined(separator: ", ")
            return "\(mode) \(zones) (CBR rule \(restriction.rule.id.prefix(8)))"
        }
        let more = restrictions.count - words.count
        return (words + (more > 0 ? ["+ \(more) more rule\(more == 1 ? "" : "s")"] : [])).joined(separator: "; ")
    }

    /// The note under an identity table with a Network column.
    static let identityNote = "Network: context-based-restrictions (CBR) rules on the grant's target: \"restricted\" "
        + "grants work only from the zones named; \"partly\" rules protect part of the target; report-only and disabled "
        + "rules are not enforced"
}
