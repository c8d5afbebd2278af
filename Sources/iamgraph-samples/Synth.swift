import ArgumentParser
import Foundation
import Snapshot

/// `iamgraph-samples synth`: writes a deterministic synthetic account snapshot (see `SyntheticAccount`).
struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a deterministic synthetic account snapshot.",
        discussion: """
            Builds a realistic IBM Cloud account (users, service IDs, trusted profiles, access groups with power-law \
            sizes, dynamic rules, access and authorization policies of every scope, custom roles, resource groups, \
            instances, API keys) as raw API JSON and writes it as a canonical snapshot. The same size and seed always \
            give byte-identical files.

            Sizes (users / service IDs / profiles / access groups / access policies / instances / resource groups):
              S     10 / 4 / 2 / 6 / 30 / 10 / 3
              M     200 / 40 / 10 / 30 / 400 / 300 / 8
              L     10,000 / 1,000 / 300 / 2,000 / 30,000 / 20,000 / 50
              XL    5 × L
            """)

    enum SizeOption: String, ExpressibleByArgument, CaseIterable {
        case s = "S", m = "M", l = "L", xl = "XL"

        init?(argument: String) {
            self.init(rawValue: argument.uppercased())
        }

        var preset: SyntheticCatalog.Size {
            switch self {
            case .s: .small
            case .m: .medium
            case .l: .large
            case .xl: .extraLarge
            }
        }
    }

    @Option(help: "Account size: S, M, L or XL.")
    var size: SizeOption

    @Option(help: "Seed of the pseudo-random generator (an unsigned 64-bit integer).")
    var seed: UInt64

    @Argument(help: "The snapshot directory to write (replaced when it holds a snapshot).")
    var outdir: String

    func run() throws {
        let account = SyntheticAccount(size: size.preset, seed: seed)
        let writer = try account.writer()
        try writer.write(to: URL(fileURLWithPath: outdir))
        let counts = writer.manifest.collections.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.items ?? 0)" }.joined(separator: " ")
        print("iamgraph-samples: wrote \(outdir) (size \(size.rawValue), seed \(seed), account \(account.accountID)): \(counts)")
    }
}
