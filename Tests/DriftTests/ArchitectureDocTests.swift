import Foundation
import Testing
import TestSupport

/// docs/architecture.md is where a new contributor learns the targets: it must name every one Package.swift declares.
@Suite struct ArchitectureDocTests {
    /// The names of the targets Package.swift declares, tests and plugins included.
    static func targets() throws -> [String] {
        let manifest = try String(contentsOf: Samples.repository.appendingPathComponent("Package.swift"), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"\.(?:target|executableTarget|systemLibrary|testTarget|plugin)\(\s*name:\s*"([^"]+)""#)
        let range = NSRange(manifest.startIndex..., in: manifest)
        return pattern.matches(in: manifest, range: range).compactMap { match in
            Range(match.range(at: 1), in: manifest).map { String(manifest[$0]) }
        }
    }

    @Test func everyTargetIsNamed() throws {
        let targets = try Self.targets()
        #expect(targets.count > 10)
        let doc = try String(contentsOf: Samples.repository.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        for target in targets {
            #expect(doc.contains("`\(target)`"), "docs/architecture.md does not name the target \(target)")
        }
    }
}
