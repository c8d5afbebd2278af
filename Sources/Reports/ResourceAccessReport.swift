import Analysis
import Foundation
import Model

/// `iamgraph access --resource`: every identity, access group and service that can reach one service instance, with
/// how much of it (all or part), the roles, the policy, the path and the conditions.
public struct ResourceAccessReport: Sendable {
    /// The instance asked about.
    public let instance: ResourceInstance
    /// Who can reach the instance, ordered: users, service IDs, trusted profiles, access groups, Public Access,
    /// services; then by name.
    public let access: [ResourceAccess]
    let index: AccessIndex

    /// The report for the instance a user typed: a CRN, a GUID or a name.
    public init(resource query: String, in index: AccessIndex) throws(Lookup.Failure) {
        let instance = try Lookup.instance(query, in: index.account)
        self.instance = instance
        self.index = index
        // Rows are sorted by ranks: each distinct holder and path is ranked once (by kind, name and id; by path text),
        // and row numbers are sorted rather than the rows, so that hundreds of thousands of rows sort on integers.
        let found = WhoHasAccess.to(instance, in: index)
        var holders = HolderCache(index)
        let holderRank = Self.ranks(Set(found.map(\.holder))) { holder in
            let named = holders[holder]
            return [String(named.order), named.name.lowercased(), named.id]
        }
        let pathRank = Self.ranks(Set(found.map(\.path))) { [PathText.describe($0)] }
        let keys = found.map { (holderRank[$0.holder]!, pathRank[$0.path]!) }
        access = found.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a] < keys[b] : found[a].policy.id < found[b].policy.id
        }.map { found[$0] }
    }

    /// The position of each value when sorted by `key`.
    private static func ranks<Value: Hashable>(_ values: Set<Value>, by key: (Value) -> [String]) -> [Value: Int] {
        let ordered = values.map { (key: key($0), value: $0) }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        return Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($0.element.value, $0.offset) })
    }

    /// Each holder named once, however many rows it has.
    struct HolderCache {
        let index: AccessIndex
        private var named: [ResourceAccess.Holder: Holder] = [:]

        init(_ index: AccessIndex) { self.index = index }

        subscript(holder: ResourceAccess.Holder) -> Holder {
            mutating get {
                if let known = named[holder] { return known }
                let made = Holder(holder, index)
                named[holder] = made
                return made
            }
        }
    }

    /// The report in `format` (docs/access-json.md for JSON); throws only if JSON encoding fails.
    public func data(_ format: AccessFormat) throws -> Data { try table().data(format) }

    /// Writes the report in `format` to `sink` a part at a time, so that a text or CSV table of millions of rows is
    /// never held whole; throws what `sink` throws, or if JSON encoding fails.
    public func write(_ format: AccessFormat, to sink: (Data) throws -> Void) throws { try table().write(format, to: sink) }

    private func table() -> TabularReport {
        let account = index.account
        let unknown = AccessJSON.unknownCollections(account, among: WhoHasAccess.reads)
        // A policy reaching the instance through a big group repeats for every member: its fields are built once per
        // policy and path.
        var holders = HolderCache(index)
        var fields: [FieldsKey: AccessJSON.GrantFields] = [:]
        let rows = access.map { access in
            let key = FieldsKey(policyID: access.policy.id, path: access.path)
            let grant = fields[key] ?? AccessJSON.GrantFields(policy: access.policy, target: access.target, path: access.path, index: index)
            fields[key] = grant
            return Row(holder: holders[access.holder], match: access.match == .full ? "full" : "partial", fields: grant)
        }
        let groupName = instance.resourceGroupID.flatMap { account.resourceGroupsByID[$0]?.name }
        let document = Document(
            format: AccessJSON.format, version: AccessJSON.version,
            account: AccessJSON.Account(id: account.accountID, name: account.info?.name),
            fetchedAt: account.fetchedAt.raw,
            resource: Resource(crn: instance.crnString ?? instance.id, guid: instance.instanceID, name: instance.name,
                               service: instance.serviceName, region: instance.region,
                               resourceGroup: instance.resourceGroupID.map { ResourceGroupRef(id: $0, name: groupName) }),
            unknownCollections: unknown,
            access: rows)
        let location = [instance.serviceName, instance.region, groupName.map { "resource group \($0)" }].compactMap { $0 }
        return TabularReport(
            title: "Who can reach \(instance.displayName) (\(([instance.instanceID] + location).joined(separator: ", "))) in "
                + "\(account.displayName), snapshot \(account.fetchedAt.raw): \(rows.count) row\(rows.count == 1 ? "" : "s")",
            notes: unknown.map { "the snapshot could not read \($0.collection) (\($0.reason)): access through it is missing" },
            header: ["Who", "Kind", "ID", "Match", "Roles", "Target", "Scope", "Policy", "Path", "Conditions"],
            rowCount: rows.count,
            cells: { [rows[$0].holder.name, rows[$0].holder.kind, rows[$0].holder.id, rows[$0].match] + rows[$0].fields.cells },
            json: document)
    }

    private struct FieldsKey: Hashable {
        let policyID: String
        let path: [AccessStep]
    }

    /// Who holds the access, named.
    struct Holder: Encodable {
        let kind: String
        let id: String
        let name: String
        let serviceInstance: String?
        /// Sort rank of the kind: identities first, services last.
        let order: Int

        enum CodingKeys: String, CodingKey {
            case kind, id, name
            case serviceInstance = "service_instance"
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
            }
        }
    }

    struct Row: Encodable {
        let holder: Holder
        let match: String
        let fields: AccessJSON.GrantFields

        enum CodingKeys: String, CodingKey { case holder, match }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(holder, forKey: .holder)
            try container.encode(match, forKey: .match)
            try fields.encode(to: encoder)
        }
    }

    struct Document: Encodable {
        let format: String
        let version: Int
        let account: AccessJSON.Account
        let fetchedAt: String
        let resource: Resource
        let unknownCollections: [AccessJSON.UnknownCollection]
        let access: [Row]

        enum CodingKeys: String, CodingKey {
            case format, version, account, resource, access
            case fetchedAt = "fetched_at", unknownCollections = "unknown_collections"
        }
    }

    struct Resource: Encodable {
        let crn: String
        let guid: String
        let name: String?
        let service: String?
        let region: String?
        let resourceGroup: ResourceGroupRef?

        enum CodingKeys: String, CodingKey {
            case crn, guid, name, service, region
            case resourceGroup = "resource_group"
        }
    }

    struct ResourceGroupRef: Encodable {
        let id: String
        let name: String?
    }
}
