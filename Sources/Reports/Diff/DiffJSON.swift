import Analysis
import Foundation
import Model

/// A snapshot diff as the versioned JSON document of docs/diff-json.md. Keys are sorted and arrays keep the diff's
/// order, so equal diffs give equal bytes. Unlike the other formats, it is written when nothing changed too.
package enum DiffJSON {
    package static let format = "iamgraph-diff"
    package static let version = 1

    /// The whole document, as `write(_:sources:to:)` writes it.
    package static func data(_ diff: SnapshotDiff, sources: DiffSources) throws -> Data {
        var data = Data()
        try write(diff, sources: sources) { data.append($0) }
        return data
    }

    /// Writes the document to `sink` a block at a time, each change described as it is written; throws what `sink`
    /// throws.
    package static func write(_ diff: SnapshotDiff, sources: DiffSources, to sink: (Data) throws -> Void) throws {
        try write(diff, sources: sources, grants: GrantTable(diff.grants), to: sink)
    }

    /// `write(_:sources:to:)` with the grants of the roles in `grants` written through it, the others whole.
    static func write(_ diff: SnapshotDiff, sources: DiffSources, grants: GrantTable,
                      to sink: (Data) throws -> Void) throws {
        let counts = diff.grantCounts
        try JSONWriter.write(VersionedDocument(format: format, version: version, body: Document(
            old: Side(diff.old, source: sources.old), new: Side(diff.new, source: sources.new),
            includeUsage: diff.options.includeUsage, changed: !diff.isEmpty,
            summary: Summary(grantsGained: counts.gained, privilegedGained: diff.privilegedGains, grantsLost: counts.lost,
                             holders: diff.access.count,
                             entitiesAdded: diff.entityCount(.added), entitiesRemoved: diff.entityCount(.removed),
                             entitiesChanged: diff.entityCount(.changed)),
            causes: JSONRunElements(runs: DiffRuns.causes(diff), state: { Templates(grants) }) { index, templates, json in
                try Cause(diff.causes[index], templates: templates).write(to: &json)
            },
            access: JSONRunElements(runs: DiffRuns.holders(diff), state: { Templates(grants) }) { index, templates, json in
                try HolderChanges(diff.access[index], templates: templates).write(to: &json)
            },
            entities: JSONElements(diff.entities, Entity.init),
            notes: diff.notes)), to: sink)
    }

    struct Document: JSONObject {
        let old: Side
        let new: Side
        let includeUsage: Bool
        let changed: Bool
        let summary: Summary
        let causes: JSONRunElements<Templates>
        let access: JSONRunElements<Templates>
        let entities: JSONElements
        let notes: [String]

        var members: [JSONMember] {
            JSONMember.list(["old": old, "new": new, "include_usage": includeUsage, "changed": changed,
                             "summary": summary, "causes": causes, "access": access, "entities": entities,
                             "notes": notes])
        }
    }

    struct Side: JSONObject {
        let source: String
        let accountID: String
        let accountName: String
        let fetchedAt: String
        let scope: String

        init(_ side: SnapshotDiff.Side, source: String) {
            self.source = source
            accountID = side.accountID
            accountName = side.accountName
            fetchedAt = side.fetchedAt
            scope = side.scope.description
        }

        var members: [JSONMember] {
            JSONMember.list(["source": source, "account_id": accountID, "account_name": accountName,
                             "fetched_at": fetchedAt, "scope": scope])
        }
    }

    struct Summary: JSONObject {
        let grantsGained: Int
        let privilegedGained: Int
        let grantsLost: Int
        let holders: Int
        let entitiesAdded: Int
        let entitiesRemoved: Int
        let entitiesChanged: Int

        var members: [JSONMember] {
            JSONMember.list(["grants_gained": grantsGained, "privileged_grants_gained": privilegedGained,
                             "grants_lost": grantsLost, "holders": holders, "entities_added": entitiesAdded,
                             "entities_removed": entitiesRemoved, "entities_changed": entitiesChanged])
        }
    }

    struct Holder: JSONObject {
        let kind: String
        let iamID: String
        let name: String

        var members: [JSONMember] { JSONMember.list(["kind": kind, "iam_id": iamID, "name": name]) }
    }

    /// `{"gained", "holder", "lost"}`, the grants written one by one through the thread's `Templates`, none made into
    /// a value of its own.
    struct HolderChanges: JSONWritable {
        let changes: IdentityAccessChanges
        let templates: Templates
        private static let gainedKey = JSONKey("gained"), holderKey = JSONKey("holder"), lostKey = JSONKey("lost")

        init(_ changes: IdentityAccessChanges, templates: Templates) {
            self.changes = changes
            self.templates = templates
        }

        func write(to json: inout JSONWriter) throws {
            let holder = changes.holder, name = EscapedText(holder.displayName)
            // In the order of the keys' bytes, as `object(_:)` sorts them.
            try json.object(inOrder: { json in
                try json.member(Self.gainedKey, Grants(changes: changes.gained, holder: holder, holderName: name,
                                                       templates: templates))
                try json.member(Self.holderKey, Holder(kind: holder.kind.rawValue, iamID: holder.iamID, name: holder.name))
                try json.member(Self.lostKey, Grants(changes: changes.lost, holder: holder, holderName: name,
                                                     templates: templates))
            })
        }
    }

    /// A holder's grants gained or lost, each written as a `Grant`.
    struct Grants: JSONWritable {
        let changes: [AccessChange]
        let holder: AccessHolder
        let holderName: EscapedText
        let templates: Templates

        func write(to json: inout JSONWriter) throws {
            try templates.write(changes, holder: holder, holderName: holderName, to: &json)
        }
    }

    /// One grant gained or lost: `{"role", "policy_id", "target", "condition", "privileged"}`, which every change of
    /// its `GrantedRole` shares, with the change's own `path`, `via` and `text`.
    struct Grant: JSONWritable {
        let change: AccessChange
        let holder: AccessHolder
        /// The holder's `displayName`, made and escaped once for all its grants.
        let holderName: EscapedText
        let templates: Templates

        func write(to json: inout JSONWriter) throws {
            try templates.write(self, to: &json)
        }

        /// The members every change of `grant` shares.
        static func shared(_ grant: GrantedRole) -> [JSONMember] {
            JSONMember.list([
                "role": AccessJSON.Role(crn: grant.roleID, name: grant.role), "policy_id": grant.policyID,
                "target": AccessJSON.Target(label: grant.targetLabel, scope: grant.target.scopeName, key: grant.target.key,
                                            attributes: grant.target.attributes.map(AccessJSON.Attribute.init),
                                            tags: grant.target.tags.map(AccessJSON.Attribute.init)),
                "condition": grant.condition, "privileged": grant.isPrivileged,
            ])
        }

        /// Writes `change`'s own member `member` from what is made once: its way's path and words (`way`), its
        /// role's words (`role`), the holder's name and the sentence's other words (`table`).
        static func write(_ member: Own, of change: AccessChange, holder: AccessHolder, named name: UnsafeBufferPointer<UInt8>,
                          way: WayBytes, role: (roleOnTarget: UnsafeBufferPointer<UInt8>, policyNote: UnsafeBufferPointer<UInt8>),
                          table: GrantTable.Contents, to json: inout JSONWriter) throws {
            switch member {
            case .path: try way.path.write(to: &json)
            case .text:
                // The sentence's parts, each escaped once: escaping goes character by character, so these are the
                // escaped sentence's bytes.
                json.string { json in
                    change.sentenceLayout(for: holder) { part in
                        switch part {
                        case .holderName: json.append(written: name)
                        case .space: json.append(written: table.space)
                        case .direction: json.append(written: change.direction == .gained ? table.gained : table.lost)
                        case .roleOnTarget: json.append(written: role.roleOnTarget)
                        case .via: way.via.bytes.withUnsafeBufferPointer { json.append(written: $0) }
                        case .policyNote: json.append(written: role.policyNote)
                        }
                    }
                }
            case .via: json.string { json in way.via.bytes.withUnsafeBufferPointer { json.append(written: $0) } }
            }
        }

        /// The members of a grant that are its own, not its role's, in the order the tables are made with.
        enum Own: String, CaseIterable {
            case path, text, via

            /// `allCases`, made once: a grant's members are looked up by index millions of times.
            static let all = allCases
            /// Their keys, in the same order.
            static let keys = all.map(\.rawValue)
        }
    }

    /// What each thread that writes changes keeps (`JSONRunElements`): the role table shared by both (`GrantTable`),
    /// the `path` and words of each way (`HeldPath`, `WayBytes`) written once for the grants and effects through it
    /// (at most `limit` kept, then forgotten and written again), and the templates of an effect's keys, with and
    /// without `condition`, and of its holders.
    final class Templates {
        /// An effect's members; `condition` is left out when the effect has none.
        enum EffectMember: String, CaseIterable {
            case direction, roles
            case policyID = "policy_id"
            case targetLabel = "target_label"
            case path, condition, holders, privileged, text
        }

        private static let limit = 20_000
        private let grants: GrantTable
        private var ways: [ObjectIdentifier: WayBytes] = [:]
        /// The effects' templates, without a condition (0) and with one (1), and the members each is made of.
        private var effects: [(template: JSONObjectTemplate, members: [EffectMember])?] = [nil, nil]
        /// The keys of an effect's roles, kept by each thread: statics would be retained by both for each role.
        private let crnKey = JSONKey("crn"), nameKey = JSONKey("name")
        /// `HolderMember.allCases`, kept by each thread.
        private let holderMembers = HolderMember.allCases
        /// The template of an effect's holders (`Holder`).
        private var holderTemplate: JSONObjectTemplate?

        /// A holder's members, in the order the holders' template is made with.
        private enum HolderMember: String, CaseIterable {
            case kind
            case iamID = "iam_id"
            case name
        }

        init(_ grants: GrantTable) {
            self.grants = grants
        }

        /// Writes one grant (`Grant`): through its role's runs when the table holds the role and `json` is at the
        /// table's level, whole otherwise.
        func write(_ grant: Grant, to json: inout JSONWriter) throws {
            let way = try way(grant.change.way, depth: json.depth + 1)
            try grants.withContents { table in
                try grant.holderName.bytes.withUnsafeBufferPointer { name in
                    try write(grant.change, holder: grant.holder, named: name, way: way, table: table, to: &json)
                }
            }
        }

        /// Writes `changes`, a holder's grants gained or lost, as the array of their `Grant`s: the table read through
        /// pointers for all of them, a way's bytes looked up once for the changes through it in a row.
        func write(_ changes: [AccessChange], holder: AccessHolder, holderName: EscapedText,
                   to json: inout JSONWriter) throws {
            try grants.withContents { table in
                try holderName.bytes.withUnsafeBufferPointer { name in
                    try changes.withUnsafeBufferPointer { changes in
                        var current: (way: ObjectIdentifier, bytes: WayBytes)?
                        try json.array(count: changes.count) { index, json in
                            let way: WayBytes
                            if let current, current.way == ObjectIdentifier(changes[index].way) {
                                way = current.bytes
                            } else {
                                way = try self.way(changes[index].way, depth: json.depth + 1)
                                current = (ObjectIdentifier(changes[index].way), way)
                            }
                            try write(changes[index], holder: holder, named: name, way: way, table: table, to: &json)
                        }
                    }
                }
            }
        }

        /// Writes `change` as a `Grant` of `holder`, whose name is `name`, through `way`.
        private func write(_ change: AccessChange, holder: AccessHolder, named name: UnsafeBufferPointer<UInt8>,
                           way: WayBytes, table: GrantTable.Contents, to json: inout JSONWriter) throws {
            let number = change.grant.number
            if table.holds(number) && json.depth == GrantTable.depth {
                let role = table.words(of: number)
                try table.write(role: number, to: &json) { member, json in
                    try Grant.write(member, of: change, holder: holder, named: name, way: way, role: role, table: table,
                                    to: &json)
                }
                return
            }
            let words = RoleWords(change.grant)
            try words.roleOnTarget.bytes.withUnsafeBufferPointer { roleOnTarget in
                try words.policyNote.bytes.withUnsafeBufferPointer { policyNote in
                    try json.object(Grant.shared(change.grant), own: Grant.Own.keys) { index, json in
                        try Grant.write(Grant.Own.all[index], of: change, holder: holder, named: name, way: way,
                                        role: (roleOnTarget, policyNote), table: table, to: &json)
                    }
                }
            }
        }

        /// Writes the effect at `pointer` as its object, `{"direction", "roles", …}`, read in place: an effect copied
        /// to be written (its seven references retained, then released) costs as much as writing its sentence.
        func write(effectAt pointer: UnsafePointer<AccessEffect>, to json: inout JSONWriter) throws {
            let conditional = pointer.pointee.condition != nil ? 1 : 0
            let template: JSONObjectTemplate, members: [EffectMember]
            if let known = effects[conditional] {
                (template, members) = known
            } else {
                members = EffectMember.allCases.filter { conditional == 1 || $0 != .condition }
                template = try JSONObjectTemplate(shared: [], own: members.map(\.rawValue), depth: json.depth)
                effects[conditional] = (template, members)
            }
            let way = try way(pointer.pointee.way, depth: json.depth + 1)
            try template.write(to: &json) { index, json in
                switch members[index] {
                case .direction: json.string(pointer.pointee.direction.rawValue)
                case .roles:
                    // `AccessJSON.Role`'s members, written in their keys' order.
                    try json.array(count: pointer.pointee.roles.count) { role, json in
                        try json.object(inOrder: { json in
                            try json.member(crnKey, pointer.pointee.roleIDs[role])
                            try json.member(nameKey, pointer.pointee.roles[role])
                        })
                    }
                case .policyID: json.string(pointer.pointee.policyID)
                case .targetLabel: json.string(pointer.pointee.targetLabel)
                case .path: try way.path.write(to: &json)
                case .condition: try JSONNullable(pointer.pointee.condition).write(to: &json)
                case .holders: try write(pointer.pointee.holders, to: &json)
                case .privileged: json.bool(pointer.pointee.isPrivileged)
                case .text: json.string { json in write(sentenceOf: pointer, via: way.via, to: &json) }
                }
            }
        }

        /// The contents of the `text` of the effect at `effect` (its sentence listing no holder), each part escaped
        /// alone — escaping goes character by character, so these are the escaped sentence's bytes —, the way's words
        /// escaped once (`via`).
        private func write(sentenceOf effect: UnsafePointer<AccessEffect>, via: EscapedText, to json: inout JSONWriter) {
            effect.pointee.sentenceLayout(listing: 0) { part in
                switch part {
                case .words(let words): words.withUTF8Buffer { json.append(written: $0) }
                case .count(let count): json.integer(count)
                case .holderName(let index): json.contents(effect.pointee.holders[index].displayName)
                case .direction: json.contents(effect.pointee.direction.rawValue)
                case .role(let index): json.contents(effect.pointee.roles[index])
                case .targetLabel: json.contents(effect.pointee.targetLabel)
                case .wayWords: json.contents(effect.pointee.way.words)
                case .via: via.bytes.withUnsafeBufferPointer { json.append(written: $0) }
                case .policyPrefix: json.contents(String(effect.pointee.policyID.prefix(8)))
                case .condition: json.contents(effect.pointee.condition ?? "")
                }
            }
        }

        /// An effect's holders, each a `Holder`, written through one template: an effect of thousands of holders
        /// makes no object of members for each.
        private func write(_ holders: [AccessHolder], to json: inout JSONWriter) throws {
            let template: JSONObjectTemplate
            if let known = holderTemplate {
                template = known
            } else {
                template = try JSONObjectTemplate(shared: [], own: HolderMember.allCases.map(\.rawValue), depth: json.depth + 1)
                holderTemplate = template
            }
            // Each holder's fields read in place: a holder copied to be written retains and releases both its strings.
            try holders.withUnsafeBufferPointer { holders in
                try json.array(count: holders.count) { index, json in
                    try template.write(to: &json) { member, json in
                        switch holderMembers[member] {
                        case .kind: json.string(holders[index].kind.rawValue)
                        case .iamID: json.string(holders[index].iamID)
                        case .name: json.string(holders[index].name)
                        }
                    }
                }
            }
        }

        /// The `path` of the grants and effects through `way`, written at nesting level `depth`, and its words, once.
        private func way(_ way: HeldPath, depth: Int) throws -> WayBytes {
            if let known = ways[ObjectIdentifier(way)] { return known }
            if ways.count >= Self.limit { ways.removeAll(keepingCapacity: true) }
            let bytes = WayBytes(path: try JSONFragment(way.steps.map(AccessJSON.GrantFields.step), depth: depth),
                                 via: EscapedText(way.via))
            ways[ObjectIdentifier(way)] = bytes
            return bytes
        }
    }

    /// An entity change that changed access (`entity`: its kind, action and id, as in `entities`; absent when the
    /// cause is not among the compared entities) and the access it changed, collapsed.
    struct Cause: JSONWritable {
        let cause: DiffCause
        let templates: Templates
        private static let effectsKey = JSONKey("effects"), entityKey = JSONKey("entity")

        init(_ cause: DiffCause, templates: Templates) {
            self.cause = cause
            self.templates = templates
        }

        func write(to json: inout JSONWriter) throws {
            // In the order of the keys' bytes, as `object(_:)` sorts them; no `entity` when the cause is not listed.
            try json.object(inOrder: { json in
                try json.member(Self.effectsKey, Effects(effects: cause.effects, templates: templates))
                try json.member(Self.entityKey, cause.change.map(EntityReference.init))
            })
        }
    }

    /// A cause's effects, each `{"direction", "roles", "policy_id", "target_label", "path", "condition", "holders",
    /// "privileged", "text"}` written through the thread's `Templates`.
    struct Effects: JSONWritable {
        let effects: [AccessEffect]
        let templates: Templates

        func write(to json: inout JSONWriter) throws {
            // Through a pointer: an effect is not copied (nor its fields retained) to be written.
            try effects.withUnsafeBufferPointer { effects in
                guard let first = effects.baseAddress else { return try json.array(count: 0) { _, _ in } }
                try json.array(count: effects.count) { index, json in try templates.write(effectAt: first + index, to: &json) }
            }
        }
    }

    struct EntityReference: JSONObject {
        let kind: String
        let action: String
        let id: String
        let label: String

        init(_ change: EntityChange) {
            kind = change.kind.rawValue
            action = change.action.rawValue
            id = change.id
            label = change.label
        }

        var members: [JSONMember] { JSONMember.list(["kind": kind, "action": action, "id": id, "label": label]) }
    }

    struct Entity: JSONObject {
        let kind: String
        let action: String
        let id: String
        let label: String
        let changes: [Field]

        init(_ change: EntityChange) {
            kind = change.kind.rawValue
            action = change.action.rawValue
            id = change.id
            label = change.label
            changes = change.fields.map(Field.init)
        }

        var members: [JSONMember] {
            JSONMember.list(["kind": kind, "action": action, "id": id, "label": label, "changes": changes])
        }
    }

    /// `{"field", "old", "new"}` for a value (`null` for an absent side), `{"field", "added", "removed"}` for a set.
    struct Field: JSONObject {
        let change: EntityChange.FieldChange

        var members: [JSONMember] {
            switch change {
            case .value(let field, let old, let new):
                JSONMember.list(["field": field, "old": JSONNullable(old), "new": JSONNullable(new)])
            case .elements(let field, let added, let removed):
                JSONMember.list(["field": field, "added": added, "removed": removed])
            }
        }
    }
}
