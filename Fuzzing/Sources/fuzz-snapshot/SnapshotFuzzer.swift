import Analysis
import Foundation
import FuzzSupport
import Graph
import Model
import Reports
import Snapshot

/// libFuzzer target for snapshots someone else wrote. An input names one file of samples/demo on its first line
/// (`users.json`, `manifest.json`, `volatile/policy-usage.json`) and gives that file's new content after it. The file
/// is replaced in a private copy of the snapshot, which then goes through what `validate`, `summary`, `report`,
/// `access`, `render --format json` and `diff` do with it: the reader (manifest, checksums), the model and its
/// validation, the summary, the access index, the findings in every format, the access of the first identity and to
/// the first instance in every format, the account map and its JSON, and the diff from samples/demo in every format.
/// Anything a file can say must come out as a problem or a finding, never as a trap.
@main
enum SnapshotFuzzer {
    static func main() {
        _ = (workspace, base)
        atexit { SnapshotFuzzer.workspace.remove() }
        FuzzDriver.run { bytes, count in
            if let input = FuzzInput(bytes, count: count) { SnapshotFuzzer.exercise(input) }
            return 0
        }
    }

    /// The private copy of samples/demo, made once per process.
    static let workspace = SnapshotWorkspace(copying: Repository.demoSnapshot)

    /// samples/demo as loaded, the old side of every diff.
    static let base: IAMAccount = {
        guard let (account, _) = try? AccountLoader.load(directory: Repository.demoSnapshot) else {
            fatalError("fuzz-snapshot: cannot load \(Repository.demoSnapshot.path)")
        }
        return account
    }()

    /// A fixed "now", so that findings about age do not depend on the day of the run.
    static let asOf = Date(timeIntervalSince1970: 1_767_225_600)

    static func exercise(_ input: FuzzInput) {
        workspace.with(input.body, as: input.name) { directory in
            guard let (account, problems) = try? AccountLoader.load(directory: directory) else { return }
            _ = problems.map(\.description)
            _ = SummaryText.render(AccountSummary(account))
            let index = AccessIndex(account)
            let report = FindingsReport(index, options: FindingsOptions(asOf: asOf))
            let location = SnapshotLocation(directory: directory, relativePath: "snapshot")
            for format in FindingsFormat.allCases {
                _ = try? FindingsOutput.data(report, format: format, snapshot: location)
            }
            let identity = account.identities.first.flatMap { try? IdentityAccessReport(identity: $0.iamID, in: index) }
            let resource = account.resourceInstances.first.flatMap { try? ResourceAccessReport(resource: $0.id, in: index) }
            for format in AccessFormat.allCases {
                _ = try? identity?.data(format)
                _ = try? resource?.data(format)
            }
            let options = ViewOptions()
            if let graph = try? AccessMap.build(account, options: options) {
                _ = try? GraphJSON.data(graph, account: account, options: options)
            }
            if let diff = try? SnapshotDiff(old: base, new: account) {
                let sources = DiffSources(old: "samples/demo", new: "fuzzed")
                _ = DiffText.render(diff, sources: sources)
                _ = DiffMarkdown.render(diff, sources: sources)
                _ = try? DiffJSON.data(diff, sources: sources)
            }
        }
    }
}
