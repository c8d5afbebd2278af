import Analysis
import Foundation
import FuzzSupport
import Graph
import Model
import Reports
import Snapshot

/// libFuzzer target for snapshots someone else wrote. An input names one file of samples/demo on its first line
/// (`users.json`, `manifest.json`, `volatile/policy-usage.json`) and gives that file's new content after it. The file
/// is replaced in a private copy of the snapshot, which then goes through what `validate`, `summary`, `report` and
/// `render --format json` do with it: the reader (manifest, checksums), the model and its validation, the summary,
/// the access index, the findings in every format, the account map and its JSON. Anything a file can say must come
/// out as a problem or a finding, never as a trap.
@main
enum SnapshotFuzzer {
    static func main() {
        _ = workspace
        atexit { SnapshotFuzzer.workspace.remove() }
        FuzzDriver.run { bytes, count in
            if let input = FuzzInput(bytes, count: count) { SnapshotFuzzer.exercise(input) }
            return 0
        }
    }

    /// The private copy of samples/demo, made once per process.
    static let workspace = SnapshotWorkspace(copying: Repository.demoSnapshot)

    /// A fixed "now", so that findings about age do not depend on the day of the run.
    static let asOf = Date(timeIntervalSince1970: 1_767_225_600)

    static func exercise(_ input: FuzzInput) {
        workspace.with(input.body, as: input.name) { directory in
            guard let (account, problems) = try? AccountLoader.load(directory: directory) else { return }
            _ = problems.map(\.description)
            _ = AccountSummary(account).text
            let report = FindingsReport(AccessIndex(account), options: FindingsOptions(asOf: asOf))
            for format in FindingsFormat.allCases {
                _ = try? FindingsOutput.data(report, format: format, snapshot: directory)
            }
            let options = ViewOptions()
            if let graph = try? AccessMap.build(account, options: options) {
                _ = try? GraphJSON.data(graph, account: account, options: options)
            }
        }
    }
}
