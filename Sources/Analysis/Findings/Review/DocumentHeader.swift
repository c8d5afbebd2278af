import Foundation
import Snapshot

/// The `format` and `version` every iamgraph document starts with, checked before the rest is decoded so that a file
/// of another kind is named as such.
struct DocumentHeader: Decodable {
    let format: String
    let version: Int

    /// Throws unless `data` is a JSON object of `format` and `version`.
    static func check(_ data: Data, name: String, format: String, version: Int) throws(IgnoreFile.Invalid) {
        let header: DocumentHeader
        do {
            header = try JSONDecoder().decode(DocumentHeader.self, from: data)
        } catch {
            throw IgnoreFile.Invalid(description: ValidationProblem(file: name, decodingError: error).description
                                     + " (expected \(format) version \(version))")
        }
        guard header.format == format, header.version == version else {
            throw IgnoreFile.Invalid(description: "\(name): \(header.format) version \(header.version), expected \(format) version \(version)")
        }
    }
}
