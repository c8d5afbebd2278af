/// A policy edge's role names as a map label: the most powerful role first, then "+ N more", so an edge reads
/// "Administrator + 4 more" instead of a column of five names; the full list stays in the edge's `roles` attribute
/// (its tooltip).
enum RoleList {
    /// Up to this many roles are listed by name.
    static let shown = 2

    /// `roles` ordered by power (Administrator, Manager, Editor, Operator, Writer, Reader, Viewer, then the others
    /// in their given order), without repeats.
    static func ordered(_ roles: [String]) -> [String] {
        var unique: [String] = []
        for role in roles where !unique.contains(role) { unique.append(role) }
        return unique.enumerated()
            .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map(\.element)
    }

    /// "Administrator, Manager" for up to `shown` roles, "Administrator + 4 more" beyond.
    static func label(_ roles: [String]) -> String {
        let ordered = ordered(roles)
        guard ordered.count > shown else { return ordered.joined(separator: ", ") }
        return "\(ordered[0]) + \(ordered.count - 1) more"
    }

    private static let powerOrder = ["Administrator", "Manager", "Editor", "Operator", "Writer", "Reader", "Viewer"]

    private static func rank(_ role: String) -> Int {
        powerOrder.firstIndex(of: role) ?? powerOrder.count
    }
}
