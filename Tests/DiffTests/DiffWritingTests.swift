import Analysis
import Foundation
@testable import Reports
import Snapshot
import Testing

/// What the diff's writers make once and reuse for millions of changes — each role's grant members (`GrantTable`),
/// each role's Markdown cells (`RoleCells`), a sentence written in parts — must write the bytes of what they replace.
@Suite struct DiffWritingTests {
    /// The demo pair's diff, and the same with a hostile group name.
    static func diffs() throws -> [SnapshotDiff] {
        [try ReportTests.demoDiff(), try DiffOrderTests.hostileDiff()]
    }

    /// The document with every grant written through its role's runs is the document with every grant written whole,
    /// and the runs are written at the level the grants are at.
    @Test func grantsThroughTheRoleTableAreWrittenAsWhole() throws {
        for diff in try Self.diffs() {
            #expect(!diff.grants.isEmpty)
            var through = Data(), whole = Data()
            try DiffJSON.write(diff, sources: ReportTests.sources) { through.append($0) }
            try DiffJSON.write(diff, sources: ReportTests.sources, grants: DiffJSON.GrantTable([])) { whole.append($0) }
            #expect(through == whole)
            let indent = String(repeating: " ", count: (DiffJSON.GrantTable.depth + 1) * JSONPrimitives.indentWidth)
            #expect(String(decoding: through, as: UTF8.self).contains("\n" + indent + "\"via\" : \""))
        }
    }

    /// A holder's changes and a cause, written in their keys' order with their grants and effects one by one, are
    /// the objects of their members sorted by key (`JSONWriter.object(_:)`), as they were written before.
    @Test func holdersAndCausesAreTheirMembersSorted() throws {
        for diff in try Self.diffs() {
            let templates = DiffJSON.Templates(try DiffJSON.GrantTable(diff.grants))
            for changes in diff.access {
                let holder = changes.holder
                let grants = { (list: [AccessChange]) in
                    JSONElements(list) { DiffJSON.Grant(change: $0, holder: holder, holderName: DiffJSON.EscapedText(holder.displayName),
                                                        templates: templates) }
                }
                let members = JSONMember.list([
                    "holder": DiffJSON.Holder(kind: holder.kind.rawValue, iamID: holder.iamID, name: holder.name),
                    "gained": grants(changes.gained), "lost": grants(changes.lost),
                ])
                #expect(try JSONWriter.bytes(of: DiffJSON.HolderChanges(changes, templates: templates), depth: 2)
                        == JSONWriter.bytes(of: Members(members: members), depth: 2))
            }
            #expect(!diff.causes.isEmpty)
            for cause in diff.causes {
                let members = JSONMember.list([
                    "entity": cause.change.map(DiffJSON.EntityReference.init),
                    "effects": JSONElements(cause.effects) { Effect(effect: $0, templates: templates) },
                ])
                #expect(try JSONWriter.bytes(of: DiffJSON.Cause(cause, templates: templates), depth: 2)
                        == JSONWriter.bytes(of: Members(members: members), depth: 2))
            }
        }
    }

    /// An object of members, sorted by key when written.
    struct Members: JSONObject {
        let members: [JSONMember]
    }

    /// An effect written through the thread's templates.
    struct Effect: JSONWritable {
        let effect: AccessEffect
        let templates: DiffJSON.Templates

        func write(to json: inout JSONWriter) throws {
            try withUnsafePointer(to: effect) { try templates.write(effectAt: $0, to: &json) }
        }
    }

    /// An effect written through its thread's templates is the object of its members written whole and sorted by
    /// key, at the level its templates were made at and at another.
    @Test func effectsAreWrittenAsWhole() throws {
        for diff in try Self.diffs() {
            let templates = DiffJSON.Templates(try DiffJSON.GrantTable(diff.grants))
            let effects = diff.causes.flatMap(\.effects)
            #expect(effects.contains { $0.holders.count > 1 })
            for depth in [2, 2, 4] {
                for effect in effects {
                    let members = JSONMember.list([
                        "direction": effect.direction.rawValue,
                        "roles": zip(effect.roleIDs, effect.roles).map { AccessJSON.Role(crn: $0, name: $1) },
                        "policy_id": effect.policyID, "target_label": effect.targetLabel,
                        "path": effect.path.map(AccessJSON.GrantFields.step), "condition": effect.condition,
                        "holders": effect.holders.map { DiffJSON.Holder(kind: $0.kind.rawValue, iamID: $0.iamID, name: $0.name) },
                        "privileged": effect.isPrivileged, "text": effect.sentence(listing: 0),
                    ])
                    #expect(try JSONWriter.bytes(of: Effect(effect: effect, templates: templates), depth: depth)
                            == JSONWriter.bytes(of: Members(members: members), depth: depth))
                }
            }
        }
    }

    /// Every role of a diff is numbered by its place in `grants`.
    @Test func rolesAreNumberedByTheirPlace() throws {
        for diff in try Self.diffs() {
            #expect(diff.grants.enumerated().allSatisfy { $0.offset == $0.element.number })
            let roles = diff.access.flatMap { $0.lost + $0.gained }.map(\.grant)
            #expect(roles.allSatisfy { diff.grants.indices.contains($0.number) && diff.grants[$0.number] === $0 })
        }
    }

    /// A grant's `text` in JSON, written in parts, reads back as its sentence.
    @Test func jsonTextIsTheSentence() throws {
        for diff in try Self.diffs() {
            let document = try #require(try JSONSerialization.jsonObject(with: DiffJSON.data(diff, sources: ReportTests.sources))
                                        as? [String: Any])
            let written = try #require(document["access"] as? [[String: Any]]).flatMap { holder in
                (holder["lost"] as? [[String: Any]] ?? []) + (holder["gained"] as? [[String: Any]] ?? [])
            }.map { $0["text"] as? String }
            let expected = diff.access.flatMap { holder in
                (holder.lost + holder.gained).map { $0.sentence(for: holder.holder) }
            }
            #expect(written == expected)
        }
    }

    /// The holders' Markdown rows are the rows of their cells escaped one by one: direction, who, role, on what (with
    /// the condition), via what, policy.
    @Test func markdownRowsAreTheirCellsEscaped() throws {
        for diff in try Self.diffs() {
            var rows: [UInt8] = []
            for holder in diff.access {
                for change in holder.lost + holder.gained {
                    let direction = change.direction == .gained
                        ? (change.isPrivileged ? "+ gained [privileged]" : "+ gained") : "- lost"
                    let on = change.targetLabel + (change.condition.map { ", only when \($0)" } ?? "")
                    rows += Array("| ".utf8)
                    Markdown.appendCells([direction, holder.holder.displayName, change.role, on, change.way.words,
                                          String(change.policyID.prefix(8))], to: &rows)
                    rows += Array(" |\n".utf8)
                }
            }
            #expect(!rows.isEmpty)
            let markdown = DiffMarkdown.render(diff, sources: ReportTests.sources)
            #expect(markdown.contains(String(decoding: rows, as: UTF8.self)))
        }
    }
}
