import Analysis
import Model

/// The effective access of every identity in the SQLite export, stored without the product that made it explode on
/// large accounts (every member of a group repeated every grant of the group: billions of bytes): one row per
/// identity and path (`effective_access_paths`), one row per role a path's source grants (`effective_access_grants`,
/// a source being an identity's own policies or an access group's), and the view `effective_access` joining them —
/// the identity × grant × role rows `iamgraph access` lists, with the same columns as before.
enum SQLiteEffectiveAccess {
    static func write(_ index: AccessIndex, to database: SQLiteDatabase) throws(SQLiteError) {
        try database.execute("""
            CREATE TABLE effective_access_paths (holder_iam_id TEXT NOT NULL, holder_kind TEXT NOT NULL, holder_name TEXT,
              path TEXT NOT NULL, path_ids TEXT NOT NULL, source INTEGER NOT NULL)
            """)
        try database.execute("""
            CREATE TABLE effective_access_grants (source INTEGER NOT NULL, policy_id TEXT NOT NULL, role_crn TEXT NOT NULL,
              role_name TEXT NOT NULL, target_key TEXT NOT NULL, target TEXT NOT NULL, conditional INTEGER NOT NULL)
            """)
        let sources = try writePaths(index, to: database)
        try writeGrants(of: sources, index, to: database)
        try database.execute("""
            CREATE VIEW effective_access AS SELECT p.holder_iam_id, p.holder_kind, p.holder_name, g.role_crn, g.role_name,
              g.target_key, g.target, g.policy_id, p.path, p.path_ids, g.conditional
            FROM effective_access_paths p JOIN effective_access_grants g ON g.source = p.source
            """)
        try database.execute("CREATE INDEX effective_access_paths_holder ON effective_access_paths (holder_iam_id)")
        try database.execute("CREATE INDEX effective_access_paths_source ON effective_access_paths (source)")
        try database.execute("CREATE INDEX effective_access_grants_source ON effective_access_grants (source)")
        try database.execute("CREATE INDEX effective_access_grants_policy ON effective_access_grants (policy_id)")
        try database.execute("CREATE INDEX effective_access_grants_target ON effective_access_grants (target_key)")
    }

    /// Writes every identity's paths to a source with policies (Public Access included, as `EffectiveAccess` does),
    /// each path once, and returns the sources in the order of their numbers (1, 2, …).
    private static func writePaths(_ index: AccessIndex, to database: SQLiteDatabase) throws(SQLiteError)
        -> [AccessPath.Source] {
        let account = index.account
        let holders: [(iamID: String, kind: String, name: String?)] =
            account.users.map { ($0.iamID, "user", $0.displayName) }
            + account.serviceIDs.map { ($0.iamID, "service_id", $0.name) }
            + account.trustedProfiles.map { ($0.iamID, "trusted_profile", $0.name) }
        let insert = try database.prepare("""
            INSERT INTO effective_access_paths (holder_iam_id, holder_kind, holder_name, path, path_ids, source)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        // Each source's number, or `nil` for a source without policies: one lookup per path on large accounts,
        // whose index no longer fits the processor's caches.
        var numbers: [AccessPath.Source: Int?] = [:]
        var sources: [AccessPath.Source] = []
        var row = [SQLiteDatabase.Value](repeating: .null, count: 6)  // its values replaced row by row
        for holder in holders {
            row[0] = .text(holder.iamID)
            row[1] = .text(holder.kind)
            row[2] = .init(holder.name)
            var seen = Set<AccessPath>()
            for path in index.paths(of: holder.iamID) + [AccessIndex.publicAccessPath] where seen.insert(path).inserted {
                let known = numbers[path.source] ?? {
                    let number: Int? = index.policies(of: path.source).isEmpty ? nil : {
                        sources.append(path.source)
                        return sources.count
                    }()
                    numbers[path.source] = number
                    return number
                }()
                guard let number = known else { continue }
                row[3] = .text(path.steps.pathDescription)
                row[4] = .text(path.steps.ids.joined(separator: " "))
                row[5] = .integer(number)
                try insert.insert(row)
            }
        }
        return sources
    }

    /// Writes one row per role of each policy of each source (a policy listed twice, once).
    private static func writeGrants(of sources: [AccessPath.Source], _ index: AccessIndex,
                                    to database: SQLiteDatabase) throws(SQLiteError) {
        let insert = try database.prepare("""
            INSERT INTO effective_access_grants (source, policy_id, role_crn, role_name, target_key, target, conditional)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        var row = [SQLiteDatabase.Value](repeating: .null, count: 7)  // its values replaced row by row
        for (offset, source) in sources.enumerated() {
            var seen = Set<String>()
            row[0] = .integer(offset + 1)
            for policy in index.policies(of: source) where seen.insert(policy.id).inserted {
                let target = index.target(of: policy)
                row[1] = .text(policy.id)
                row[4] = .text(target.key)
                row[5] = .text(index.label(of: target))
                row[6] = .integer(policy.rule != nil || policy.pattern != nil ? 1 : 0)
                for role in policy.roleIDs {
                    row[2] = .text(role)
                    row[3] = .text(index.roleName(role))
                    try insert.insert(row)
                }
            }
        }
    }
}
