import Foundation
import Testing

/// `--timings` as a developer reads it on stderr: each phase named once, with its wall time, its CPU time and the
/// peak memory after it, so that a run on a loaded machine tells waiting from working.
@Suite struct TimingsTests {
    /// One `name W s (cpu C s, peak P MiB)` entry of a timings line; CPU and peak may be absent.
    struct Entry: Equatable {
        let name: String
        let wall: Double
        let cpu: Double?
        let peakMiB: Int?
    }

    /// The entries of the stderr line that starts with `iamgraph: <heading>: `, in order; `nil` without that line.
    static func entries(_ heading: String, in stderr: String) throws -> [Entry]? {
        let prefix = "iamgraph: \(heading): "
        guard let line = stderr.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return nil }
        let entry = try Regex(#"([a-z][a-z +-]*) ([0-9]+\.[0-9]{3}) s(?: \((?:cpu ([0-9]+\.[0-9]{3}) s)?(?:, )?(?:peak ([0-9]+) MiB)?\))?(?:, |$)"#)
        var entries: [Entry] = []
        var rest = line.dropFirst(prefix.count)
        while !rest.isEmpty {
            let found = try entry.prefixMatch(in: rest)
            let match = try #require(found, "unreadable timings: \(rest)")
            let name = match.output[1].substring.map(String.init)
            let wall = match.output[2].substring.flatMap { Double($0) }
            entries.append(Entry(name: try #require(name), wall: try #require(wall),
                                 cpu: match.output[3].substring.flatMap { Double($0) },
                                 peakMiB: match.output[4].substring.flatMap { Int($0) }))
            rest = rest[match.range.upperBound...]
        }
        return entries
    }

    /// `report --timings`: load, index, rules and write once each, each with its CPU time and the peak after it;
    /// then every rule step once with its CPU time (the idling, a wait, without).
    @Test func reportNamesEachPhaseOnceWithItsCPUTime() throws {
        let run = try Run.iamgraph(["report", Run.demo, "--timings", "-o", "/dev/null"])
        #expect(run.status == 0, "\(run.stderr)")
        let phases = try #require(try Self.entries("timings", in: run.stderr), "\(run.stderr)")
        #expect(phases.map(\.name) == ["load", "index", "rules", "write"])
        for phase in phases {
            let cpu = try #require(phase.cpu, "\(phase.name) has no CPU time")
            #expect(cpu >= 0 && phase.wall >= 0 && (phase.peakMiB ?? 0) > 0, "\(phase)")
        }
        let steps = try #require(try Self.entries("rule timings", in: run.stderr), "\(run.stderr)")
        let names = steps.map(\.name)
        #expect(Set(names).count == names.count, "\(names)")
        #expect(names.prefix(4) == ["context", "policies", "administration", "idle"] && names.last == "order", "\(names)")
        #expect(names.contains("privilege-escalation") && names.contains("policy-on-user"), "\(names)")
        for step in steps {
            #expect(step.name == "idle" ? step.cpu == nil : (step.cpu ?? -1) >= 0, "\(step)")
            #expect(step.peakMiB == nil, "\(step)")
        }
    }

    /// `render --timings` prints the same columns for its phases.
    @Test func renderNamesEachPhaseOnceWithItsCPUTime() throws {
        let run = try Run.iamgraph(["render", Run.demo, "--format", "dot", "--timings", "-o", "/dev/null"])
        #expect(run.status == 0, "\(run.stderr)")
        let phases = try #require(try Self.entries("timings", in: run.stderr), "\(run.stderr)")
        #expect(phases.first?.name == "load" && Set(phases.map(\.name)).count == phases.count, "\(phases)")
        #expect(phases.allSatisfy { ($0.cpu ?? -1) >= 0 && ($0.peakMiB ?? 0) > 0 }, "\(phases)")
    }

    /// `export --timings` names its phases too: the read, then for a document the load and view and the write, for a
    /// database the steps of its writing.
    @Test(arguments: [("graphml", ["read", "load and view", "write"]), ("opengraph", ["read", "load and view", "write"])])
    func exportNamesEachPhaseOnce(_ format: String, _ expected: [String]) throws {
        let run = try Run.iamgraph(["export", Run.demo, "--format", format, "--timings", "-o", "/dev/null"])
        #expect(run.status == 0, "\(run.stderr)")
        let phases = try #require(try Self.entries("timings", in: run.stderr), "\(run.stderr)")
        #expect(phases.map(\.name) == expected, "\(phases)")
        #expect(phases.allSatisfy { ($0.cpu ?? -1) >= 0 && ($0.peakMiB ?? 0) > 0 }, "\(phases)")
    }

    /// The SQLite export's timings start with the read, then its writing's steps.
    @Test func sqliteExportNamesTheReadThenItsSteps() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("timings-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try Run.iamgraph(["export", Run.demo, "--format", "sqlite", "--timings", "-o", path])
        #expect(run.status == 0, "\(run.stderr)")
        let phases = try #require(try Self.entries("timings", in: run.stderr), "\(run.stderr)")
        #expect(phases.first?.name == "read" && phases.count > 1 && Set(phases.map(\.name)).count == phases.count,
                "\(phases)")
    }

    /// Without `--timings`, stderr carries no timings.
    @Test func nothingWithoutTheFlag() throws {
        let run = try Run.iamgraph(["report", Run.demo, "-o", "/dev/null"])
        #expect(run.status == 0)
        #expect(!run.stderr.contains("timings:"), "\(run.stderr)")
    }
}
