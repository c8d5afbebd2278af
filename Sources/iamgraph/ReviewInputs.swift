import Analysis
import ArgumentParser
import Foundation

/// `report`'s review options: an ignore file (given, or the conventional one beside the snapshot) and a baseline.
struct ReviewInputs: ParsableArguments {
    @Option(name: .customLong("ignore"),
            help: ArgumentHelp("Suppressions to apply (default: .iamgraph-ignore.json in the snapshot's parent directory, if present).",
                               valueName: "file"))
    var ignore: String?

    @Option(name: .customLong("baseline"),
            help: ArgumentHelp("An earlier `report --format json`: mark findings new or unchanged, list resolved ones.",
                               valueName: "file"))
    var baseline: String?

    /// The suppressions to apply, saying on stderr which file they come from; a bad file is a usage error.
    func suppressions(snapshot: URL) throws -> [Suppression] {
        let path: String
        if let ignore {
            path = ignore
        } else {
            let conventional = snapshot.standardizedFileURL.deletingLastPathComponent()
                .appendingPathComponent(IgnoreFile.conventionalName).path
            guard FileManager.default.fileExists(atPath: conventional) else { return [] }
            Console.error("iamgraph: using suppressions from \(conventional)")
            path = conventional
        }
        do {
            return try IgnoreFile.suppressions(from: InputFile.read(path, purpose: "ignore file"), name: path)
        } catch let error as IgnoreFile.Invalid {
            Console.error("iamgraph: \(error.description)")
            throw ExitCode.validationFailure
        }
    }

    /// The baseline report, if one is given; a bad file is a usage error.
    func loadBaseline() throws -> Baseline? {
        guard let baseline else { return nil }
        do {
            let loaded = try Baseline(data: InputFile.read(baseline, purpose: "baseline"), name: baseline)
            if loaded.unlisted > 0 {
                Console.error("iamgraph: warning: the baseline \(baseline) does not list \(loaded.unlisted) of its findings (--top): they show as new")
            }
            return loaded
        } catch let error as IgnoreFile.Invalid {
            Console.error("iamgraph: \(error.description)")
            throw ExitCode.validationFailure
        }
    }
}
