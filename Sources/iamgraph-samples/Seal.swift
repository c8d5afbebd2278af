import ArgumentParser
import Fetch
import Foundation
import Snapshot

/// Rewrites a hand-written or generated snapshot in canonical form: items sorted, policy usage moved to the volatile
/// area, files serialized canonically, manifest sources, counts and SHA-256 sums recomputed as a fetch would record
/// them.
@main
struct SamplesTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iamgraph-samples",
        abstract: "Maintain the bundled sample snapshots.",
        subcommands: [Seal.self, Synth.self, JSONCheck.self])
}

struct Seal: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Canonicalize a snapshot directory in place and recompute its manifest.")

    @Argument(help: "The snapshot directory to seal.")
    var directory: String

    func run() throws {
        let url = URL(fileURLWithPath: directory)
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: url.appendingPathComponent(Manifest.fileName)))
        // The sources a fetch would record for this content, so fetching the sample reproduces its manifest.
        try Resealer(sources: { contents in
            let roleServices = ManifestSources.roleServices(
                policies: [CollectionKind.accessPolicies, .authorizationPolicies].flatMap { (contents[$0] as? [Any]) ?? [] },
                instances: (contents[.resourceInstances] as? [Any]) ?? [])
            return { kind, content in
                ManifestSources.source(for: kind, accountID: manifest.accountID, content: content, roleServices: roleServices)
            }
        }).reseal(url)
    }
}
