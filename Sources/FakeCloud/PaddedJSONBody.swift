import FlyingSocks
import Foundation

/// A valid JSON object of exactly `count` bytes (`{"padding":"xxx…"}`, at least 14), generated a buffer at a time as
/// it is sent, so a fake cloud can serve gigabytes without holding them.
struct PaddedJSONBody: AsyncBufferedSequence {
    typealias Element = UInt8

    private static let head = Array(#"{"padding":""#.utf8)
    private static let tail = Array(#""}"#.utf8)
    /// The smallest body: the object with an empty padding string.
    static let minimumCount = head.count + tail.count

    let count: Int

    init(count: Int) { self.count = Swift.max(count, Self.minimumCount) }

    func makeAsyncIterator() -> Iterator { Iterator(count: count) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        let count: Int
        /// Bytes produced so far.
        private var position = 0

        init(count: Int) { self.count = count }

        mutating func next() async -> UInt8? { await nextBuffer(suggested: 1)?.first }

        mutating func nextBuffer(suggested size: Int) async -> [UInt8]? {
            guard position < count else { return nil }
            let end = Swift.min(count, position + Swift.max(1, size))
            // Padding first (a fast fill), then the few bytes of the head and tail that fall into this buffer.
            var buffer = [UInt8](repeating: UInt8(ascii: "x"), count: end - position)
            let tailStart = count - PaddedJSONBody.tail.count
            for index in position..<Swift.max(position, Swift.min(end, PaddedJSONBody.head.count)) {
                buffer[index - position] = PaddedJSONBody.head[index]
            }
            for index in Swift.min(end, Swift.max(position, tailStart))..<end {
                buffer[index - position] = PaddedJSONBody.tail[index - tailStart]
            }
            position = end
            return buffer
        }
    }
}
