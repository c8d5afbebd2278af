import Foundation

/// A snapshot directory read from disk: its manifest, the bytes of every readable collection file, and the problems
/// found on the way. Typed decoding happens in `Model`.
package struct LoadedSnapshot: Sendable {
    package let directory: URL
    package let manifest: Manifest
    /// Bytes of each collection whose manifest status is `ok` and whose file could be read (until `takeFiles()`).
    package private(set) var files: [CollectionKind: Data]
    /// Collections whose content is unknown: not `ok` in the manifest, absent from it, or with an unreadable file.
    package let unknown: [CollectionKind: Unavailability]
    /// `volatile/policy-usage.json`, when present.
    package let policyUsage: Data?
    /// `volatile/activity.json`, when present.
    package let activity: Data?
    /// `volatile/mfa.json`, when present.
    package let mfa: Data?
    package let problems: [ValidationProblem]

    /// Why a collection's content is unknown.
    package enum Unavailability: Sendable, Equatable, CustomStringConvertible {
        /// The fetch could not read it (`forbidden` or `failed`), with the HTTP status and the API's message.
        case notFetched(Manifest.Status, httpStatus: Int?, message: String?)
        /// The manifest has no entry for it.
        case notInManifest
        /// The manifest lists it, but its file is missing or unreadable.
        case unreadable

        package var description: String {
            switch self {
            case .notFetched(let status, let http, let message):
                "\(status.rawValue)" + (http.map { " (HTTP \($0))" } ?? "") + (message.map { ": \($0)" } ?? "")
            case .notInManifest: "not fetched"
            case .unreadable: "file unreadable"
            }
        }
    }

    package init(directory: URL, manifest: Manifest, files: [CollectionKind: Data],
                unknown: [CollectionKind: Unavailability], policyUsage: Data?, activity: Data?,
                mfa: Data?, problems: [ValidationProblem]) {
        self.directory = directory
        self.manifest = manifest
        self.files = files
        self.unknown = unknown
        self.policyUsage = policyUsage
        self.activity = activity
        self.mfa = mfa
        self.problems = problems
    }

    /// The collection files, removed from this snapshot: when it held the only copy, whoever takes them decides when
    /// their bytes are freed (the account loader frees each once decoded).
    package mutating func takeFiles() -> [CollectionKind: Data] {
        defer { files = [:] }
        return files
    }
}
