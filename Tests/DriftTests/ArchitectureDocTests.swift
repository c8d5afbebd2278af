import Foundation
import Testing
import TestSupport

/// docs/architecture.md is where a new contributor learns the targets: its table names exactly the targets Package.swift
/// declares.
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

    /// The names in the first column of docs/architecture.md's table of targets (each in backticks).
    static func documentedTargets() throws -> [String] {
        let doc = try String(contentsOf: Samples.repository.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        let rows = doc.split(separator: "\n").drop { !$0.hasPrefix("| target |") }.dropFirst(2).prefix { $0.hasPrefix("|") }
        return rows.flatMap { row in
            row.split(separator: "|", omittingEmptySubsequences: false)[1]
                .split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
    }

    @Test func theTableNamesExactlyThePackagesTargets() throws {
        let targets = try Self.targets()
        let documented = try Self.documentedTargets()
        #expect(targets.count > 10)
        for target in targets where !documented.contains(target) {
            Issue.record("docs/architecture.md's table of targets does not name the target \(target)")
        }
        for name in documented where !targets.contains(name) {
            Issue.record("docs/architecture.md's table of targets names \(name), which Package.swift does not declare")
        }
        #expect(Set(documented).count == documented.count, "docs/architecture.md's table names a target twice")
    }
}
