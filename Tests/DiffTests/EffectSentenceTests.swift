@testable import Analysis
import Foundation
@testable import Reports
import Snapshot
import Testing

/// An effect's sentence written from its parts (`AccessEffect.sentenceLayout`) — by the JSON and text writers, each
/// part escaped or cleaned alone, and by Markdown as bytes — must be the sentence made whole
/// (`sentence(name:listing:)`), for every shape of sentence: one holder, everyone, many through one access group, many
/// through other ways, with and without a condition, with hostile names.
@Suite struct EffectSentenceTests {
    /// A name of quotes, HTML, an ESC sequence, a carriage return, a line break, a tab, a combining mark and non-ASCII.
    static let hostile = "Dev\"s \\ <b>team</b>\u{1B}[31m\r\n\tre\u{301}d → 🚀"

    static func holder(_ kind: AccessHolder.Kind, _ name: String) -> AccessHolder {
        AccessHolder(kind: kind, iamID: "iam-\(name.utf8.count)-\(kind.rawValue)", name: name)
    }

    /// Holders of every kind, hostile names among them.
    static let holders = [
        holder(.user, "Alice Lee"), holder(.serviceID, hostile), holder(.trustedProfile, "ops"),
        holder(.computeResource, "crn:v1:bluemix:public:is:us-south:a/1::instance:0717"), holder(.user, hostile + "@example.com"),
    ]

    /// Ways of every shape: directly, one access group (hostile, dynamic, lapsed), a trusted profile, two steps,
    /// public access.
    static let ways: [[AccessStep]] = [
        [], [.accessGroup(id: "g1", name: "Release Viewers", dynamicRule: nil)],
        [.accessGroup(id: "g2", name: hostile, dynamicRule: hostile, lapsedSince: "2024-01-01T00:00:00Z")],
        [.trustedProfile(id: "p1", iamID: "iam-p1", name: hostile)],
        [.accessGroup(id: "g1", name: "Ops", dynamicRule: nil), .trustedProfile(id: "p1", iamID: "iam-p1", name: "deploy")],
        [.publicAccess],
    ]

    /// Effects of every shape: each way with one holder, everyone, two, three and five holders; one role and three;
    /// with and without a condition (one ending in a carriage return); a hostile policy id, target and role.
    static func effects() -> [AccessEffect] {
        let holderSets = [[holders[0]], [holders[1]], [AccessHolder.everyone], Array(holders.prefix(2)),
                          Array(holders.prefix(3)), holders, [AccessHolder.everyone] + holders]
        let roleSets = [["Viewer"], ["Administrator", hostile, "Manager"]]
        var effects: [AccessEffect] = []
        for (number, steps) in ways.enumerated() {
            let way = HeldPath(HeldPath.Words(steps), idsNumber: number)
            for holders in holderSets {
                for roles in roleSets {
                    for condition in [nil, "time is after 09:00", hostile, hostile + "\r"] {
                        for direction in [AccessChange.Direction.gained, .lost] {
                            effects.append(AccessEffect(
                                direction: direction, roles: roles, roleIDs: roles.map { "crn:v1:role:" + $0 },
                                policyID: number.isMultiple(of: 2) ? "1c2f3a4b-5d6e-7f80" : hostile + "-policy",
                                targetLabel: number.isMultiple(of: 3) ? "kms across the account" : hostile, way: way,
                                condition: condition, holders: holders, isPrivileged: roles.count > 1))
                        }
                    }
                }
            }
        }
        return effects
    }

    /// The text of `effect`'s parts joined, each holder named by `name`.
    static func joined(_ effect: AccessEffect, name: (AccessHolder) -> String, listing limit: Int) -> String {
        var text = ""
        effect.sentenceLayout(listing: limit) { part in
            switch part {
            case .words(let words): text += words.description
            case .count(let count): text += String(count)
            case .holderName(let index): text += name(effect.holders[index])
            case .direction: text += effect.direction.rawValue
            case .role(let index): text += effect.roles[index]
            case .targetLabel: text += effect.targetLabel
            case .wayWords: text += effect.way.words
            case .via: text += effect.way.via
            case .policyPrefix: text += effect.policyID.prefix(8)
            case .condition: text += effect.condition ?? ""
            }
        }
        return text
    }

    /// The parts joined are the sentence, listing none, some or all of the holders, with the default names and others.
    @Test func sentenceIsItsLayoutsParts() {
        let names: [(AccessHolder) -> String] = [\.displayName, { "<" + $0.iamID + ">" }]
        for effect in Self.effects() {
            for limit in [0, 1, 3, 4, 5, 10] {
                for name in names {
                    #expect(Self.joined(effect, name: name, listing: limit) == effect.sentence(name: name, listing: limit))
                }
            }
        }
    }

    /// The sentence appended as bytes, its parts as they are, is the sentence.
    @Test func sentenceBytesAreTheSentence() {
        for effect in Self.effects() {
            for limit in [0, 3, 10] {
                var bytes: [UInt8] = []
                effect.appendSentence(listing: limit, to: &bytes) { $1 += $0.utf8 }
                #expect(String(decoding: bytes, as: UTF8.self) == effect.sentence(listing: limit))
            }
        }
    }

    /// The layout's own words are printable ASCII with nothing to escape for JSON or Markdown, so writers append them
    /// as they are.
    @Test func ownWordsNeedNoEscaping() {
        for effect in Self.effects() {
            effect.sentenceLayout { part in
                guard case .words(let words) = part else { return }
                let text = words.description
                #expect(text.isPrintableASCII && !text.contains { "\"\\<>&|*_`[]#".contains($0) })
            }
        }
    }

    /// Each effect's `text` in the JSON document is its sentence listing no holder.
    @Test func jsonTextIsTheSentence() throws {
        let templates = DiffJSON.Templates(try DiffJSON.GrantTable([]))
        let effects = Self.effects()
        let bytes = try JSONWriter.bytes(of: DiffJSON.Effects(effects: effects, templates: templates), depth: 0)
        let written = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]])
        #expect(written.map { $0["text"] as? String } == effects.map { $0.sentence(listing: 0) })
    }

    /// Each effect's sentence in the text is the sentence cleaned whole.
    @Test func textSentenceIsTheSentenceCleaned() {
        for effect in Self.effects() {
            var bytes: [UInt8] = []
            DiffText.appendSentence(of: effect, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == TerminalText.clean(effect.sentence()))
        }
    }

    /// A cause's cell of effects in Markdown is its lines — sign, mark and sentence — joined and escaped whole.
    @Test func markdownCellIsTheLinesEscaped() {
        let effects = Self.effects()
        for range in [0..<0, 0..<1, 0..<7, 40..<90, effects.indices] {
            var bytes: [UInt8] = []
            effects.withUnsafeBufferPointer { effects in
                DiffMarkdown.appendLines(count: range.count, to: &bytes) { index, line in
                    DiffMarkdown.appendLine(of: effects[range.lowerBound + index], to: &line)
                }
            }
            let lines = effects[range].map {
                ($0.direction == .gained ? ($0.isPrivileged ? "+ [privileged] " : "+ ") : "- ") + $0.sentence()
            }
            #expect(String(decoding: bytes, as: UTF8.self) == Markdown.escape(lines.joined(separator: "\n")))
        }
    }
}
