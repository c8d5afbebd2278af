import Foundation
import Testing

/// Where `render`, `access` and `diff` write, and in which format, when the user says little.
@Suite struct OutputDefaultsTests {
    private func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("iamgraph-cli-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func svgIsNotWrittenToATerminal() throws {
        let run = try Run.iamgraph(["render", Run.demo], terminalColumns: 100)
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("not writing SVG to a terminal: give -o FILE"), "\(run.stderr)")
        // Piping keeps working.
        let piped = try Run.iamgraph(["render", Run.demo])
        #expect(piped.status == 0)
        #expect(piped.stdout.contains("<svg"))
    }

    /// `diff` refuses a picture for a terminal before reading either snapshot, so it is refused whether or not
    /// anything changed (here nothing did, which used to exit 0 after loading both).
    @Test(arguments: ["svg", "png"])
    func diffPicturesAreNotWrittenToATerminal(format: String) throws {
        let run = try Run.iamgraph(["diff", Run.demo, Run.demo, "--format", format], terminalColumns: 100)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("not writing \(format.uppercased()) to a terminal: give -o FILE"), "\(run.stderr)")
        // A textual format still goes to the terminal, and a picture to a pipe.
        #expect(try Run.iamgraph(["diff", Run.demo, Run.demo, "--format", "dot"], terminalColumns: 100).status == 0)
        let piped = try Run.iamgraph(["diff", Run.demo, Run.demo, "--format", format])
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stderr.contains("no changes: nothing to draw"), "\(piped.stderr)")
    }

    @Test func aFormatThatContradictsTheFileNameIsRefused() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("x.svg")
        let run = try Run.iamgraph(["render", Run.demo, "-o", file.path, "--format", "png"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("names a svg file but --format is png"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: file.path))
        // Agreeing, or an extension that names no format, is fine.
        #expect(try Run.iamgraph(["render", Run.demo, "-o", file.path, "--format", "svg"]).status == 0)
        let data = directory.appendingPathComponent("map.out")
        #expect(try Run.iamgraph(["render", Run.demo, "-o", data.path, "--format", "json"]).status == 0)
        #expect(try String(contentsOf: data, encoding: .utf8).contains("\"format\" : \"iamgraph-graph\""))
    }

    @Test func aFileNameWithoutExtensionTakesTheDefault() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("map")
        let run = try Run.iamgraph(["render", Run.demo, "-o", file.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8).contains("<svg"))
        let unknown = try Run.iamgraph(["render", Run.demo, "-o", directory.appendingPathComponent("map.jpg").path])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("cannot tell the format from"))
    }

    /// `/dev/null` is written in place: replacing it by a renamed file would delete the device.
    @Test func devicesAreWrittenInPlace() throws {
        #expect(try Run.iamgraph(["render", Run.demo, "-o", "/dev/null"]).status == 0)
        #expect(try Run.iamgraph(["access", Run.demo, "--resource", "key-protect-prod", "-o", "/dev/null"]).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: "/dev/null")
        #expect(attributes[.type] as? FileAttributeType == .typeCharacterSpecial)
        #expect(!((try? FileManager.default.contentsOfDirectory(atPath: "/dev")) ?? []).contains { $0.hasPrefix(".null.iamgraph") })
    }

    @Test func accessFitsTheTerminalAndPipesStayWhole() throws {
        let arguments = ["access", Run.demo, "--resource", "key-protect-prod"]
        let terminal = try Run.iamgraph(arguments, terminalColumns: 90)
        #expect(terminal.status == 0, "\(terminal.stderr)")
        #expect(terminal.stdout.contains("note: long cells are cut (…) to fit 90 columns"))
        let table = terminal.stdout.split(separator: "\n").drop { !$0.hasPrefix("WHO ") }
        #expect(table.count == 20)
        for line in table { #expect(line.count <= 90, "\(line)") }

        let piped = try Run.iamgraph(arguments, environment: ["COLUMNS": "90"])
        #expect(!piped.stdout.contains("…"))
        #expect(piped.stdout.contains("Instance key-protect-prod (d79c35df-f9c0-479b-aaf5-a6b277abd473) of kms"))
        let narrowed = try Run.iamgraph(arguments + ["--width", "120"])
        for line in narrowed.stdout.split(separator: "\n").drop(while: { !$0.hasPrefix("WHO ") }) { #expect(line.count <= 120) }
        #expect(try Run.iamgraph(arguments + ["--width", "0"], terminalColumns: 90).stdout == piped.stdout)
    }
}
