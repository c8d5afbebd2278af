import Analysis
import Foundation
import Model

/// `iamgraph access --action`: everyone who can perform an action (on one instance, with `--resource`), with the
/// role, policy and path that give it, and whether the snapshot lists the action for that role or says nothing.
public struct ActionAccessReport: Sendable {
    public let action: String
    public let instance: ResourceInstance?
    public let grants: [ActionGrant]
    let index: AccessIndex

    /// - Parameter resource: a CRN, GUID or name of an instance, or nil for the whole account.
    public init(action: String, resource: String?, in index: AccessIndex) throws(Lookup.Failure) {
        self.action = action
        instance = try resource.map { query throws(Lookup.Failure) in try Lookup.instance(query, in: index.account) }
        self.index = index
        grants = ActionAccess.grants(of: action, on: instance, in: index)
    }

    /// Writes the report in `format` to `sink` (docs/access-json.md for JSON), the text table fitted to `width`
    /// columns if given.
    public func write(_ format: AccessFormat, width: Int? = nil, to sink: (Data) throws -> Void) throws {
        try table().write(format, width: width, to: sink)
    }

    private func table() -> TabularReport {
        let account = index.account
        let unknown = AccessJSON.unknownCollections(account, among: ActionAccess.reads)
        // The rules on what each grant reaches: the instance asked about, else the grant's target (once per target).
        let onInstance = instance.map(index.networkRestrictions.protecting)
        var network: [String: [NetworkRestriction]] = [:]
        // Every member of a group shares the group's grants: their fields are built once per policy and path, and the
        // rows share their storage.
        var shared: [SharedFieldsKey: AccessJSON.GrantFields] = [:]
        let rows = grants.map { grant in
            let key = SharedFieldsKey(policyID: grant.policy.id, path: grant.path)
            let fields: AccessJSON.GrantFields
            if let known = shared[key] {
                fields = known
            } else {
                let restrictions = onInstance ?? network[grant.target.key] ?? index.networkRestrictions.restricting(grant.target)
                network[grant.target.key] = restrictions
                fields = AccessJSON.GrantFields(policy: grant.policy, target: grant.target, path: grant.path, index: index,
                                                network: restrictions, listsNetwork: true)
                shared[key] = fields
            }
            return Row(iamID: grant.iamID, kind: SubjectKind(iamID: grant.iamID, in: account).rawValue,
                name: index.name(ofIAMID: grant.iamID), role: index.roleName(grant.roleCRN), roleCRN: grant.roleCRN,
                actions: grant.answer == .yes ? "listed" : "unknown", grant: fields)
        }
        let unknownRoles = Set(rows.filter { $0.actions == "unknown" }.map(\.role)).sorted()
        let on = instance.map { " on \($0.displayName) (\($0.instanceID))" } ?? ""
        return TabularReport(
            title: "Who can perform \(action)\(on) in \(account.displayName), snapshot \(account.fetchedAt.raw): "
                + "\(Set(rows.map(\.iamID)).count) identit\(Set(rows.map(\.iamID)).count == 1 ? "y" : "ies"), \(rows.count) grant\(rows.count == 1 ? "" : "s")",
            notes: unknown.map { "the snapshot could not read \($0.collection) (\($0.reason)): grants through it are missing" }
                + (unknownRoles.isEmpty ? [] : ["the snapshot lists no actions for "
                    + unknownRoles.joined(separator: ", ") + " on these services: those rows are unknown, not yes"]),
            table: .init(header: ["Identity", "Kind", "Role", "Actions", "Target", "Policy", "Path"], count: rows.count,
                         parts: [.own { line in
                             let row = rows[line]
                             return [(row.name.map { "\($0) " } ?? "") + "(\(row.iamID))", row.kind, row.role, row.actions,
                                     row.grant.target.label, String(row.grant.policy.id.prefix(8)), row.grant.pathText]
                         }]),
            records: .init(header: AccessRecord.header + ["actions"], count: rows.count, parts: [.own { line in
                let row = rows[line], grant = grants[line]
                let columns = AccessRecord.grantColumns(policy: grant.policy, target: grant.target, roles: [row.role],
                                                        label: row.grant.target.label, path: row.grant.pathText,
                                                        conditions: row.grant.conditions?.text ?? "",
                                                        network: row.grant.networkText, index: index)
                return AccessRecord.records(holder: [row.kind, row.iamID, row.name ?? row.iamID], match: "", grant: columns)
                    .map { $0 + [row.actions] }
            }]),
            json: VersionedDocument(format: AccessJSON.format, version: AccessJSON.version, body: Document(
                account: AccessJSON.Account(id: account.accountID, name: account.info?.name),
                fetchedAt: account.fetchedAt.raw, action: action, instance: instance?.instanceID,
                unknownCollections: unknown, grants: rows)))
    }

    /// What a grant's fields depend on besides the index: its policy and path.
    private struct SharedFieldsKey: Hashable {
        let policyID: String
        let path: [AccessStep]
    }

    struct Row: JSONObject {
        let iamID: String
        let kind: String
        let name: String?
        let role: String
        let roleCRN: String
        /// `listed`: the snapshot lists the action for the role; `unknown`: it lists no actions for it on the service.
        let actions: String
        let grant: AccessJSON.GrantFields

        var members: [JSONMember] {
            JSONMember.list(["iam_id": iamID, "kind": kind, "name": name, "role": role, "role_crn": roleCRN,
                             "actions": actions, "grant": grant])
        }
    }

    struct Document: JSONObject {
        let account: AccessJSON.Account
        let fetchedAt: String
        let action: String
        let instance: String?
        let unknownCollections: [AccessJSON.UnknownCollection]
        let grants: [Row]

        var members: [JSONMember] {
            JSONMember.list(["account": account, "fetched_at": fetchedAt, "action": action, "instance": instance,
                             "unknown_collections": unknownCollections, "grants": grants])
        }
    }
}
