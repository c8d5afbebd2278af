import Analysis

/// How an identity gets a grant, in words: "direct", "access group Ops (static)",
/// "trusted profile ci → access group Ops (dynamic, rule data-eng)", "Public Access (everyone)".
enum PathText {
    static func describe(_ path: [AccessStep]) -> String {
        guard !path.isEmpty else { return "direct" }
        return path.map { step in
            if case .accessGroup(_, _, nil, _) = step { return step.description + " (static)" }
            return step.description
        }.joined(separator: " → ")
    }
}
