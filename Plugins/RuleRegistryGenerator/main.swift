import Foundation

// Generates `RuleID` (Sources/Analysis/Findings) from the rule types in `Findings/Rules/` and the order of the rules'
// sections in docs/findings.md; run by the RuleRegistry build-tool plugin on every build of Analysis.
//
// Usage: RuleRegistryGenerator <docs/findings.md> <output RuleID.swift> <rule source file>...
//
// A rule is a top-level `struct <Name>Rule: FindingRule` (or `AlwaysEvaluatedRule`) declaring `static let id = "<id>"`.
// Its case is <Name> with the leading capital (or acronym) lower-cased: `OwnerAPIKeyRule` → `ownerAPIKey`,
// `APIKeyInactiveRule` → `apiKeyInactive`. The build fails, naming the file and line, on a rule without a literal id,
// a malformed or duplicate id, a conformance declared elsewhere than on the type, or a rule without a docs section
// (or a section without a rule).

/// A rule type found in a source file.
struct RuleDeclaration {
    let typeName: String
    let id: String
    let file: String
    let line: Int

    /// The `RuleID` case: the type name without `Rule`, its leading capital or acronym lower-cased.
    var caseName: String {
        let name = Array(typeName.dropLast("Rule".count))
        let capitals = name.prefix { $0.isUppercase }.count
        let lowered = capitals == name.count || capitals <= 1 ? capitals : capitals - 1
        return String(name.prefix(lowered)).lowercased() + String(name.dropFirst(lowered))
    }
}

/// A problem the build reports, where it is.
struct Problem: Error {
    let file: String
    let line: Int
    let message: String

    var text: String { "\(file):\(line): error: \(message)" }
}

let ruleProtocols = ["FindingRule", "AlwaysEvaluatedRule"]

/// Whether a conformance list names one of the rule protocols.
func namesRuleProtocol(_ conformances: Substring) -> Bool {
    conformances.split(separator: ",").contains { ruleProtocols.contains($0.trimmingCharacters(in: .whitespaces)) }
}

