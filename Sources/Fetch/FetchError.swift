/// Why a fetch stopped as a whole (per-collection failures are recorded in the manifest instead).
package enum FetchError: Error, CustomStringConvertible, Sendable {
    case authentication(String)
    case configuration(String)
    case output(String)
    /// The IAM token service kept failing (429, 5xx, dropped connections) past the retry policy.
    case tokenService(String)

    package var description: String {
        switch self {
        case .authentication(let message): "authentication failed: \(message)"
        case .configuration(let message): message
        case .output(let message): "cannot write the snapshot: \(message)"
        case .tokenService(let message): "the IAM token service is unavailable: \(message)"
        }
    }
}
