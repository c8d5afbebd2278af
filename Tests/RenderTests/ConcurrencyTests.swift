import Foundation
import Graph
import Render
import Testing

@Suite("Concurrent renders")
struct ConcurrencyTests {
    @Test("8 parallel renders of SVG and PNG all succeed, identically")
    func parallelRenders() async throws {
        let graph = Fixtures.small
        let outputs = try await withThrowingTaskGroup(of: (RenderFormat, Data).self) { group in
            for index in 0..<8 {
                let format: RenderFormat = index.isMultiple(of: 2) ? .svg : .png
                let layout: LayoutEngine = index % 4 < 2 ? .dot : .sfdp
                group.addTask { (format, try GraphvizRenderer.render(graph, format: format, layout: layout)) }
            }
            var outputs: [(RenderFormat, Data)] = []
            for try await output in group {
                outputs.append(output)
            }
            return outputs
        }
        #expect(outputs.count == 8)
        for (format, data) in outputs {
            switch format {
            case .svg: _ = try SVGDocument(data)
            default: #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            }
        }
    }

    @Test("Parallel DOT writes and parses interleave safely")
    func parallelParses() async throws {
        let counts = await withTaskGroup(of: Int?.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    guard let dot = try? GraphvizRenderer.render(Fixtures.hostile, format: .dot) else { return nil }
                    return GraphvizRenderer.parsesBack(dot: dot)?.nodes
                }
            }
            var counts: [Int?] = []
            for await count in group {
                counts.append(count)
            }
            return counts
        }
        #expect(counts == Array(repeating: Fixtures.hostile.nodes.count, count: 8))
    }
}
