import Snapshot

/// Why a collection could not be read: recorded in the manifest, and the fetch goes on.
package struct CollectionFailure: Error, Sendable {
    let status: Manifest.Status
    let httpStatus: Int
    let message: String

    static func forbidden(_ httpStatus: Int, _ message: String) -> CollectionFailure {
        CollectionFailure(status: .forbidden, httpStatus: httpStatus, message: message)
    }

    static func failed(_ httpStatus: Int, _ message: String) -> CollectionFailure {
        CollectionFailure(status: .failed, httpStatus: httpStatus, message: message)
    }
}
