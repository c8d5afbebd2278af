/// Finds entities from what a user types: an id, an email, a name, a CRN or a GUID. An exact id, email or CRN always
/// wins; then names match case-insensitively, whole, by prefix or by a word's prefix (`NameMatch`): "Sofia" finds
/// "Sofia Alvarez" when no other name answers it, and lists the candidates when several do.
package enum Lookup {
    /// Why a lookup gave no single answer.
    package enum Failure: Error, CustomStringConvertible, Equatable {
        case notFound(what: String, query: String, unknownCollection: Bool)
        case ambiguous(what: String, query: String, candidates: [String])

        package var description: String {
            switch self {
            case .notFound(let what, let query, let unknown):
                "no \(what) matches \"\(query)\"" + (unknown ? " (the snapshot could not read that collection: it may exist)" : "")
            case .ambiguous(let what, let query, let candidates):
                "\"\(query)\" matches \(candidates.count) \(what.hasSuffix("y") ? what.dropLast() + "ies" : what + "s"): " + candidates.prefix(10).joined(separator: "; ")
                    + (candidates.count > 10 ? "; and \(candidates.count - 10) more" : "") + " — give one of these ids, or more of the name"
            }
        }
    }

    /// An identity by IAM id, service ID / profile id, email or login (case-insensitive), or name.
    package static func identity(_ query: String, in account: IAMAccount) throws(Failure) -> Identity {
        if let exact = account.identity(iamID: query) { return exact }
        let lower = query.lowercased()
        let byID = account.identities.filter { identity in
            switch identity {
            case .serviceID(let s): s.id == query
            case .trustedProfile(let p): p.id == query
            case .user(let u): u.id == query || u.email?.lowercased() == lower || u.userID?.lowercased() == lower
            }
        }
        let byName = NameMatch.candidates(account.identities, query: query) { identity in
            [identity.name] + (identity.email.map { [$0] } ?? [])
        }
        return try single(byID.isEmpty ? byName : byID,
                          what: "identity", query: query, names: { "\($0.name) (\($0.iamID))" },
                          unknown: !account.isKnown(.users) || !account.isKnown(.serviceIDs) || !account.isKnown(.trustedProfiles))
    }

    /// A service instance by CRN, GUID or name (case-insensitive).
    package static func instance(_ query: String, in account: IAMAccount) throws(Failure) -> ResourceInstance {
        if let byGUID = account.instancesByGUID[query] { return byGUID }
        let byCRN = account.resourceInstances.filter { $0.id == query || $0.crnString == query }
        let candidates = byCRN.isEmpty ? NameMatch.candidates(account.resourceInstances, query: query) { [$0.name].compactMap { $0 } }
            : byCRN
        return try single(candidates, what: "service instance", query: query, names: { "\($0.displayName) (\($0.instanceID))" },
                          unknown: !account.isKnown(.resourceInstances))
    }

    /// An access group by id or name (case-insensitive).
    package static func accessGroup(_ query: String, in account: IAMAccount) throws(Failure) -> AccessGroup {
        if let byID = account.groupsByID[query] { return byID }
        let candidates = NameMatch.candidates(account.accessGroups, query: query) { [$0.name].compactMap { $0 } }
        return try single(candidates, what: "access group", query: query, names: { "\($0.displayName) (\($0.id))" },
                          unknown: !account.isKnown(.accessGroups))
    }

    /// A resource group by id or name (case-insensitive).
    package static func resourceGroup(_ query: String, in account: IAMAccount) throws(Failure) -> ResourceGroup {
        if let byID = account.resourceGroupsByID[query] { return byID }
        let candidates = account.resourceGroups.filter { $0.name?.lowercased() == query.lowercased() }
        return try single(candidates, what: "resource group", query: query, names: { "\($0.displayName) (\($0.id))" },
                          unknown: !account.isKnown(.resourceGroups))
    }

    private static func single<T>(_ candidates: [T], what: String, query: String, names: (T) -> String,
                                  unknown: Bool) throws(Failure) -> T {
        guard let first = candidates.first else { throw .notFound(what: what, query: query, unknownCollection: unknown) }
        guard candidates.count == 1 else {
            throw .ambiguous(what: what, query: query, candidates: candidates.map(names).sorted())
        }
        return first
    }
}
