import Analysis
import Foundation
import Model
@testable import Reports
import Snapshot
import Testing

/// What the diff's order and its streamed reports must keep: changes that read alike in a deterministic order, an
/// entity removed and added back under the same id, hostile names written whole in every format.
@Suite struct DiffOrderTests {
    static let sources = DiffSources(old: "old", new: "new")
    static let profileCopies = 6
    static let marcus = "IBMid-270007BN2P"

    /// The IAM ids of the copies of trusted profile federated-developers that `addLookalikeProfiles` makes.
    static var lookalikeIAMIDs: [String] {
        (0..<profileCopies).map { "iam-Profile-00000000-0000-4000-8000-00000000000\($0)" }
    }

    /// Copies of trusted profile federated-developers, each a member of Developers and each assumable by Marcus Chen,
    /// added in an order the ids do not sort in: every path of Marcus's to Developers through them reads the same.
    static func addLookalikeProfiles(_ directory: URL) throws {
        let ids = lookalikeIAMIDs.map { String($0.dropFirst("iam-".count)) }
        let order = Array(ids.indices.reversed())
        try DemoPair.editJSON(directory, CollectionKind.trustedProfiles.fileName) { (profiles: inout [[String: Any]]) in
            let original = profiles.first { $0["name"] as? String == "federated-developers" }!
            for index in order {
                var copy = original
                copy["id"] = ids[index]
                copy["iam_id"] = "iam-" + ids[index]
                copy["crn"] = (original["crn"] as! String).replacingOccurrences(of: original["id"] as! String, with: ids[index])
                profiles.append(copy)
            }
        }
        try DemoPair.editJSON(directory, CollectionKind.trustedProfileIdentities.fileName) { (identities: inout [String: Any]) in
            for index in order {
                identities[ids[index]] = [["iam_id": marcus, "identifier": marcus, "type": "user",
                                           "accounts": ["b8d158e0846b1b49b73e8295c18bbdb9"]]]
            }
        }
        try DemoPair.editJSON(directory, CollectionKind.accessGroupMembers.fileName) { (groups: inout [String: Any]) in
            var members = groups[DemoPair.developers] as! [[String: Any]]
            for index in order {
                members.append(["iam_id": "iam-" + ids[index], "membership_type": "static", "name": "federated-developers",
                                "type": "profile"])
            }
            groups[DemoPair.developers] = members
        }
        try Resealer().reseal(directory)
    }

    /// Marcus gains Manager through each look-alike profile: the same role, policy, target and words. They come in the
    /// order of the profiles' ids, whatever order the paths were compared in (hash order before).
    @Test func changesThatReadAlikeAreOrderedByTheirPathsIDs() throws {
        let pair = try DemoPair(edited: false)
        defer { pair.remove() }
        try Self.addLookalikeProfiles(pair.old)
        try Self.addLookalikeProfiles(pair.new)
        try DemoPair.edit(pair.new)
        let diff = try SnapshotDiff(old: DemoPair.load(pair.old), new: DemoPair.load(pair.new))

        let marcus = try #require(diff.access.first { $0.holder.iamID == Self.marcus })
        let throughProfiles = marcus.gained.filter { $0.path.count == 2 }
        #expect(throughProfiles.count == Self.profileCopies)
        #expect(Set(throughProfiles.map(\.via)).count == 1)
        let profiles = throughProfiles.compactMap { change -> String? in
            guard case .trustedProfile(_, let iamID, _) = change.path[0] else { return nil }
            return iamID
        }
        #expect(profiles == Self.lookalikeIAMIDs)
    }

