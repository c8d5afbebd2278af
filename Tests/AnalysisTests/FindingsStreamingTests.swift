import Analysis
import Foundation
@testable import Reports
import Testing

/// The findings report's text and full Markdown reach the sink a block at a time, as JSON and SARIF do: a report of
/// tens of thousands of findings is never held whole, neither as one string nor as the data written.
@Suite struct FindingsStreamingTests {
    /// 4,000 users in no group (each a finding) and 4,000 members of one group, some with hostile names.
    static let report = Result { FindingsReport(AccessIndex(try JSONStreamingTests.crowd())) }

    /// Blocks of about a megabyte (the last may be smaller), as many as the document needs, that together are the
    /// whole document.
    static func expectBlocks(_ blocks: JSONStreamingTests.Blocks, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let size = blocks.all.map(\.count).reduce(0, +)
        #expect(size > 1 << 20, "the document is big enough to need several blocks", sourceLocation: sourceLocation)
        #expect(blocks.all.count >= size >> 20, sourceLocation: sourceLocation)
        #expect(blocks.all.allSatisfy { $0.count < 3 << 19 }, sourceLocation: sourceLocation)
        return String(decoding: blocks.document, as: UTF8.self)
    }

    @Test func textIsWrittenABlockAtATime() throws {
        let report = try Self.report.get()
        let blocks = JSONStreamingTests.Blocks()
        try FindingsOutput.write(report, format: .text, policyUsage: true, to: blocks.sink)
        let text = Self.expectBlocks(blocks)
        #expect(text.components(separatedBy: "\n    why: ").count - 1 == report.findings.count)
        #expect(text.contains("user-in-no-group: User in no access group (4000 findings; CIS 1.12)"))
        #expect(text.hasSuffix("\n"))
        #expect(!text.contains("\u{1B}"), "control characters are cleaned")
    }

    @Test func fullMarkdownIsWrittenABlockAtATimeAndTheFittedOneFitsAComment() throws {
        let report = try Self.report.get()
        let full = JSONStreamingTests.Blocks()
        try FindingsOutput.write(report, format: .markdown, full: true, to: full.sink)
        let markdown = Self.expectBlocks(full)
        #expect(markdown.components(separatedBy: "\n| user ").count - 1 >= 4000)
        let fitted = try FindingsOutput.data(report, format: .markdown)
        #expect(fitted.count <= 65_536)
        #expect(String(decoding: fitted, as: UTF8.self).contains("`iamgraph report --format markdown --full -o report.md`"))
    }
}
