/// v2 policies first; a v1 item is kept only for a policy v2 did not return, and v1 placeholders of v2-only
/// policies are dropped (the v2 item is the policy).
package enum PolicyMerge {
    static let placeholderRole = "crn:v1:bluemix:public:iam::::role:UnsupportedVersion"

    package static func merge(v2: [Any], v1: [Any]) -> [Any] {
        let v2IDs = Set(v2.compactMap { ($0 as? [String: Any])?["id"] as? String })
        let kept = v1.filter { item in
            guard let policy = item as? [String: Any], let id = policy["id"] as? String else { return false }
            return !v2IDs.contains(id) && !isPlaceholder(policy)
        }
        return v2 + kept
    }

    /// Merges lists fetched with different filters (identity scope), once per id.
    package static func union(_ lists: [[Any]]) -> [Any] {
        var seen = Set<String>()
        return lists.joined().filter { item in
            guard let id = (item as? [String: Any])?["id"] as? String else { return true }
            return seen.insert(id).inserted
        }
    }

    static func isPlaceholder(_ policy: [String: Any]) -> Bool {
        let roles = (policy["roles"] as? [[String: Any]]) ?? []
        if roles.contains(where: { $0["role_id"] as? String == placeholderRole }) { return true }
        let subjects = (policy["subjects"] as? [[String: Any]]) ?? []
        return subjects.contains { subject in
            ((subject["attributes"] as? [[String: Any]]) ?? []).contains { $0["value"] as? String == "unsupported version" }
        }
    }
}
