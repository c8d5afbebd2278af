@testable import Analysis
import Foundation
@testable import Reports
import Testing

/// A change's sentence written from its parts made once — the holder's name, the role's words, the way's — must be
/// the sentence made whole, escaped for JSON or cleaned for a terminal as a whole: the parts must come in the
/// sentence's order, each escaped or cleaned as the whole would be.
@Suite struct SentenceWordsTests {
    /// Every grant's `text` and `via` in the JSON document read back as the change's `sentence(for:)` and `via`,
    /// holder by holder, with a group name of quotes, HTML, an ESC sequence and a carriage return.
    @Test func jsonTextAndViaAreTheSentence() throws {
        for diff in try DiffWritingTests.diffs() {
            let document = try #require(try JSONSerialization.jsonObject(
                with: DiffJSON.data(diff, sources: ReportTests.sources)) as? [String: Any])
            let access = try #require(document["access"] as? [[String: Any]])
            #expect(access.count == diff.access.count)
            for (written, changes) in zip(access, diff.access) {
                for (key, list) in [("gained", changes.gained), ("lost", changes.lost)] {
                    let grants = try #require(written[key] as? [[String: Any]])
                    #expect(grants.map { $0["text"] as? String } == list.map { $0.sentence(for: changes.holder) })
                    #expect(grants.map { $0["via"] as? String } == list.map(\.via))
                }
            }
            #expect(diff.access.contains { !$0.gained.isEmpty } && diff.access.contains { !$0.lost.isEmpty })
        }
    }

    /// The text's lines of effective access by holder are each change's sign, mark and sentence cleaned whole.
    @Test func textLinesAreTheSentencesCleaned() throws {
        for diff in try DiffWritingTests.diffs() {
            let lines = DiffText.render(diff, sources: ReportTests.sources).split(separator: "\n", omittingEmptySubsequences: false)
            let start = try #require(lines.firstIndex { $0.hasPrefix("@@ effective access by holder") })
            let section = lines[(start + 1)...].prefix { !$0.hasPrefix("@@") }
            let expected = diff.access.flatMap { changes in
                changes.lost.map { TerminalText.clean("- " + $0.sentence(for: changes.holder)) }
                    + changes.gained.map {
                        TerminalText.clean("+ " + ($0.isPrivileged ? DiffText.privilegedMark : "") + $0.sentence(for: changes.holder))
                    }
            }
            #expect(section.map(String.init) == expected)
            #expect(!expected.isEmpty)
        }
    }

    /// A change's sentence is its parts joined, in `sentenceLayout`'s order.
    @Test func sentenceIsItsLayoutsParts() throws {
        for diff in try DiffWritingTests.diffs() {
            for changes in diff.access {
                for change in changes.lost + changes.gained {
                    var parts = ""
                    change.sentenceParts(for: changes.holder, named: changes.holder.displayName) { parts += $0 }
                    #expect(parts == change.sentence(for: changes.holder))
                    #expect(parts.hasPrefix(changes.holder.displayName + " " + change.direction.rawValue + " "))
                    #expect(parts.hasSuffix(change.grant.policyNote))
                }
            }
        }
    }
}
