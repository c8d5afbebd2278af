import Foundation
import Testing

/// `--help` as a new user reads it, and README's usage block, which must not drift from it.
@Suite struct HelpTests {
    /// The subcommands `iamgraph --help` lists: a new command is checked without anyone adding it here.
    static let commands: [String] = {
        guard let run = try? Run.iamgraph(["--help"], environment: ["COLUMNS": "80"]) else { return [] }
        let section = run.stdout.components(separatedBy: "\nSUBCOMMANDS:\n").last ?? ""
        return section.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else { return nil }
            return String(name)
        }.filter { $0 != "See" }
    }()

    private func help(_ command: String) throws -> String {
        let run = try Run.iamgraph([command, "--help"], environment: ["COLUMNS": "80"])
        #expect(run.status == 0)
        return run.stdout
    }

    /// The options a command's help lists, each by its names, e.g. `[["-o", "--output"], ["--format"]]`, without
    /// `--help` and `--version`.
    private func options(_ help: String) -> [Set<String>] {
        let section = help.components(separatedBy: "\nOPTIONS:\n").last ?? ""
        return section.split(separator: "\n").filter { $0.hasPrefix("  -") }.map { line in
            Set(line.split(separator: " ").prefix { $0.hasPrefix("-") }.map { String($0.trimmingCharacters(in: CharacterSet(charactersIn: ","))) })
        }.filter { $0.isDisjoint(with: ["--help", "--version"]) }
    }

    /// Each command's lines of README's "Using it" block: its `iamgraph COMMAND` line and the indented lines after it.
    private func readmeUsage() throws -> [String: String] {
        let readme = try String(contentsOf: Run.root.appendingPathComponent("README.md"), encoding: .utf8)
        let usage = try #require(readme.components(separatedBy: "## Using it\n\n```sh\n").dropFirst().first?
            .components(separatedBy: "\n```").first)
        var blocks: [String: String] = [:], current: String?
        for line in usage.split(separator: "\n") {
            if line.hasPrefix("iamgraph ") {
                current = String(line.split(separator: " ")[1])
                blocks[current!] = String(line)
            } else if let current, line.hasPrefix(" ") {
                blocks[current]! += " " + line
            }
        }
        return blocks
    }

    @Test func everySubcommandIsChecked() {
        #expect(Self.commands.count >= 8 && Self.commands.contains("access") && Self.commands.contains("reseal"),
                "\(Self.commands)")
    }

    @Test func examplesStayOnOneLineAt80Columns() throws {
        for command in Self.commands {
            let text = try help(command)
            let lines = text.components(separatedBy: "\n")
            let start = try #require(lines.firstIndex(of: "Examples:"), "\(command) has no examples")
            let examples = lines[(start + 1)...].prefix { !$0.isEmpty }
            #expect(!examples.isEmpty, "\(command)")
            for example in examples {
                // A wrapped example would continue on a line of its own, not indented.
                #expect(example.hasPrefix("  ") && example.contains("iamgraph \(command) "), "\(command): \(example)")
            }
        }
    }

    /// Each option's help, its lines joined and its spaces collapsed: `--format <format> Output format. (values: …)`.
    private func optionBlocks(_ help: String) -> [String] {
        var blocks: [String] = []
        for line in (help.components(separatedBy: "\nOPTIONS:\n").last ?? "").split(separator: "\n") {
            if line.hasPrefix("  -") { blocks.append(String(line)) } else if !blocks.isEmpty { blocks[blocks.count - 1] += " " + line }
        }
        return blocks.map { $0.split(separator: " ").joined(separator: " ") }
    }

    /// The values ArgumentParser lists for an option, from its enum.
    private func values(in block: String) -> [String]? {
        guard let list = block.range(of: "(values: ") else { return nil }
        return block[list.upperBound...].prefix { $0 != ";" && $0 != ")" }.components(separatedBy: ", ")
    }

    @Test func valueListsAreWrittenOnce() throws {
        for command in Self.commands {
            for text in optionBlocks(try help(command)) {
                guard let list = text.range(of: "(values: "), let values = values(in: text) else { continue }
                let before = text[..<list.lowerBound]
                let repeated = values.filter { before.contains(" \($0),") || before.contains(" \($0) ") || before.contains(" \($0).") }
                // Naming a value or two is explaining; naming them all (or three) is a second list.
                #expect(repeated.count < min(values.count, 3), "\(command): \(text)")
            }
        }
    }

    @Test func readmeUsageNamesEveryOptionAndNoOther() throws {
        let usage = try readmeUsage()
        #expect(Set(usage.keys) == Set(Self.commands))
        for command in Self.commands {
            let line = try #require(usage[command])
            let documented = Set(line.split(whereSeparator: { " []|()".contains($0) })
                .map { String($0.prefix { $0 == "-" || $0.isLetter }) }.filter { $0.hasPrefix("-") && $0.count > 1 })
            let actual = options(try help(command))
            let missing = actual.filter { $0.isDisjoint(with: documented) }.map { $0.sorted().joined(separator: "/") }
            #expect(missing.isEmpty, "README's usage of \(command) lacks \(missing.sorted())")
            let unknown = documented.filter { name in !actual.contains { $0.contains(name) } }
            #expect(unknown.isEmpty, "README's usage of \(command) names \(unknown.sorted()), which --help does not")
            // `--format text|json`: the values README lists are the ones the parser takes.
            let tokens = line.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "[]()")) }
            let blocks = optionBlocks(try help(command))
            for (option, next) in zip(tokens, tokens.dropFirst()) where option.hasPrefix("--") && next.contains("|") {
                guard let block = blocks.first(where: { $0.hasPrefix(option + " ") || $0.contains(", \(option) ") }), let values = values(in: block) else { continue }
                #expect(Set(next.split(separator: "|").map(String.init)) == Set(values), "README: \(command) \(option) \(next)")
            }
        }
    }
}