/// The rules declared in one source file.
func rules(in file: String) throws -> [RuleDeclaration] {
    let lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n")
    var found: [RuleDeclaration] = []
    for (index, line) in lines.enumerated() {
        let number = index + 1
        if let match = line.firstMatch(of: #/^\s*extension\s+[\w.]+\s*:\s*(?<conformances>[^{]*)/#),
           namesRuleProtocol(match.conformances) {
            throw Problem(file: file, line: number, message: "declare a rule's conformance on its type (`struct <Name>Rule: FindingRule`), not in an extension")
        }
        let typeDeclaration = #/^(?<indent>\s*)(?:(?:public|package|internal|fileprivate|private|final)\s+)*(?:struct|enum|class|actor)\s+(?<name>\w+)\s*:\s*(?<conformances>[^{]*)/#
        guard let match = line.firstMatch(of: typeDeclaration), namesRuleProtocol(match.conformances) else { continue }
        let name = match.name
        guard match.indent.isEmpty else {
            throw Problem(file: file, line: number, message: "rule type \(name) must be declared at the top level of the file")
        }
        guard name.hasSuffix("Rule"), name.count > "Rule".count, name.first?.isUppercase == true else {
            throw Problem(file: file, line: number, message: "rule type \(name): its name must be `<Name>Rule`, <Name> capitalised")
        }
        // The id is declared in the type's body: up to the first line closing a top-level declaration.
        let body = lines[(index + 1)...].prefix { $0 != "}" }
        let ids = body.compactMap { $0.firstMatch(of: #/^\s+static\s+let\s+id\s*(?::\s*String\s*)?=\s*"(?<id>[^"\\]*)"\s*$/#)?.id }
        guard ids.count == 1, let id = ids.first else {
            throw Problem(file: file, line: number, message: "rule type \(name) must declare its id once, as a string literal: `static let id = \"rule-id\"`")
        }
        guard id.wholeMatch(of: #/[a-z][a-z0-9]*(-[a-z0-9]+)*/#) != nil else {
            throw Problem(file: file, line: number, message: "rule id \"\(id)\" of \(name) is malformed: lower-case letters and digits in words joined by single `-`, starting with a letter")
        }
        found.append(RuleDeclaration(typeName: String(name), id: String(id), file: file, line: number))
    }
    return found
}

/// The rule ids of docs/findings.md's `### \`rule-id\`` sections, in order, with their lines.
func sections(in docs: String) throws -> [(id: String, line: Int)] {
    try String(contentsOfFile: docs, encoding: .utf8).components(separatedBy: "\n").enumerated().compactMap { index, line in
        line.firstMatch(of: #/^### `(?<id>[^`]*)`\s*$/#).map { (String($0.id), index + 1) }
    }
}

/// The rules in the order of their docs sections, after checking that ids, names and sections pair up one to one.
func ordered(_ rules: [RuleDeclaration], docs: String) throws -> [RuleDeclaration] {
    var byID: [String: RuleDeclaration] = [:]
    var byCase: [String: RuleDeclaration] = [:]
    for rule in rules {
        if let other = byID[rule.id] {
            throw Problem(file: rule.file, line: rule.line, message: "rule id \"\(rule.id)\" of \(rule.typeName) is already the id of \(other.typeName) (\(other.file):\(other.line))")
        }
        if let other = byCase[rule.caseName] {
            throw Problem(file: rule.file, line: rule.line, message: "rule type \(rule.typeName) gives the same RuleID case `\(rule.caseName)` as \(other.typeName) (\(other.file):\(other.line))")
        }
        byID[rule.id] = rule
        byCase[rule.caseName] = rule
    }
    let documented = try sections(in: docs)
    var position: [String: Int] = [:]
    for (index, section) in documented.enumerated() {
        guard byID[section.id] != nil else {
            throw Problem(file: docs, line: section.line, message: "section `\(section.id)` names no rule: no type in Findings/Rules declares `static let id = \"\(section.id)\"`")
        }
        guard position[section.id] == nil else {
            throw Problem(file: docs, line: section.line, message: "rule `\(section.id)` has a second section")
        }
        position[section.id] = index
    }
    for rule in rules where position[rule.id] == nil {
        throw Problem(file: rule.file, line: rule.line, message: "rule \"\(rule.id)\" has no section in \(docs): add \"### `\(rule.id)`\" where it belongs in the report's rule order")
    }
    return rules.sorted { position[$0.id, default: 0] < position[$1.id, default: 0] }
}

/// The Swift source of `RuleID`.
func source(_ rules: [RuleDeclaration]) -> String {
    """
    // Generated by the RuleRegistry build-tool plugin (Plugins/RuleRegistryGenerator) from the rule types in
    // Sources/Analysis/Findings/Rules, in the order of docs/findings.md's rule sections. Do not edit: a rule is added
    // by adding its type (CONTRIBUTING.md, "Add a finding rule").

    /// The stable id of a findings rule. The ids are part of iamgraph's interface (SARIF, `--fail-on`,
    /// docs/findings.md): never rename one. The order of the cases is the report's rule order.
    package enum RuleID: Sendable, Hashable, CaseIterable {
    \(rules.map { "    /// `\($0.id)`\n    case \($0.caseName)" }.joined(separator: "\n"))

        /// The rule's type: its metadata and evaluator.
        var definition: any FindingRule.Type {
            switch self {
    \(rules.map { "        case .\($0.caseName): \($0.typeName).self" }.joined(separator: "\n"))
            }
        }
    }

    """
}

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2, let docs = arguments.first, let output = arguments.dropFirst().first else {
    FileHandle.standardError.write(Data("usage: RuleRegistryGenerator <docs/findings.md> <output.swift> <rule source file>...\n".utf8))
    exit(2)
}
do {
    let found = try arguments.dropFirst(2).sorted().flatMap(rules(in:))
    let text = source(try ordered(found, docs: docs))
    // Unchanged output keeps its modification time, so Analysis is not recompiled for nothing.
    if (try? String(contentsOfFile: output, encoding: .utf8)) != text {
        try text.write(toFile: output, atomically: true, encoding: .utf8)
    }
} catch let problem as Problem {
    FileHandle.standardError.write(Data((problem.text + "\n").utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
