/// Finds entities from what a user types: an id, an email, a name, a CRN or a GUID.
public enum Lookup {
    /// Why a lookup gave no single answer.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case notFound(what: String, query: String, unknownCollection: Bool)
        case ambiguous(what: String, query: String, candidates: [String])

        public var description: String {
            switch self {
            case .notFound(let what, let query, let unknown):
                "no \(what) matches \"\(query)\"" + (unknown ? " (the snapshot could not read that collection: it may exist)" : "")
            case .ambiguous(let what, let query, let candidates):
                "\"\(query)\" matches \(candidates.count) \(what)s: " + candidates.prefix(10).joined(separator: ", ")
                    + (candidates.count > 10 ? ", …" : "") + "; use an id"
            }
        }
    }

    /// An identity by IAM id, service ID / profile id, email or login (case-insensitive), or name.
    public static func identity(_ query: String, in account: IAMAccount) throws(Failure) -> Identity {
        if let exact = account.identity(iamID: query) { return exact }
        let lower = query.lowercased()
        let byID = account.identities.filter { identity in
            switch identity {
            case .serviceID(let s): s.id == query
            case .trustedProfile(let p): p.id == query
            case .user(let u): u.id == query || u.email?.lowercased() == lower || u.userID?.lowercased() == lower
            }
        }
        return try single(byID.isEmpty ? account.identities.filter { $0.name.lowercased() == lower } : byID,
                          what: "identity", query: query, names: { "\($0.name) (\($0.iamID))" },
                          unknown: !account.isKnown(.users) || !account.isKnown(.serviceIDs) || !account.isKnown(.trustedProfiles))
    }

    /// A service instance by CRN, GUID or name.
    public static func instance(_ query: String, in account: IAMAccount) throws(Failure) -> ResourceInstance {
        if let byGUID = account.instancesByGUID[query] { return byGUID }
        let byCRN = account.resourceInstances.filter { $0.id == query || $0.crnString == query }
        let candidates = byCRN.isEmpty ? account.resourceInstances.filter { $0.name == query } : byCRN
        return try single(candidates, what: "service instance", query: query, names: { "\($0.displayName) (\($0.instanceID))" },
                          unknown: !account.isKnown(.resourceInstances))
    }

    /// An access group by id or name (case-insensitive).
    public static func accessGroup(_ query: String, in account: IAMAccount) throws(Failure) -> AccessGroup {
        if let byID = account.groupsByID[query] { return byID }
        let candidates = account.accessGroups.filter { $0.name?.lowercased() == query.lowercased() }
        return try single(candidates, what: "access group", query: query, names: { "\($0.displayName) (\($0.id))" },
                          unknown: !account.isKnown(.accessGroups))
    }

    /// A resource group by id or name (case-insensitive).
    public static func resourceGroup(_ query: String, in account: IAMAccount) throws(Failure) -> ResourceGroup {
        if let byID = account.resourceGroupsByID[query] { return byID }
        let candidates = account.resourceGroups.filter { $0.name?.lowercased() == query.lowercased() }
        return try single(candidates, what: "resource group", query: query, names: { "\($0.displayName) (\($0.id))" },
                          unknown: !account.isKnown(.resourceGroups))
    }

    private static func single<T>(_ candidates: [T], what: String, query: String, names: (T) -> String,
                                  unknown: Bool) throws(Failure) -> T {
        guard let first = candidates.first else { throw .notFound(what: what, query: query, unknownCollection: unknown) }
        guard candidates.count == 1 else { throw .ambiguous(what: what, query: query, candidates: candidates.map(names)) }
        return first
    }
}
