/// A listing with each id once: items a server returned more than once under the same id (a server fault, or a list
/// that changed while it was paged) are dropped after the first, and their ids are kept for the manifest's remark.
/// Items without an id are kept as they are.
struct RepeatedItems {
    /// The items, the first of each id only.
    let items: [Any]
    /// Ids that came more than once, in order of their first repetition.
    let ids: [String]

    init(_ items: [Any], idKey: String) {
        var seen = Set<String>()
        var repeated: [String] = []
        var repeatedSet = Set<String>()
        self.items = items.filter { item in
            guard let id = (item as? [String: Any])?[idKey] as? String else { return true }
            if seen.insert(id).inserted { return true }
            if repeatedSet.insert(id).inserted { repeated.append(id) }
            return false
        }
        ids = repeated
    }

    /// The remark naming repeated ids (the first five), or `nil` when there were none.
    static func remark(_ ids: [String]) -> String? {
        guard !ids.isEmpty else { return nil }
        let named = ids.prefix(5).map { "\"\($0.prefix(100))\"" }.joined(separator: ", ")
        let more = ids.count > 5 ? " and \(ids.count - 5) more" : ""
        return "the server listed \(ids.count == 1 ? "an id" : "\(ids.count) ids") more than once (a server fault; "
            + "the first item of each was kept): \(named)\(more)"
    }
}
