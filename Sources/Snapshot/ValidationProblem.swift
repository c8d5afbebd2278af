/// One thing wrong with a snapshot: where it is (file and JSON path) and what was expected.
public struct ValidationProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning, error
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .warning && rhs == .error }
    }

    public let severity: Severity
    /// The file inside the snapshot directory, e.g. `access-group-members.json`.
    public let file: String
    /// A JSON path into that file, e.g. `$["AccessGroupId-1"][0].iam_id`; `$` for the whole file.
    public let path: String
    public let message: String

    public init(_ severity: Severity = .error, file: String, path: String = "$", _ message: String) {
        self.severity = severity
        self.file = file
        self.path = path
        self.message = message
    }

    public var description: String { "\(severity): \(file): \(path): \(message)" }
}
