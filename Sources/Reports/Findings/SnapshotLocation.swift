import Foundation

/// Where a snapshot is, for SARIF: its directory (to find each entity's lines in its files) and its path relative to
/// the source root (`%SRCROOT%`, the repository the SARIF is uploaded for), so that no local absolute path leaks
/// into the log.
package struct SnapshotLocation: Sendable {
    /// The snapshot directory on this machine.
    package let directory: URL
    /// The snapshot directory relative to the source root, with `/` separators and no trailing slash ("" for the
    /// root itself), e.g. `snapshots/prod`.
    package let relativePath: String

    package init(directory: URL, relativePath: String) {
        self.directory = directory
        self.relativePath = relativePath
    }

    /// The location of `directory` relative to the git work tree that contains it (found by walking up to a `.git`
    /// entry), else relative to `base` when inside it, else the directory's own name.
    package static func resolve(_ directory: URL, base: URL) -> SnapshotLocation {
        let target = directory.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var candidate = directory.standardizedFileURL.resolvingSymlinksInPath()
        while candidate.pathComponents.count > 1 {
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(".git").path) {
                return SnapshotLocation(directory: directory, relativePath: relative(target, to: candidate.pathComponents))
            }
            candidate.deleteLastPathComponent()
        }
        let root = base.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        if target.starts(with: root) { return SnapshotLocation(directory: directory, relativePath: relative(target, to: root)) }
        return SnapshotLocation(directory: directory, relativePath: target.last ?? "")
    }

    private static func relative(_ path: [String], to root: [String]) -> String {
        path.dropFirst(root.count).joined(separator: "/")
    }

    /// The uri of a file of the snapshot, relative to the source root.
    func uri(_ file: String) -> String {
        let encoded = (relativePath.isEmpty ? file : relativePath + "/" + file)
            .split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? String($0) }
        return encoded.joined(separator: "/")
    }
}