    /// The JSON writes a way's `path` once and reuses its bytes for every grant through it: Marcus's grants through
    /// the look-alike profiles read alike (the same role, policy, words) yet each names its own profile.
    @Test func eachGrantIsWrittenWithItsOwnWay() throws {
        let pair = try DemoPair(edited: false)
        defer { pair.remove() }
        try Self.addLookalikeProfiles(pair.old)
        try Self.addLookalikeProfiles(pair.new)
        try DemoPair.edit(pair.new)
        let diff = try SnapshotDiff(old: DemoPair.load(pair.old), new: DemoPair.load(pair.new))
        let document = try #require(try JSONSerialization.jsonObject(with: DiffJSON.data(diff, sources: Self.sources))
                                    as? [String: Any])
        let access = try #require(document["access"] as? [[String: Any]])
        let marcus = try #require(access.first { ($0["holder"] as? [String: Any])?["iam_id"] as? String == Self.marcus })
        let gained = try #require(marcus["gained"] as? [[String: Any]])
        let paths = gained.compactMap { $0["path"] as? [[String: Any]] }
        #expect(paths.count == gained.count)
        let throughProfiles = paths.filter { $0.count == 2 }.compactMap { $0.first?["iam_id"] as? String }
        #expect(throughProfiles == Self.lookalikeIAMIDs)
        // Every grant's path is the path of its change, in order.
        let expected = try #require(diff.access.first { $0.holder.iamID == Self.marcus }).gained.map { $0.path.ids }
        let written = paths.map { steps in
            steps.map { step -> String in
                switch step["kind"] as? String {
                case "access_group": "access_group:" + (step["id"] as? String ?? "")
                case "trusted_profile": "trusted_profile:" + (step["iam_id"] as? String ?? "")
                default: "public_access"
                }
            }
        }
        #expect(written == expected)
    }

    /// An instance deleted and created again with the same id (last in the list now) and another name is one changed
    /// entity, in every format; the other instance moved to the end unchanged is no change at all.
    @Test func anEntityRemovedAndAddedBackIsChanged() throws {
        let pair = try DemoPair(edited: false)
        defer { pair.remove() }
        try DemoPair.editJSON(pair.new, CollectionKind.resourceInstances.fileName) { (instances: inout [[String: Any]]) in
            let index = instances.firstIndex { $0["guid"] as? String == DemoPair.deletedInstance }!
            var instance = instances.remove(at: index)
            instance["name"] = "events-sandbox-2"
            instances.append(instance)
            instances.append(instances.remove(at: 0))
        }
        try Resealer().reseal(pair.new)
        let diff = try SnapshotDiff(old: DemoPair.load(pair.old), new: DemoPair.load(pair.new))

        #expect(diff.entities.map { "\($0.action.rawValue) \($0.id)" } == ["changed \(DemoPair.deletedInstance)"])
        #expect(diff.entities.first?.fields == [.value(field: "name", old: "events-sandbox", new: "events-sandbox-2")])
        #expect(DiffText.render(diff, sources: Self.sources).contains("-     name: events-sandbox\n+     name: events-sandbox-2\n"))
        #expect(DiffMarkdown.render(diff, sources: Self.sources).contains("| name: events-sandbox → events-sandbox-2 |"))
    }

    /// A group name with quotes, a pipe, HTML, an ESC sequence and a carriage return at its end.
    static let hostile = "Dev\"s | <b>team</b>\u{1B}[31m\r"

    /// The demo pair's diff with access group Developers named `hostile` in both snapshots.
    static func hostileDiff() throws -> SnapshotDiff {
        let pair = try DemoPair(edited: false)
        defer { pair.remove() }
        for directory in [pair.old, pair.new] {
            try DemoPair.editJSON(directory, CollectionKind.accessGroups.fileName) { (groups: inout [[String: Any]]) in
                let index = groups.firstIndex { $0["id"] as? String == DemoPair.developers }!
                groups[index]["name"] = hostile
            }
            try Resealer().reseal(directory)
        }
        try DemoPair.edit(pair.new)
        return try SnapshotDiff(old: DemoPair.load(pair.old), new: DemoPair.load(pair.new))
    }

    /// Names with quotes, pipes, line breaks (a carriage return at the end of one), ESC sequences and HTML reach
    /// every streamed format whole: JSON reads back the exact name, Markdown escapes each line of a many-line cell as
    /// it escapes the cell joined, text cleans it.
    @Test func hostileNamesAreWrittenWholeInEveryFormat() throws {
        let hostile = Self.hostile
        let diff = try Self.hostileDiff()

        let document = try #require(try JSONSerialization.jsonObject(with: DiffJSON.data(diff, sources: Self.sources))
                                    as? [String: Any])
        let access = try #require(document["access"] as? [[String: Any]])
        let steps = access.flatMap { ($0["gained"] as? [[String: Any]] ?? []) + ($0["lost"] as? [[String: Any]] ?? []) }
            .flatMap { $0["path"] as? [[String: Any]] ?? [] }
        #expect(!steps.isEmpty && steps.allSatisfy { $0["name"] as? String == hostile })

        // Sofia's membership closed several paths through the group: one cell of many lines, each ending in the name.
        let sofia = try #require(diff.causes.first { $0.change?.kind == .membership })
        #expect(sofia.effects.count > 1)
        let markdown = DiffMarkdown.render(diff, sources: Self.sources)
        let effects = sofia.effects.map { "- " + $0.sentence() }.joined(separator: "\n")
        #expect(markdown.contains(" | " + Markdown.escape(effects) + " |\n"))
        #expect(!markdown.contains("\u{1B}") && !markdown.contains("<b>"))

        let text = DiffText.render(diff, sources: Self.sources)
        #expect(!text.contains("\u{1B}") && !text.contains("\r"))
        #expect(text.contains("access group Dev\"s | <b>team</b>"))
    }

    /// A cell of many lines is escaped line by line, byte for byte as the lines joined: line breaks, a carriage return
    /// ending a line (which joins the next break into one), code spans for linkable words, non-ASCII, control
    /// characters.
    @Test(arguments: [
        ["plain", "lines"],
        ["ends in a carriage return\r", "next", "and\r", "last\r"],
        ["mail bob@example.com", "| pipes | and `ticks`", "→ arrows — dashes", "\u{1B}[31mred\u{1B}[0m", ""],
        ["one"], [], ["", ""], ["\r\n", "\n\r", "www.example.com\r"],
    ])
    func manyLinesAreEscapedAsOneCell(lines: [String]) {
        var bytes: [UInt8] = []
        DiffMarkdown.appendLines(count: lines.count, to: &bytes) { index, line in line += lines[index].utf8 }
        #expect(String(decoding: bytes, as: UTF8.self) == Markdown.escape(lines.joined(separator: "\n")))
    }
}
