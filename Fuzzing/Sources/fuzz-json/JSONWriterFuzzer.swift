import Foundation
import FuzzSupport
import Snapshot

/// libFuzzer target for our canonical JSON writer: an input is JSON text (the whole input, no name line). Whatever
/// `JSONSerialization` parses from it must come out of `CanonicalJSON.data` byte for byte as Foundation's own
/// serializer writes it (`CanonicalJSON.foundationData`), or both must refuse it; a difference traps.
@main
enum JSONWriterFuzzer {
    static func main() {
        FuzzDriver.run { bytes, count in
            guard let bytes else { return 0 }
            JSONWriterFuzzer.compare(Data(UnsafeBufferPointer(start: bytes, count: count)))
            return 0
        }
    }

    static func compare(_ text: Data) {
        guard let value = try? CanonicalJSON.parse(text) else { return }
        let ours = try? CanonicalJSON.data(value)
        let foundation = try? CanonicalJSON.foundationData(value)
        guard ours == foundation else {
            fatalError("""
                canonical JSON differs from JSONSerialization's
                ours:
                \(ours.map { String(decoding: $0, as: UTF8.self) } ?? "(refused)")
                JSONSerialization:
                \(foundation.map { String(decoding: $0, as: UTF8.self) } ?? "(refused)")
                """)
        }
    }
}
