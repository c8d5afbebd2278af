import ArgumentParser
import Foundation
import Snapshot

struct Reseal: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-seal a snapshot whose files were edited by hand, so that it validates again.",
        discussion: """
            A snapshot records the SHA-256 of every file it holds, so an edited collection file fails `validate` \
            with "SHA-256 mismatch" (and the other commands warn that the snapshot has problems). To keep an edit \
            made on purpose (a test case, a what-if, a departed user removed), re-seal the snapshot: the collection \
            files are parsed and written again in \
            canonical form (items sorted), and the manifest's item counts and SHA-256 sums are recomputed. The \
            manifest then records that the snapshot was re-sealed by hand ("resealed"): it is no longer what the \
            API returned, and nothing can tell an edited grant from a fetched one. Fetch again for a snapshot you \
            can trust. The directory is replaced atomically: if anything fails, it is left as it was.

            Exit codes: 0 re-sealed, 3 the snapshot cannot be read at all (no manifest, another format, an unknown \
            format version), 4 a collection file is not valid JSON, or the snapshot cannot be written.

            Examples:
              iamgraph reseal snapshots/what-if
              iamgraph reseal snapshots/what-if && iamgraph validate snapshots/what-if
            """)

    /// What the manifest says about a re-sealed snapshot.
    static let note = "re-sealed by hand with iamgraph reseal: the collection files may have been edited and are not "
        + "necessarily what the API returned"

    @OptionGroup var snapshot: SnapshotArgument

    func run() throws {
        do {
            _ = try SnapshotReader.load(snapshot.url)
        } catch {
            Console.error("iamgraph: " + error.message(snapshot: snapshot.snapshot))
            throw ExitCode.snapshotUnreadable
        }
        do {
            try Resealer(note: Self.note).reseal(snapshot.url)
        } catch {
            Console.error("iamgraph: \(snapshot.snapshot): cannot re-seal: \(error)")
            throw ExitCode.otherFailure
        }
        Console.error("iamgraph: re-sealed \(snapshot.snapshot); its manifest now says it was edited by hand, "
                      + "not what the API returned")
    }
}
