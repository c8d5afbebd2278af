/// Why a fetch stopped as a whole (per-collection failures are recorded in the manifest instead).
public enum FetchError: Error, CustomStringConvertible, Sendable {
    case authentication(String)
    case configuration(String)
    case output(String)

    public var description: String {
        switch self {
        case .authentication(let message): "authentication failed: \(message)"
        case .configuration(let message): message
        case .output(let message): "cannot write the snapshot: \(message)"
        }
    }
}
