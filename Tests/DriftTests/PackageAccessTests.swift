import Foundation
import Testing
import TestSupport

/// iamgraph is one package of executables, so what a target offers the others is `package`, never `public`
/// (CONTRIBUTING.md). `scripts/package-access --check` lists every `public` declaration; `scripts/package-access`
/// rewrites them.
@Suite struct PackageAccessTests {
    static let script = Samples.scripts.appendingPathComponent("package-access")

    @Test func noSwiftFileOfThePackageDeclaresPublic() async throws {
        let result = try await ProcessRunner.run(Self.script, ["--check"])
        #expect(result.status == 0, """
            `public` declarations below: declare them `package` (scripts/package-access rewrites them)
            \(result.stdout)\(result.stderr)
            """)
    }

    /// The check names the file and line of a `public` declaration, and leaves `public` in prose alone.
    @Test func theCheckFindsAPublicDeclaration() async throws {
        let directory = try TemporaryDirectory.make("package-access")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("Hostile.swift")
        // Spelled through `modifier`, so that neither the check nor the rewrite of this file sees a declaration here.
        let modifier = "public"
        try Data("""
            /// A public let in a comment is prose.
            let prose = "public access"
            @MainActor \(modifier) private(set) var count = 1
            package struct Fine {}

            """.utf8).write(to: file)

        let result = try await ProcessRunner.run(Self.script, ["--check", directory.path])

        #expect(result.status == 1)
        #expect(result.stdout == "\(file.path):3: @MainActor \(modifier) private(set) var count = 1\n")
    }
}
