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
        subcommands: [Seal.self, Synth.self])
}

struct Seal: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Canonicalize a snapshot directory in place and recompute its manifest.")

    @Argument(help: "The snapshot directory to seal.")
    var directory: String

    func run() throws {
        let url = URL(fileURLWithPath: directory)
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: url.appendingPathComponent(Manifest.fileName)))
        var writer = SnapshotWriter(toolVersion: manifest.toolVersion, accountID: manifest.accountID,
                                    fetchedAt: manifest.fetchedAt, scope: manifest.scope)
        var contents: [CollectionKind: Any] = [:]
        for (name, entry) in manifest.collections where entry.status == .ok {
            guard let kind = CollectionKind(rawValue: name) else { throw ValidationError("unknown collection \(name)") }
            contents[kind] = try CanonicalJSON.parse(Data(contentsOf: url.appendingPathComponent(kind.fileName)))
        }
        let roleServices = ManifestSources.roleServices(
            policies: [CollectionKind.accessPolicies, .authorizationPolicies].flatMap { (contents[$0] as? [Any]) ?? [] },
            instances: (contents[.resourceInstances] as? [Any]) ?? [])
        for (name, entry) in manifest.collections.sorted(by: { $0.key < $1.key }) {
            guard let kind = CollectionKind(rawValue: name) else { throw ValidationError("unknown collection \(name)") }
            if let content = contents[kind] {
                // The source a fetch would record for this content, so fetching the sample reproduces its manifest.
                try writer.add(kind, content: content, source: ManifestSources.source(
                    for: kind, accountID: manifest.accountID, content: content, roleServices: roleServices))
            } else {
                let source = SnapshotWriter.Source(api: entry.api, endpoint: entry.endpoint, query: entry.query, pages: entry.pages)
                writer.addUnavailable(kind, source: source, status: entry.status, httpStatus: entry.httpStatus ?? 0,
                                      message: entry.message ?? "")
            }
        }
        if let usage = try? CanonicalJSON.parse(Data(contentsOf: url.appendingPathComponent(VolatileArea.policyUsage.file))),
           let entries = usage as? [String: [String: Any]] {
            writer.addPolicyUsage(entries)
        }
        if let activity = try? CanonicalJSON.parse(Data(contentsOf: url.appendingPathComponent(VolatileArea.activity.file))) {
            writer.setActivity(activity)
        }
        try writer.write(to: url)
    }
}
