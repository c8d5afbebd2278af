import Foundation

/// Why a snapshot could not be written.
package enum SnapshotWriteError: Error, CustomStringConvertible {
    case wrongShape(CollectionKind, expected: String)
    case notASnapshotDirectory(URL)
    case io(String, underlying: any Error)
    /// A signal stopped the write before the new snapshot was put in place; its staging directory was removed.
    case interrupted

    package var description: String {
        switch self {
        case .wrongShape(let kind, let expected):
            "collection \(kind.name): expected \(expected)"
        case .notASnapshotDirectory(let url):
            "\(url.path) exists, is not empty and holds no \(Manifest.fileName): refusing to replace it"
        case .io(let what, let error):
            "\(what): \((error as NSError).localizedDescription)"
        case .interrupted:
            "interrupted before the new snapshot was put in place: nothing was changed"
        }
    }
}
