import Foundation
import Snapshot

/// An ignore file: the suppressions a team has accepted, as documented in docs/findings.md.
///
///     {"format": "iamgraph-ignore", "version": 1, "suppressions": [
///       {"rule": "policy-on-user", "entity": "IBMid-…", "reason": "break-glass account", "expires": "2027-03-31"}]}
package enum IgnoreFile {
    package static let format = "iamgraph-ignore"
    package static let version = 1
    /// The file `report` reads from the snapshot's parent directory when no `--ignore` is given.
    package static let conventionalName = ".iamgraph-ignore.json"

    /// Why an ignore file cannot be used: one line naming the entry and what is wrong.
    package struct Invalid: Error, CustomStringConvertible {
        package let description: String
    }

    /// The suppressions of an ignore file, in file order; every entry needs a known rule, an entity, a reason and
    /// an expiry day.
    /// `name` is the file as the user gave it, for messages.
    package static func suppressions(from data: Data, name: String) throws(Invalid) -> [Suppression] {
        try DocumentHeader.check(data, name: name, format: format, version: version)
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw Invalid(description: ValidationProblem(file: name, decodingError: error).description)
        }
        return try file.suppressions.enumerated().map { (index, entry) throws(Invalid) in
            let at = "\(name) at $.suppressions[\(index)]"
            guard let rule = RuleID(rawValue: entry.rule) else {
                throw Invalid(description: "\(at).rule: unknown rule \"\(entry.rule)\"")
            }
            guard !entry.entity.isEmpty else { throw Invalid(description: "\(at).entity: empty") }
            guard let reason = entry.reason, !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw Invalid(description: "\(at).reason: every suppression needs a reason")
            }
            guard let expires = entry.expires else {
                throw Invalid(description: "\(at).expires: every suppression needs an expiry day (YYYY-MM-DD)")
            }
            guard isDay(expires) else {
                throw Invalid(description: "\(at).expires: \"\(expires)\" is not a day YYYY-MM-DD")
            }
            return Suppression(rule: rule, entity: entry.entity, reason: reason, expires: expires)
        }
    }

    /// Whether `text` is a real calendar day written "YYYY-MM-DD".
    static func isDay(_ text: String) -> Bool {
        guard text.utf8.count == 10, let date = try? Date(text + "T00:00:00Z", strategy: .iso8601) else { return false }
        return Suppression.day(of: date) == text
    }

    private struct File: Decodable {
        let suppressions: [Entry]
    }

    private struct Entry: Decodable {
        let rule: String
        let entity: String
        let reason: String?
        let expires: String?
    }
}
