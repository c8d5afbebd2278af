/// Why a fake cloud cannot be created or started.
package enum FakeCloudError: Error, Equatable, CustomStringConvertible {
    /// The snapshot directory cannot be read at all (no manifest, another format, an unknown version).
    case unreadableSnapshot(String)
    /// The listening address is not a valid IPv4 address.
    case invalidHost(String)
    /// The server did not start listening.
    case cannotListen(String)

    package var description: String {
        switch self {
        case .unreadableSnapshot(let reason): "cannot read the snapshot: \(reason)"
        case .invalidHost(let host): "invalid listening address \"\(host)\": expected an IPv4 address"
        case .cannotListen(let reason): "cannot listen: \(reason)"
        }
    }
}
