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
        let counts = diff.grantCounts
        try JSONWriter.write(VersionedDocument(format: format, version: version, body: Document(
            old: Side(diff.old, source: sources.old), new: Side(diff.new, source: sources.new),
            includeUsage: diff.options.includeUsage, changed: !diff.isEmpty,
            summary: Summary(grantsGained: counts.gained, privilegedGained: diff.privilegedGains, grantsLost: counts.lost,
                             holders: diff.access.count,
                             entitiesAdded: diff.entityCount(.added), entitiesRemoved: diff.entityCount(.removed),
                             entitiesChanged: diff.entityCount(.changed)),
            causes: JSONRunElements(runs: DiffRuns.causes(diff), state: Templates.init) { index, templates, json in
                try Cause(diff.causes[index], templates: templates).write(to: &json)
            },
            access: JSONRunElements(runs: DiffRuns.holders(diff), state: Templates.init) { index, templates, json in
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

    /// An effect's holders, each a `Holder`, written through one template: an effect of thousands of holders makes
    /// no object of members for each.
    struct Holders: JSONWritable {
        let holders: [AccessHolder]

        func write(to json: inout JSONWriter) throws {
            let template = try JSONObjectTemplate(shared: [], own: ["kind", "iam_id", "name"], depth: json.depth + 1)
            try json.array(count: holders.count) { index, json in
                let holder = holders[index]
                try template.write([holder.kind.rawValue, holder.iamID, holder.name], to: &json)
            }
        }
    }

    struct HolderChanges: JSONObject {
        let holder: Holder
        let gained: JSONElements
        let lost: JSONElements

        init(_ changes: IdentityAccessChanges, templates: Templates) {
            let holder = changes.holder, name = holder.displayName
            self.holder = Holder(kind: holder.kind.rawValue, iamID: holder.iamID, name: holder.name)
            gained = JSONElements(changes.gained) { Grant(change: $0, holder: holder, holderName: name, templates: templates) }
            lost = JSONElements(changes.lost) { Grant(change: $0, holder: holder, holderName: name, templates: templates) }
        }

        var members: [JSONMember] { JSONMember.list(["holder": holder, "gained": gained, "lost": lost]) }
    }

    /// One grant gained or lost: `{"role", "policy_id", "target", "condition", "privileged"}`, which every change of
    /// its `GrantedRole` shares, with the change's own `path`, `via` and `text`.
    struct Grant: JSONWritable {
        let change: AccessChange
        let holder: AccessHolder
        /// The holder's `displayName`, made once for all its grants.
        let holderName: String
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

        /// The change's own members, in the order of `Templates.grantOwn`, its path written as `path`.
        func own(path: any JSONWritable) -> [any JSONWritable] {
            [path, change.sentence(for: holder, named: holderName), change.via]
        }

    }

    /// What many grants and effects share, written once (`JSONObjectTemplate`, `JSONFragment`): the members of each
    /// `GrantedRole`'s grants (role, policy, target), so that a role thousands of holders gained has its target
    /// written once; the `path` of each way (`HeldPath`), which every grant and effect through it shares; and the keys
    /// of an effect. At most `limit` roles and ways are kept (the grants of other roles are written whole; the ways
    /// are forgotten and written again). Each of the two threads that write changes has its own (`JSONRunElements`);
    /// the accounts are freed before, so that both fit where one account was.
    final class Templates {
        static let grantOwn = ["path", "text", "via"]
        /// An effect's members; `condition` is left out when the effect has none.
        static let effectOwn = ["direction", "roles", "policy_id", "target_label", "path", "condition", "holders",
                                "privileged", "text"]
        private static let limit = 20_000
        private var byRole: [ObjectIdentifier: JSONObjectTemplate] = [:]
        private var paths: [ObjectIdentifier: JSONFragment] = [:]
        /// The effects' templates, with and without a condition.
        private var effects: [Bool: JSONObjectTemplate] = [:]

        func write(_ grant: Grant, to json: inout JSONWriter) throws {
            let own = grant.own(path: try path(grant.change.way, depth: json.depth + 1))
            if let template = byRole[ObjectIdentifier(grant.change.grant)] {
                return try template.write(own, to: &json)
            }
            let shared = Grant.shared(grant.change.grant)
            guard byRole.count < Self.limit else {
                return try json.object(shared + zip(Self.grantOwn, own).map { JSONMember($0, $1) })
            }
            let template = try JSONObjectTemplate(shared: shared, own: Self.grantOwn, depth: json.depth)
            byRole[ObjectIdentifier(grant.change.grant)] = template
            try template.write(own, to: &json)
        }

        func write(_ effect: AccessEffect, to json: inout JSONWriter) throws {
            let conditional = effect.condition != nil
            let keys = conditional ? Self.effectOwn : Self.effectOwn.filter { $0 != "condition" }
            let template: JSONObjectTemplate
            if let known = effects[conditional] {
                template = known
            } else {
                template = try JSONObjectTemplate(shared: [], own: keys, depth: json.depth)
                effects[conditional] = template
            }
            var values: [any JSONWritable] = [
                effect.direction.rawValue, zip(effect.roleIDs, effect.roles).map { AccessJSON.Role(crn: $0, name: $1) },
                effect.policyID, effect.targetLabel, try path(effect.way, depth: json.depth + 1),
            ]
            if let condition = effect.condition { values.append(condition) }
            values += [Holders(holders: effect.holders), effect.isPrivileged, effect.sentence(listing: 0)] as [any JSONWritable]
            try template.write(values, to: &json)
        }

        /// The `path` of the grants and effects through `way`, written at nesting level `depth` once.
        private func path(_ way: HeldPath, depth: Int) throws -> JSONFragment {
            if let known = paths[ObjectIdentifier(way)] { return known }
            if paths.count >= Self.limit { paths.removeAll(keepingCapacity: true) }
            let fragment = try JSONFragment(way.steps.map(AccessJSON.GrantFields.step), depth: depth)
            paths[ObjectIdentifier(way)] = fragment
            return fragment
        }
    }

    /// An entity change that changed access (`entity`: its kind, action and id, as in `entities`; absent when the
    /// cause is not among the compared entities) and the access it changed, collapsed.
    struct Cause: JSONObject {
        let entity: EntityReference?
        let effects: JSONElements

        init(_ cause: DiffCause, templates: Templates) {
            entity = cause.change.map(EntityReference.init)
            effects = JSONElements(cause.effects) { Effect(effect: $0, templates: templates) }
        }

        var members: [JSONMember] { JSONMember.list(["entity": entity, "effects": effects]) }
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

    /// `{"direction", "roles", "policy_id", "target_label", "path", "condition", "holders", "privileged", "text"}`,
    /// written through the effects' template (`Templates`).
    struct Effect: JSONWritable {
        let effect: AccessEffect
        let templates: Templates

        func write(to json: inout JSONWriter) throws {
            try templates.write(effect, to: &json)
        }
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
