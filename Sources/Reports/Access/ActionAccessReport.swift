import Analysis
import Foundation
import Model

/// `iamgraph access --action`: everyone who can perform an action (on one instance, with `--resource`), with the
/// role, policy and path that give it, and which of the actions the pattern matches the snapshot lists for that role,
/// or that it lists none for the role on the service (unknown, not no). One row per identity, path, policy and role:
/// a wildcard over many actions names them in one row, never a row per action.
package struct ActionAccessReport: Sendable {
    package let action: String
    package let instance: ResourceInstance?
    /// Who can perform the action, compactly: one row per identity, path, policy and role.
    package let reach: ActionReach
    let index: AccessIndex

    /// - Parameter resource: a CRN, GUID or name of an instance, or nil for the whole account.
    package init(action: String, resource: String?, in index: AccessIndex) throws(Lookup.Failure) {
        self.action = action
        instance = try resource.map { query throws(Lookup.Failure) in try Lookup.instance(query, in: index.account) }
        self.index = index
        reach = ActionAccess.reach(of: action, on: instance, in: index)
    }

    /// Writes the report in `format` to `sink` a block of rows at a time (docs/access-json.md for JSON), the text
    /// table fitted to `width` columns if given: rows are made as they are written, never all held.
    package func write(_ format: AccessFormat, width: Int? = nil, to sink: (Data) throws -> Void) throws {
        try table().write(format, width: width, to: sink)
    }

    private func table() -> TabularReport {
        let account = index.account
        let unknown = AccessJSON.unknownCollections(account, among: ActionAccess.reads)
        let holders = reach.holders.map { Holder(iamID: $0, index: index) }
        let grants = Grants(reach, instance: instance, index: index)
        let rows = Rows(reach: reach, grants: grants)
        let on = instance.map { " on \($0.displayName) (\($0.instanceID))" } ?? ""
        let identities = holders.count, count = reach.count
        return TabularReport(
            title: "Who can perform \(action)\(on) in \(account.displayName), snapshot \(account.fetchedAt.raw): "
                + "\(identities) identit\(identities == 1 ? "y" : "ies"), \(count) grant\(count == 1 ? "" : "s")",
            notes: unknown.map { "the snapshot could not read \($0.collection) (\($0.reason)): grants through it are missing" }
                + (grants.unknownRoles.isEmpty ? [] : ["the snapshot lists no actions for "
                    + grants.unknownRoles.joined(separator: ", ") + " on these services: those rows are unknown, not yes"]),
            table: .init(header: ["Identity", "Kind", "Role", "Actions", "Target", "Policy", "Path"], count: count, parts: [
                .shared(rows.holder) { [holders[$0].label, holders[$0].kind] },
                .shared(rows.grant) { grants.grants[$0].cells },
            ]),
            records: .init(header: AccessRecord.header + ["actions", "matched_actions"], count: count, parts: [
                .shared(rows.holder) { [[holders[$0].kind, holders[$0].iamID, holders[$0].name ?? holders[$0].iamID]] },
                .shared(rows.grant) { [grants.grants[$0].record] },
            ]),
            json: VersionedDocument(format: AccessJSON.format, version: AccessJSON.version, body: Document(
                account: AccessJSON.Account(id: account.accountID, name: account.info?.name),
                fetchedAt: account.fetchedAt.raw, action: action, instance: instance?.instanceID,
                unknownCollections: unknown, networkRestrictions: grants.network,
                grants: JSONRows(holders: holders, grants: grants, rows: rows))))
    }

    /// An identity that can perform the action, named.
    struct Holder {
        let iamID: String
        let kind: String
        let name: String?
        /// The table's cell: "name (iam id)", or the IAM id in parentheses.
        let label: String

        init(iamID: String, index: AccessIndex) {
            self.iamID = iamID
            kind = SubjectKind(iamID: iamID, in: index.account).rawValue
            name = index.name(ofIAMID: iamID)
            label = (name.map { "\($0) " } ?? "") + "(\(iamID))"
        }
    }

    /// A carried role held through one path: what every row of that role and path shows beside its holder.
    struct Grant {
        /// Index into `ActionReach.carried`.
        let carried: Int
        /// Index into `Grants.fields`.
        let fields: Int
        let role: String
        let roleCRN: String
        /// `listed`: the snapshot lists the action for the role; `unknown`: it lists no actions for it on the service.
        let actions: String
        /// The role's listed actions that match the pattern, sorted (none when `unknown`).
        let matched: [String]
        /// The text and Markdown cells from the role on: the Actions cell lists `matched`, or says `unknown`.
        let cells: [String]
        /// The CSV fields from `match` on.
        let record: [String]
    }

    /// The distinct grants of the rows, each made once, and for each segment of the reach its grants, in the order of
    /// its source's carried roles. Every member of a group shares the group's grants: their fields are built once per
    /// policy and path.
    struct Grants {
        /// The fields of a policy reached by a path, shared by its roles' grants.
        let fields: [AccessJSON.GrantFields]
        let grants: [Grant]
        /// Per segment of the reach, an index into `lists`.
        let listOfSegment: [Int]
        /// Indices into `grants`, one list per distinct source and path.
        let lists: [[Int]]
        /// The names of the roles of `unknown` rows, sorted.
        let unknownRoles: [String]
        /// The context-based-restrictions rules on what the grants reach, by target: listed once in the JSON
        /// document, not in each of the thousands of rows that share a target.
        let network: NetworkByTarget

        init(_ reach: ActionReach, instance: ResourceInstance?, index: AccessIndex) {
            // The rules on what each grant reaches: the instance asked about, else the grant's target. Only their
            // few words are kept per target: an account-wide target is partly restricted by every instance's rule, and
            // thousands of targets times thousands of rules took gigabytes on XL (the JSON document lists each
            // target's rules when it is written).
            let protecting = instance.map(index.networkRestrictions.protecting)
            let onInstance = protecting.map { NetworkText.cell($0) }
            var networkText: [String: String] = [:]
            var targets: [String: PolicyTarget] = [:]
            var restricted = Set<String>()
            var fieldsNumbers: [FieldsKey: Int] = [:]
            var fields: [AccessJSON.GrantFields] = []
            var grants: [Grant] = []
            var listNumbers: [ListKey: Int] = [:]
            var lists: [[Int]] = []
            var listOfSegment: [Int] = []
            listOfSegment.reserveCapacity(reach.segments.count)
            var unknownRoles = Set<String>()
            for segment in reach.segments {
                let listKey = ListKey(source: segment.source, path: segment.path)
                if let number = listNumbers[listKey] {
                    listOfSegment.append(number)
                    continue
                }
                var list: [Int] = []
                for number in reach.sources[segment.source] {
                    let carried = reach.carried[number]
                    let key = FieldsKey(policyID: carried.policy.id, path: segment.path)
                    let fieldsNumber = fieldsNumbers[key] ?? fields.count
                    if fieldsNumber == fields.count {
                        let target = carried.target.key
                        let text = onInstance ?? networkText[target]
                            ?? NetworkText.cell(index.networkRestrictions.restricting(carried.target))
                        networkText[target] = text
                        targets[target] = carried.target
                        if !text.isEmpty { restricted.insert(target) }
                        fields.append(AccessJSON.GrantFields(policy: carried.policy, target: carried.target,
                                                             path: reach.paths[segment.path], index: index,
                                                             networkText: text, listed: nil))
                        fieldsNumbers[key] = fieldsNumber
                    }
                    let grantFields = fields[fieldsNumber]
                    let role = index.roleName(carried.role)
                    let actions = carried.answer == .yes ? "listed" : "unknown"
                    let matched = carried.actions.joined(separator: ", ")
                    if carried.answer != .yes { unknownRoles.insert(role) }
                    // The policy's record of this role: its records are one per role, in the order of its roles.
                    let roleColumns = carried.policy.roleIDs.firstIndex(of: carried.role).map { grantFields.recordColumns[$0] } ?? []
                    list.append(grants.count)
                    grants.append(Grant(carried: number, fields: fieldsNumber, role: role, roleCRN: carried.role,
                                        actions: actions, matched: carried.actions,
                                        cells: [role, carried.answer == .yes ? matched : actions, grantFields.target.label,
                                                String(carried.policy.id.prefix(8)), grantFields.pathText],
                                        record: [""] + roleColumns + [actions, matched]))
                }
                listNumbers[listKey] = lists.count
                listOfSegment.append(lists.count)
                lists.append(list)
            }
            self.fields = fields
            self.grants = grants
            self.listOfSegment = listOfSegment
            self.lists = lists
            self.unknownRoles = unknownRoles.sorted()
            network = NetworkByTarget(targets: targets.filter { restricted.contains($0.key) }, instance: protecting,
                                      restrictions: index.networkRestrictions)
        }

        private struct FieldsKey: Hashable {
            let policyID: String
            /// A path of the reach.
            let path: Int
        }

        private struct ListKey: Hashable {
            let source: Int
            let path: Int
        }
    }

    /// By target key, the context-based-restrictions rules on what grants of that target reach (on the instance, with
    /// `--resource`), for the targets that have any: an object written a target at a time, each target's rules
    /// worked out when written and then let go (an account-wide grant is partly restricted by every instance's rule).
    struct NetworkByTarget: JSONWritable {
        /// The targets with rules, by key.
        let targets: [String: PolicyTarget]
        /// The rules protecting the `--resource` instance, which apply to every target.
        let instance: [NetworkRestriction]?
        let restrictions: NetworkRestrictions

        func write(to json: inout JSONWriter) throws {
            try json.object(targets.map { key, target in
                JSONMember(key, JSONElements(instance ?? restrictions.restricting(target)) { AccessJSON.Restriction($0) })
            })
        }
    }

    /// Which holder and grant each row has, worked out from the reach's segments when asked.
    struct Rows {
        let reach: ActionReach
        let grants: Grants

        /// Row `line`'s holder: an index into the reach's holders.
        func holder(_ line: Int) -> Int { reach.segments[reach.segment(ofRow: line)].holder }

        /// Row `line`'s grant: an index into `grants.grants`.
        func grant(_ line: Int) -> Int {
            let segment = reach.segment(ofRow: line)
            return grants.lists[grants.listOfSegment[segment]][line - reach.segments[segment].start]
        }
    }

    /// The rows of the JSON document: each its holder's members written into its grant's `JSONObjectTemplate` (the
    /// grant's role, actions and fields written once, their bytes repeated for every other holder).
    struct JSONRows: JSONWritable {
        let holders: [Holder]
        let grants: Grants
        let rows: Rows

        func write(to json: inout JSONWriter) throws {
            // Two templates per grant: for holders with a name and without.
            var templates: [Int: JSONObjectTemplate] = [:]
            try json.array(count: rows.reach.count) { line, json in
                let holder = holders[rows.holder(line)], number = rows.grant(line)
                let key = 2 * number + (holder.name == nil ? 0 : 1)
                let template = try templates[key] ?? {
                    let grant = grants.grants[number]
                    return try JSONObjectTemplate(
                        shared: JSONMember.list(["role": grant.role, "role_crn": grant.roleCRN, "actions": grant.actions,
                                                 "matched_actions": grant.matched, "grant": grants.fields[grant.fields]]),
                        own: holder.name == nil ? ["iam_id", "kind"] : ["iam_id", "kind", "name"], depth: json.depth)
                }()
                templates[key] = template
                try template.write([holder.iamID, holder.kind] + (holder.name.map { [$0] } ?? []), to: &json)
            }
        }
    }

    struct Document: JSONObject {
        let account: AccessJSON.Account
        let fetchedAt: String
        let action: String
        let instance: String?
        let unknownCollections: [AccessJSON.UnknownCollection]
        let networkRestrictions: NetworkByTarget
        let grants: JSONRows

        var members: [JSONMember] {
            JSONMember.list(["account": account, "fetched_at": fetchedAt, "action": action, "instance": instance,
                             "unknown_collections": unknownCollections, "network_restrictions": networkRestrictions,
                             "grants": grants])
        }
    }
}
