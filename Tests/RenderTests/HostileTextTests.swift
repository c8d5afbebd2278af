import Foundation
import Graph
import GraphValues
import Render
import Testing

/// Labels, ids, attributes and titles come from API data: none of it may break the DOT, the SVG or the viewer.
@Suite("Hostile text")
struct HostileTextTests {
    @Test("DOT with hostile text parses back with every node and edge")
    func dotParsesBack() throws {
        let dot = try GraphvizRenderer.render(Fixtures.hostile, format: .dot)
        let counts = try #require(GraphvizRenderer.parsesBack(dot: dot))
        #expect(counts.nodes == Fixtures.hostile.nodes.count)
        #expect(counts.edges == Fixtures.hostile.edges.count)
        let text = String(decoding: dot, as: UTF8.self)
        #expect(!text.contains("\u{202E}"))
        #expect(!text.contains("javascript:"))
        #expect(dot.count < 40_000, "long strings are truncated, got \(dot.count) bytes")
    }

    @Test("SVG with hostile text is well-formed, with no script, event handler or javascript: link")
    func svgIsInert() throws {
        let svg = try GraphvizRenderer.render(Fixtures.hostile, format: .svg)
        let raw = String(decoding: svg, as: UTF8.self)
        let document = try SVGDocument(svg)

        #expect(raw.range(of: "<script", options: .caseInsensitive) == nil)
        #expect(raw.range(of: "javascript:", options: .caseInsensitive) == nil)
        #expect(raw.range(of: "<svg onload", options: .caseInsensitive) == nil)
        #expect(!raw.contains("\u{202E}") && !raw.contains("\u{2066}") && !raw.contains("\u{200F}"))
        #expect(!document.elements.contains { $0.name.lowercased().hasSuffix("script") })
        #expect(!document.elements.contains { $0.name.lowercased() == "foreignobject" })
        // Event handlers would be attributes: look for them in the markup itself, not in text or quoted values.
        #expect(document.skeleton.range(of: #"\son[a-z]+\s*="#, options: [.regularExpression, .caseInsensitive])
            == nil)
        #expect(document.skeleton.range(of: "<svg ") != nil, "the skeleton check sees the markup")
        for href in document.values(of: "xlink:href") + document.values(of: "href") {
            #expect(href.hasPrefix("https://"), "\(href)")
        }
        #expect(svg.count < 60_000, "long strings are truncated, got \(svg.count) bytes")
    }

    /// The title and notes travel in the heading's HTML-like label: markup in them must stay text.
    @Test("A hostile title is text in the heading, not markup")
    func titleInHeading() throws {
        let graph = AccessGraph(title: "</TD></TR></TABLE><IMG SRC=\"/etc/passwd\"/> & 'x' \u{FFFE}",
                                notes: ["<B>bold</B> \\N"], nodes: Fixtures.hostile.nodes, edges: [])
        let svg = try GraphvizRenderer.render(graph, format: .svg)
        let document = try SVGDocument(svg)
        #expect(document.texts.contains { $0.contains("</TD></TR></TABLE><IMG SRC=\"/etc/passwd\"/> & 'x'") })
        #expect(document.texts.contains("<B>bold</B> \\N"))
        #expect(!document.elements.contains { $0.name.lowercased() == "image" })
        let dot = try GraphvizRenderer.render(graph, format: .dot)
        #expect(GraphvizRenderer.parsesBack(dot: dot)?.nodes == graph.nodes.count)
    }

    @Test("Hostile labels are shown as text, escapes not interpreted")
    func labelsShownLiterally() throws {
        let document = try SVGDocument(try GraphvizRenderer.render(Fixtures.hostile, format: .svg))
        // Graphviz writes runs of spaces as " &#160;" so that they survive in SVG.
        let texts = document.texts.map { $0.replacingOccurrences(of: "\u{A0}", with: " ") }
        #expect(texts.contains("\"quoted\" back\\slash \\N \\G \\E \\n \\l {braces} <b>bold</b> & &lt; &#60;script&#62;"))
        #expect(texts.contains("<svg onload=alert(1)>"))
        #expect(texts.contains("<script>alert(1)</script>"))
        #expect(texts.contains("multi line  label tab nul"))
        #expect(texts.contains("quorg nimda isolate rtl"))
        #expect(texts.contains("ends with a backslash \\"))
        #expect(texts.contains(String(repeating: "A", count: 32) + "…" + String(repeating: "A", count: 47)))
        #expect(texts.contains("note \\G"))
    }

    @Test("Only https links become links")
    func links() throws {
        let hrefs = try SVGDocument(try GraphvizRenderer.render(Fixtures.hostile, format: .svg))
            .values(of: "xlink:href")
        #expect(hrefs.isEmpty, "\(hrefs)")
    }

    @Test("PNG and PDF render hostile text")
    func bitmaps() throws {
        #expect(try GraphvizRenderer.render(Fixtures.hostile, format: .png).starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(try GraphvizRenderer.render(Fixtures.hostile, format: .pdf).starts(with: Data("%PDF-".utf8)))
    }
}
