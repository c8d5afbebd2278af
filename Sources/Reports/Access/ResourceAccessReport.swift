import Analysis
import Foundation
import Model

/// `iamgraph access --resource`: every identity, access group and service that can reach one service instance, with
/// how much of it (all or part), the roles, the policy, the path and the conditions.
package struct ResourceAccessReport: Sendable {
    /// The instance asked about.
    package let instance: ResourceInstance
    /// Who can reach the instance, ordered: users, service IDs, trusted profiles and what may assume them (linked
    /// compute resources, claim rules' federated users and compute resources), access groups, Public Access,
    /// services; then by name.
    package var access: [ResourceAccess] { rows.map(reach.access) }
    let index: AccessIndex
    let reach: ResourceReach
    /// The rows of `reach`, ordered as `access`.
    let rows: [ResourceReach.Row]
    /// The holders of `reach`, named.
    let holders: [Holder]

    /// The report for the instance a user typed: a CRN, a GUID or a name.
    package init(resource query: String, in index: AccessIndex) throws(Lookup.Failure) {
        let instance = try Lookup.instance(query, in: index.account)
        self.instance = instance
        self.index = index
        // Rows are sorted by ranks: each distinct holder, path and policy id is ranked once (by kind, name and id; by
        // path text; by id), so that hundreds of thousands of rows sort on integers.
        let reach = WhoHasAccess.reach(instance, in: index)
        self.reach = reach
        let holders = reach.holders.map { Holder($0, index) }
        self.holders = holders
        let holderRank = Self.ranks(holders) { [String($0.order), $0.name.lowercased(), $0.id] }
        let pathRank = Self.ranks(reach.paths) { [PathText.describe($0)] }  // authorizations are ranked apart, as services
        let policyRank = Self.ranks(reach.policies) { [$0.policy.id] }
        rows = reach.rows.map { (key: (holderRank[$0.holder], pathRank[$0.path], policyRank[$0.policy]), row: $0) }
            .sorted { $0.key < $1.key }
            .map(\.row)
    }

    /// The position of each value when sorted by `key`; values of equal keys in the order given.
    private static func ranks<Value>(_ values: [Value], by key: (Value) -> [String]) -> [Int] {
        let ordered = values.enumerated().map { (key: key($0.element), offset: $0.offset) }.sorted {
            $0.key != $1.key ? $0.key.lexicographicallyPrecedes($1.key) : $0.offset < $1.offset
        }
        var ranks = Array(repeating: 0, count: values.count)
        for (rank, value) in ordered.enumerated() { ranks[value.offset] = rank }
        return ranks
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
        let unknown = AccessJSON.unknownCollections(account, among: WhoHasAccess.reads)
        // A policy reaching the instance through a big group repeats for every member: its fields are built once per
        // policy id and path.
        // The rules protecting the instance apply to every row (the document lists them once, CSV on each record).
        let restrictions = index.networkRestrictions.protecting(instance)
        var fieldsNumbers: [FieldsKey: Int] = [:]
        var fields: [AccessJSON.GrantFields] = []
        let tableRows = rows.map { row in
            // Fields of the policy read in place: copying a whole policy and target per row would cost more than the row.
            let key = FieldsKey(policyID: reach.policies[row.policy].policy.id, path: row.path)
            let number = fieldsNumbers[key] ?? fields.count
            if number == fields.count {
                let reaching = reach.policies[row.policy]
                fields.append(AccessJSON.GrantFields(policy: reaching.policy, target: reaching.target, path: reach.paths[row.path],
                                                     index: index, network: restrictions, listsNetwork: false))
                fieldsNumbers[key] = number
            }
            return TableRow(holder: row.holder, match: reach.policies[row.policy].match == .full ? 0 : 1, fields: number)
        }
        let groupName = instance.resourceGroupID.flatMap { account.resourceGroupsByID[$0]?.name }
        let document = Document(
            account: AccessJSON.Account(id: account.accountID, name: account.info?.name),
            fetchedAt: account.fetchedAt.raw,
            resource: Resource(crn: instance.crnString ?? instance.id, guid: instance.instanceID, name: instance.name,
                               service: instance.serviceName, region: instance.region,
                               resourceGroup: instance.resourceGroupID.map { ResourceGroupRef(id: $0, name: groupName) }),
            unknownCollections: unknown,
            networkRestrictions: restrictions.map(AccessJSON.Restriction.init),
            access: Rows(holders: holders, fields: fields, rows: tableRows))
        let location = [instance.serviceName, instance.region, groupName.map { "resource group \($0)" }].compactMap { $0 }
        return TabularReport(
            title: "Who can reach \(instance.displayName) (\(([instance.instanceID] + location).joined(separator: ", "))) in "
                + "\(account.displayName), snapshot \(account.fetchedAt.raw): \(rows.count) row\(rows.count == 1 ? "" : "s")",
            notes: unknown.map { "the snapshot could not read \($0.collection) (\($0.reason)): access through it is missing" }
                + restrictions.map(Self.note),
            table: .init(header: ["Who", "Kind", "Match", "Roles", "Target", "Policy", "Path", "Conditions"],
                         count: tableRows.count, parts: [
                             .shared({ tableRows[$0].holder }) { [holders[$0].name, holders[$0].kind] },
                             .shared({ tableRows[$0].match }) { [TableRow.matchWords[$0]] },
                             .shared({ tableRows[$0].fields }) { fields[$0].cells },
                         ]),
            records: .init(header: AccessRecord.header, count: tableRows.count, parts: [
                .shared({ tableRows[$0].holder }) { [[holders[$0].kind, holders[$0].id, holders[$0].name]] },
                .shared({ tableRows[$0].match }) { [[TableRow.matchWords[$0]]] },
                .shared({ tableRows[$0].fields }) { fields[$0].recordColumns },
            ]),
            json: VersionedDocument(format: AccessJSON.format, version: AccessJSON.version, body: document))
    }

    /// "network-restricted by CBR rule …": what the rule means for every row above.
    private static func note(_ restriction: NetworkRestriction) -> String {
        let rule = restriction.rule
        let zones = restriction.zones.map { $0.name ?? $0.id }.joined(separator: ", ")
        let effect = switch rule.enforcementMode {
        case .enabled: "network-restricted: every row applies only from"
        case .report: "report-only network restriction (not enforced): requests from outside are only reported;"
            + " allowed zones"
        case .disabled: "disabled network restriction (not enforced): allowed zones"
        }
        return "\(effect) \(zones.isEmpty ? "no zone" : zones) (CBR rule \(rule.id)\(rule.description.map { ", \($0)" } ?? "")"
            + (restriction.partial ? ", on part of the instance" : "") + ")"
    }

    private struct FieldsKey: Hashable {
        let policyID: String
        /// A path of `reach`.
        let path: Int
    }

    /// A row of the table: indices into the named holders and the fields built once per policy id and path.
    struct TableRow {
        let holder: Int
        /// How much of the instance the row's policy covers: an index into `matchWords`.
        let match: Int
        let fields: Int

        /// The words of `match`: all of the instance, or part of it.
        static let matchWords = ["full", "partial"]
    }

    /// Who holds the access, named.
    struct Holder: JSONObject {
        let kind: String
        let id: String
        let name: String
        let serviceInstance: String?
        /// Sort rank of the kind: identities first, services last.
        let order: Int

        var members: [JSONMember] {
            JSONMember.list(["kind": kind, "id": id, "name": name, "service_instance": serviceInstance])
        }

        init(_ holder: ResourceAccess.Holder, _ index: AccessIndex) {
            switch holder {
            case .identity(let iamID):
                let kind = SubjectKind(iamID: iamID, in: index.account)
                self.kind = kind.rawValue
                id = iamID
                name = index.name(ofIAMID: iamID) ?? iamID
                serviceInstance = nil
                order = kind == .user ? 0 : kind == .serviceID ? 1 : 2
            case .accessGroup(let groupID) where groupID == AccessGroup.publicAccessID:
                kind = "public_access"
                id = groupID
                name = "everyone (Public Access)"
                serviceInstance = nil
                order = 4
            case .accessGroup(let groupID):
                kind = "access_group"
                id = groupID
                name = index.account.groupsByID[groupID]?.displayName ?? groupID
                serviceInstance = nil
                order = 3
            case .service(let service, let instance):
                kind = "service"
                id = service
                name = instance.map { "\(service) \(index.account.instancesByGUID[$0]?.name ?? $0)" } ?? service
                serviceInstance = instance
                order = 5
            case .serviceCredential(let credential):
                kind = "service_credential"
                id = credential.id
                let serviceID = index.name(ofIAMID: credential.serviceIDIAMID) ?? credential.serviceIDIAMID
                name = "\(credential.name) (key of service ID \(serviceID)" + (credential.role.map { ", created as \($0)" } ?? "") + ")"
                serviceInstance = nil
                order = 1
            case .profileAssumer(let assumer):
                kind = assumer.kind.rawValue
                id = assumer.id
                name = assumer.name
                serviceInstance = nil
                order = 2
            }
        }
    }

    /// The rows of the JSON document, each written as its holder, match and fields. Rows share holders and fields
    /// (every member of a big group has the same policy, target and path), so each is written once, when a row first
    /// needs it, and its bytes repeated for the other rows: a row writes only the bytes of its holder and its match
    /// into the fields' `JSONObjectTemplate`.
    struct Rows: JSONWritable {
        let holders: [Holder]
        let fields: [AccessJSON.GrantFields]
        let rows: [TableRow]

        func write(to json: inout JSONWriter) throws {
            var holderBytes = [JSONFragment?](repeating: nil, count: holders.count)
            var templates = [JSONObjectTemplate?](repeating: nil, count: fields.count)
            try json.array(count: rows.count) { line, json in
                let row = rows[line]
                let depth = json.depth + 1  // the level of a row's members
                let holder = try holderBytes[row.holder] ?? JSONFragment(holders[row.holder], depth: depth)
                holderBytes[row.holder] = holder
                let template = try templates[row.fields] ?? JSONObjectTemplate(
                    shared: fields[row.fields].members.map { JSONMember($0.key, try JSONFragment($0.value, depth: depth)) },
                    own: ["holder", "match"], depth: json.depth)
                templates[row.fields] = template
                try template.write([holder, TableRow.matchWords[row.match]], to: &json)
            }
        }
    }

    struct Document: JSONObject {
        let account: AccessJSON.Account
        let fetchedAt: String
        let resource: Resource
        let unknownCollections: [AccessJSON.UnknownCollection]
        let networkRestrictions: [AccessJSON.Restriction]
        let access: Rows

        var members: [JSONMember] {
            JSONMember.list(["account": account, "fetched_at": fetchedAt, "resource": resource,
                             "unknown_collections": unknownCollections, "network_restrictions": networkRestrictions,
                             "access": access])
        }
    }

    struct Resource: JSONObject {
        let crn: String
        let guid: String
        let name: String?
        let service: String?
        let region: String?
        let resourceGroup: ResourceGroupRef?

        var members: [JSONMember] {
            JSONMember.list(["crn": crn, "guid": guid, "name": name, "service": service, "region": region,
                             "resource_group": resourceGroup])
        }
    }

    struct ResourceGroupRef: JSONObject {
        let id: String
        let name: String?

        var members: [JSONMember] { JSONMember.list(["id": id, "name": name]) }
    }
}
