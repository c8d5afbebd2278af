/// One thing wrong with a snapshot: where it is (file and JSON path) and what was expected.
package struct ValidationProblem: Sendable, Hashable, CustomStringConvertible {
    package enum Severity: String, Sendable, Hashable, Comparable {
        case warning, error
        package static func < (lhs: Self, rhs: Self) -> Bool { lhs == .warning && rhs == .error }
    }

    package let severity: Severity
    /// The file inside the snapshot directory, e.g. `access-group-members.json`.
    package let file: String
    /// A JSON path into that file, e.g. `$["AccessGroupId-1"][0].iam_id`; `$` for the whole file.
    package let path: String
    package let message: String

    package init(_ severity: Severity = .error, file: String, path: String = "$", _ message: String) {
        self.severity = severity
        self.file = file
        self.path = path
        self.message = message
    }

    package var description: String { "\(severity): \(file): \(path): \(message)" }
}
