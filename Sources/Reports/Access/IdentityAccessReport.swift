import Analysis
import Foundation
import Model

/// `iamgraph access --identity`: every grant one identity holds, with roles, target, policy, path and conditions.
package struct IdentityAccessReport: Sendable {
    /// The identity's IAM id.
    package let iamID: String
    /// The identity, when the snapshot's lists hold it (a snapshot may know an IAM id only from policies or members).
    package let identity: Identity?
    /// Its grants, as `EffectiveAccess` orders them.
    package let grants: [Grant]
    let index: AccessIndex

    /// The report for the identity a user typed: an IAM id, service ID or profile id, email, login or name. An IAM id
    /// the lists do not hold but policies, memberships or profile identities name is accepted as it is.
    package init(identity query: String, in index: AccessIndex) throws(Lookup.Failure) {
        do {
            let identity = try Lookup.identity(query, in: index.account)
            self.identity = identity
            iamID = identity.iamID
        } catch .notFound(let what, _, let unknown) {
            guard index.names(iamID: query) else {
                throw .notFound(what: what, query: query, unknownCollection: unknown)
            }
            identity = nil
            iamID = query
        }
        self.index = index
        grants = EffectiveAccess.grants(of: iamID, in: index)
    }

    /// The report in `format` (docs/access-json.md for JSON), the text table fitted to `width` columns if given.
    package func data(_ format: AccessFormat, width: Int? = nil) throws -> Data { try table().data(format, width: width) }

    /// Writes the report in `format` to `sink` a part at a time, so that a table or JSON document of millions of rows
    /// is never held whole, the text table fitted to `width` columns if given (long cells cut short; CSV and JSON keep
    /// them whole); throws what `sink` throws.
    package func write(_ format: AccessFormat, width: Int? = nil, to sink: (Data) throws -> Void) throws {
        try table().write(format, width: width, to: sink)
    }

    private func table() -> TabularReport {
        let account = index.account
        let kind = SubjectKind(iamID: iamID, in: account)
        // The title and JSON carry the email and IAM id beside the plain name; CSV names the holder as every report does.
        let name = identity?.name ?? index.name(ofIAMID: iamID)
        let holderName = index.name(ofIAMID: iamID) ?? iamID
        let unknown = AccessJSON.unknownCollections(account, among: EffectiveAccess.reads)
        var network: [String: [NetworkRestriction]] = [:]
        let rows = grants.map { grant in
            let restrictions = network[grant.target.key] ?? index.networkRestrictions.restricting(grant.target)
            network[grant.target.key] = restrictions
            return AccessJSON.GrantFields(policy: grant.policy, target: grant.target, path: grant.path, index: index,
                                          network: restrictions, listsNetwork: true)
        }
        // The Network column only where some grant's target has a rule: most accounts have none.
        let restricted = rows.contains { !$0.networkText.isEmpty }
        let who = (name.map { "\($0) " } ?? "") + (identity?.email.map { "<\($0)> " } ?? "") + "(\(iamID), \(kind.rawValue))"
        let document = Document(
            account: AccessJSON.Account(id: account.accountID, name: account.info?.name),
            fetchedAt: account.fetchedAt.raw,
            identity: Subject(iamID: iamID, id: identity.flatMap(Self.collectionID), kind: kind.rawValue, name: name,
                              email: identity?.email),
            unknownCollections: unknown,
            grants: rows)
        return TabularReport(
            title: "Effective access of \(who) in \(account.displayName), snapshot \(account.fetchedAt.raw): "
                + "\(grants.count) grant\(grants.count == 1 ? "" : "s")",
            notes: unknown.map { "the snapshot could not read \($0.collection) (\($0.reason)): grants through it are missing" }
                + (restricted ? [NetworkText.identityNote] : []),
            table: .init(header: ["Roles", "Target", "Policy", "Path", "Conditions"] + (restricted ? ["Network"] : []),
                         count: rows.count,
                         parts: [.own { rows[$0].cells + (restricted ? [rows[$0].networkText] : []) }]),
            records: .init(header: AccessRecord.header, count: rows.count, parts: [
                .shared({ _ in 0 }) { _ in [[kind.rawValue, iamID, holderName, ""]] },  // the holder, and no match
                .own { rows[$0].recordColumns },
            ]),
            json: VersionedDocument(format: AccessJSON.format, version: AccessJSON.version, body: document))
    }

    /// The id the identity's collection keys it by, where that is not the IAM id (`ServiceId-…`, `Profile-…`).
    private static func collectionID(_ identity: Identity) -> String? {
        switch identity {
        case .user: nil
        case .serviceID(let serviceID): serviceID.id
        case .trustedProfile(let profile): profile.id
        }
    }

    struct Document: JSONObject {
        let account: AccessJSON.Account
        let fetchedAt: String
        let identity: Subject
        let unknownCollections: [AccessJSON.UnknownCollection]
        let grants: [AccessJSON.GrantFields]

        var members: [JSONMember] {
            JSONMember.list(["account": account, "fetched_at": fetchedAt, "identity": identity,
                             "unknown_collections": unknownCollections, "grants": grants])
        }
    }

    struct Subject: JSONObject {
        let iamID: String
        let id: String?
        let kind: String
        let name: String?
        let email: String?

        var members: [JSONMember] {
            JSONMember.list(["iam_id": iamID, "id": id, "kind": kind, "name": name, "email": email])
        }
    }
}
