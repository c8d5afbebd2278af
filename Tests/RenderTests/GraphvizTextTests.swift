@testable import Render
import Testing

@Suite("GraphvizText")
struct GraphvizTextTests {
    @Test("Backslashes are doubled, so Graphviz escapes stay literal")
    func backslashes() {
        #expect(GraphvizText.label(#"\N \G \E \n \l \r \"#) == #"\\N \\G \\E \\n \\l \\r \\"#)
    }

    @Test("Ampersands are written as entities, so entity-like text stays literal")
    func ampersands() {
        #expect(GraphvizText.label("a & b &lt; &#60;") == "a &amp; b &amp;lt; &amp;#60;")
    }

    @Test("Control characters become spaces; bidirectional controls disappear")
    func controls() {
        #expect(GraphvizText.label("a\nb\r\nc\td\u{0}e\u{7F}f\u{85}g\u{2028}h") == "a b  c d e f g h")
        #expect(GraphvizText.label("\u{202E}abc\u{202C}\u{200E}\u{200F}\u{2066}\u{2069}\u{061C}") == "abc")
    }

    @Test("Labels are shortened in the middle and tooltips at the end, with an ellipsis")
    func truncation() {
        let long = String(repeating: "x", count: 100_000)
        #expect(GraphvizText.label(long) == String(repeating: "x", count: 32) + "…" + String(repeating: "x", count: 47))
        #expect(GraphvizText.label(String(repeating: "é", count: 80)) == String(repeating: "é", count: 80))
        #expect(GraphvizText.tooltip(lines: [long]).count == 2_000)
        let zalgo = "a" + String(repeating: "\u{0301}", count: 10_000)
        #expect(GraphvizText.label(zalgo).unicodeScalars.count < 1_000)
    }

    /// Issue 13: "… of databases-for-post…" lost the service name; the middle goes instead.
    @Test("A long label keeps its start and its end")
    func middleShortening() {
        let label = "resource type key / resource 033b57b7-dc6a-4b43-be2f-53c453f1eb5c in instance kp-compliance-4 of kms"
        let short = GraphvizText.label(label)
        #expect(short.count == GraphvizText.labelLimit)
        #expect(short.hasPrefix("resource type key / resource"))
        #expect(short.hasSuffix("in instance kp-compliance-4 of kms"))
        #expect(short.contains("…"))
        let zalgo = String(repeating: "b", count: 100) + "a" + String(repeating: "\u{0301}", count: 10_000)
        #expect(GraphvizText.label(zalgo).unicodeScalars.count < 1_000)
    }

    @Test("Tooltip lines are joined by Graphviz line breaks after escaping")
    func tooltipLines() {
        #expect(GraphvizText.tooltip(lines: ["id\\x", "a: b\nc"]) == #"id\\x\na: b c"#)
    }

    @Test("Names keep ids apart and never end in an odd run of backslashes")
    func names() {
        #expect(GraphvizText.name(#"user:a\"#) == #"user:a\\"#)
        #expect(GraphvizText.name("user:a\nb\u{202E}") == "user:a b")
        var names = UniqueNames()
        #expect(names.claim("a") == "a")
        #expect(names.claim("a") == "a #2")
        #expect(names.claim("a") == "a #3")
    }

    @Test("Only plain https URLs are kept", arguments: [
        ("https://cloud.ibm.com/iam/users/IBMid-1?x=1&y=2#top", true),
        ("javascript:alert(1)", false),
        ("JAVASCRIPT:alert(1)", false),
        ("http://cloud.ibm.com", false),
        ("data:text/html,<script>", false),
        ("https://", false),
        ("https://x\" onmouseover=\"alert(1)", false),
        ("https://x/\\N", false),
        ("https://x/\u{202E}", false),
        ("https://x/<script>", false),
        (" https://x", false),
    ])
    func urls(url: String, kept: Bool) {
        #expect((GraphvizText.url(url) != nil) == kept)
    }
}
