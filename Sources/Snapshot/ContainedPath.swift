import Foundation

/// A file a snapshot names, checked to be inside the snapshot directory before anything opens it: a relative path of
/// plain components (no absolute path, no empty, `.` or `..` component, no NUL), not reached through a symbolic link
/// that leads out of the directory. A hostile manifest or a planted link can then never make iamgraph read, hash or
/// print a file elsewhere.
enum ContainedPath {
    /// The file's URL inside `directory`, or why it may not be read.
    static func resolve(_ file: String, in directory: URL) -> Result<URL, Refusal> {
        let components = file.split(separator: "/", omittingEmptySubsequences: false)
        guard !file.hasPrefix("/"), !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." || $0.contains("\0") })
        else {
            return .failure(.notRelative)
        }
        let url = components.reduce(directory) { $0.appendingPathComponent(String($1)) }
        let root = directory.resolvingSymlinksInPath().standardizedFileURL.path
        let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
        guard resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { return .failure(.linkLeavesSnapshot) }
        return .success(url)
    }

    /// Why a named file is not read.
    enum Refusal: Error, CustomStringConvertible {
        case notRelative
        case linkLeavesSnapshot

        var description: String {
            switch self {
            case .notRelative: "not a path inside the snapshot directory: expected a relative path without \"..\""
            case .linkLeavesSnapshot: "a symbolic link leads outside the snapshot directory: not read"
            }
        }
    }
}
