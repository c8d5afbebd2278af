@testable import Reports
import Testing

/// Words GitHub would turn into mentions or links are code spans, whatever backticks and pipes they hold.
@Suite struct MarkdownCodeSpanTests {
    @Test func backticksInAWordGetALongerFence() {
        #expect(Markdown.escape("a`b@c") == "``a`b@c``")
        #expect(Markdown.escape("x``@y") == "```x``@y```")
        // A backtick at an end is kept apart from the fence by a space the code span drops.
        #expect(Markdown.escape("`@evil") == "`` `@evil ``")
        #expect(Markdown.escape("@evil`") == "`` @evil` ``")
    }

    @Test func pipesStayOutsideCodeSpansEscaped() {
        // A table cell ends at an unescaped pipe even inside a code span; running text would show a backslash in one.
        #expect(Markdown.escape("a|@b") == "`a`\\|`@b`")
        #expect(Markdown.escape("|@b|") == "\\|`@b`\\|")
        let table = Markdown.table(["Who"], [["ops|@team x"]])
        #expect(table == "| Who |\n|---|\n| `ops`\\|`@team` x |\n")
    }

    @Test func otherWordsAreEscapedAsBefore() {
        #expect(Markdown.escape("Ops *team* <ann@example.com> #1") == "Ops \\*team\\* `<ann@example.com>` \\#1")
        #expect(Markdown.escape("line\n@next") == "line<br>`@next`")
        #expect(Markdown.escape("@\u{1B}[31m") == "`@?[31m`")
    }
}
