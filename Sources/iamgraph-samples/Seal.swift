import ArgumentParser
import Foundation
import Snapshot

/// Rewrites a hand-written or generated snapshot in canonical form: items sorted, policy usage moved to the volatile
/// area, files serialized canonically, manifest counts and SHA-256 sums recomputed. Pages and sources are kept.
@main
struct SamplesTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iamgraph-samples",
        abstract: "Maintain the bundled sample snapshots.",
        subcommands: [Seal.self])
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
        for (name, entry) in manifest.collections.sorted(by: { $0.key < $1.key }) {
            guard let kind = CollectionKind(rawValue: name) else { throw ValidationError("unknown collection \(name)") }
            let source = SnapshotWriter.Source(api: entry.api, endpoint: entry.endpoint, query: entry.query, pages: entry.pages)
            if entry.status == .ok {
                let content = try CanonicalJSON.parse(Data(contentsOf: url.appendingPathComponent(kind.fileName)))
                try writer.add(kind, content: content, source: source)
            } else {
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
