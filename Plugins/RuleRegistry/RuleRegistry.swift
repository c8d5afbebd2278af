import Foundation
import PackagePlugin

/// Generates `RuleID` for the Analysis target from the rule types in `Findings/Rules/`, ordered by the rules' sections
/// in docs/findings.md (Plugins/RuleRegistryGenerator does the work and fails the build on malformed or duplicate ids).
@main struct RuleRegistry: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let rules = target.sourceFiles(withSuffix: "swift").map(\.url).filter { file in
            file.deletingLastPathComponent().pathComponents.suffix(2) == ["Findings", "Rules"]
        }
        let docs = context.package.directoryURL.appending(path: "docs/findings.md")
        let output = context.pluginWorkDirectoryURL.appending(path: "RuleID.swift")
        return [.buildCommand(
            displayName: "Generating RuleID from \(rules.count) files in Findings/Rules",
            executable: try context.tool(named: "RuleRegistryGenerator").url,
            arguments: [docs.path, output.path] + rules.map(\.path),
            inputFiles: [docs] + rules,
            outputFiles: [output]
        )]
    }
}
