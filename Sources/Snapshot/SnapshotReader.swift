import Foundation

/// Reads a snapshot directory: the manifest, then every collection file it lists, checking SHA-256 sums.
package enum SnapshotReader {
    /// Why a snapshot cannot be read at all (as opposed to problems within it).
    package struct Unreadable: Error, CustomStringConvertible {
        package let problem: ValidationProblem
        package var description: String { problem.description }

        /// One line naming the snapshot as the user gave it: `snap/manifest.json at $.version: unknown format version 2…`.
        package func message(snapshot: String) -> String {
            guard problem.file != snapshot, !problem.file.hasPrefix("/") else { return "\(snapshot): \(problem.message)" }
            let location = snapshot.hasSuffix("/") ? snapshot + problem.file : snapshot + "/" + problem.file
            return location + (problem.path == "$" ? "" : " at \(problem.path)") + ": " + problem.message
        }
    }

    package static func load(_ directory: URL) throws(Unreadable) -> LoadedSnapshot {
        let manifest = try readManifest(directory)
        var problems: [ValidationProblem] = []
        var files: [CollectionKind: Data] = [:]
        var unknown: [CollectionKind: LoadedSnapshot.Unavailability] = [:]
        var reads: [Read] = []

        if let problem = AccountID.problem(manifest.accountID) {
            problems.append(ValidationProblem(file: Manifest.fileName, path: "$.account_id", problem))
        }
        if let resealed = manifest.resealed {
            problems.append(ValidationProblem(.warning, file: Manifest.fileName, path: "$.resealed", resealed))
        }
        for name in manifest.collections.keys.sorted() where CollectionKind(rawValue: name) == nil {
            problems.append(ValidationProblem(.warning, file: Manifest.fileName, path: "$.collections." + name,
                                              "unknown collection \"\(name)\" (ignored)"))
        }
        for kind in CollectionKind.allCases {
            guard let entry = manifest.collections[kind.name] else {
                unknown[kind] = .notInManifest
                if manifest.scope.kind == .account {
                    problems.append(ValidationProblem(.warning, file: Manifest.fileName, path: "$.collections",
                                                      "collection \"\(kind.name)\" was not fetched: its content is unknown"))
                }
                continue
            }
            let entryPath = JSONPath.appending(kind.name, to: "$.collections")
            guard entry.status == .ok else {
                unknown[kind] = .notFetched(entry.status, httpStatus: entry.httpStatus, message: entry.message)
                problems.append(ValidationProblem(.warning, file: Manifest.fileName, path: entryPath,
                    "collection \"\(kind.name)\" is \(entry.status.rawValue)\(entry.httpStatus.map { " (HTTP \($0))" } ?? "")"
                    + ": its content is unknown, not empty"))
                continue
            }
            if let file = entry.file, file != kind.fileName {
                problems.append(ValidationProblem(file: Manifest.fileName, path: entryPath + ".file",
                                                  "expected \"\(kind.fileName)\", found \"\(file)\""))
            }
            reads.append(Read(file: kind.fileName, sha256: entry.sha256, manifestPath: entryPath, into: .collection(kind),
                              problemsBefore: problems.count))
        }

        for (key, entry) in manifest.volatile.sorted(by: { $0.key < $1.key }) {
            let entryPath = JSONPath.appending(key, to: "$.volatile")
            guard let file = VolatileArea.files[key] else {
                problems.append(ValidationProblem(.warning, file: Manifest.fileName, path: entryPath,
                                                  "unknown volatile entry \"\(key)\" (ignored)"))
                continue
            }
            if entry.file != file {
                problems.append(ValidationProblem(file: Manifest.fileName, path: entryPath + ".file",
                                                  "expected \"\(file)\", found \"\(entry.file)\""))
            }
            reads.append(Read(file: file, sha256: entry.sha256, manifestPath: entryPath, into: .volatile(key),
                              problemsBefore: problems.count))
        }

        // The files are read and checked side by side (a large snapshot is hundreds of megabytes, and nothing else
        // can start before it is read); their problems are put where reading them one after another puts them.
        let checked = Self.checked(reads, in: directory)
        var ordered: [ValidationProblem] = []
        var volatile: [String: Data] = [:]
        var taken = 0
        for (read, result) in zip(reads, checked) {
            ordered += problems[taken..<read.problemsBefore]
            taken = read.problemsBefore
            switch (result, read.into) {
            case (.success(let data, let found), .collection(let kind)):
                files[kind] = data
                ordered += found
            case (.success(let data, let found), .volatile(let key)):
                volatile[key] = data
                ordered += found
            case (.failure(let problem), .collection(let kind)):
                unknown[kind] = .unreadable
                ordered.append(problem)
            case (.failure(let problem), .volatile):
                ordered.append(problem)
            }
        }
        ordered += problems[taken...]
        problems = ordered
        return LoadedSnapshot(directory: directory, manifest: manifest, files: files, unknown: unknown,
                              policyUsage: volatile[VolatileArea.policyUsage.key],
                              activity: volatile[VolatileArea.activity.key], mfa: volatile[VolatileArea.mfa.key],
                              problems: problems)
    }

    private static func readManifest(_ directory: URL) throws(Unreadable) -> Manifest {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Unreadable(problem: ValidationProblem(file: directory.path, "not a directory: expected a snapshot directory"))
        }
        let url: URL
        switch ContainedPath.resolve(Manifest.fileName, in: directory) {
        case .success(let contained): url = contained
        case .failure(let refusal): throw Unreadable(problem: ValidationProblem(file: Manifest.fileName, "\(refusal)"))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Unreadable(problem: ValidationProblem(file: Manifest.fileName, "missing file: expected the snapshot manifest"))
        }
        // The format and version are checked before the rest so that a future format fails with the right message.
        struct Header: Decodable { let format: String?; let version: Int? }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: data)
        } catch {
            throw Unreadable(problem: ValidationProblem(file: Manifest.fileName, decodingError: error))
        }
        guard header.format == Manifest.formatName else {
            throw Unreadable(problem: ValidationProblem(file: Manifest.fileName, path: "$.format",
                "unknown format \(header.format.map { "\"\($0)\"" } ?? "(missing)"): expected \"\(Manifest.formatName)\""))
        }
        guard header.version == Manifest.currentVersion else {
            throw Unreadable(problem: ValidationProblem(file: Manifest.fileName, path: "$.version",
                "unknown format version \(header.version.map(String.init) ?? "(missing)"): this iamgraph reads version \(Manifest.currentVersion)"))
        }
        do {
            return try JSONDecoder().decode(Manifest.self, from: data)
        } catch {
            throw Unreadable(problem: ValidationProblem(file: Manifest.fileName, decodingError: error))
        }
    }

    private enum Checked: Sendable {
        case success(Data, [ValidationProblem])
        case failure(ValidationProblem)
    }

    /// A file the manifest lists, to be read and checked: where its bytes go, and how many of the manifest's own
    /// problems come before its own.
    private struct Read: Sendable {
        enum Destination: Sendable {
            case collection(CollectionKind)
            case volatile(String)
        }

        let file: String
        let sha256: String?
        let manifestPath: String
        let into: Destination
        let problemsBefore: Int
    }

    /// Each of `reads` read and checked (`readChecked`), in order; the files are read on two threads, each taking
    /// the next file when done with one.
    private static func checked(_ reads: [Read], in directory: URL) -> [Checked] {
        let results = TakenInTurn<Checked>(count: reads.count)
        DispatchQueue.concurrentPerform(iterations: min(2, reads.count)) { _ in
            while let position = results.take() {
                let read = reads[position]
                results.set(position, readChecked(directory, read.file, sha256: read.sha256, manifestPath: read.manifestPath))
            }
        }
        return results.values.map { $0 ?? .failure(ValidationProblem(file: "", "not read")) }
    }

    /// Reads `file`, which the snapshot format names, if it is inside `directory`, and checks its SHA-256.
    private static func readChecked(_ directory: URL, _ file: String, sha256: String?, manifestPath: String) -> Checked {
        let url: URL
        switch ContainedPath.resolve(file, in: directory) {
        case .success(let contained): url = contained
        case .failure(let refusal): return .failure(ValidationProblem(file: file, "\(refusal) (the manifest lists it at \(manifestPath))"))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(ValidationProblem(file: file, "missing file: the manifest lists it at \(manifestPath)"))
        }
        guard let expected = sha256 else {
            return .success(data, [ValidationProblem(file: Manifest.fileName, path: manifestPath + ".sha256",
                                                     "missing checksum: expected the file's SHA-256")])
        }
        let actual = SHA256Digest.hex(of: data)
        guard actual == expected.lowercased() else {
            return .success(data, [ValidationProblem(file: file,
                "SHA-256 mismatch: the manifest (\(manifestPath).sha256) expects \(expected), the file has \(actual); "
                + "the file changed after the fetch: fetch again, or, to keep an edit made on purpose, run "
                + "`iamgraph reseal` on the snapshot (it is then no longer what the API returned)")])
        }
        return .success(data, [])
    }
}
