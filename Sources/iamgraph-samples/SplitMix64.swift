/// A small seeded pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014) with the few draws the synthetic
/// account generator needs. Every draw is defined here, on integers, so that the same seed gives the same sequence on
/// every platform and Swift version (the standard library's `random(in:using:)` and `shuffled(using:)` make no such
/// promise, so they are deliberately not used).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-high reduction; `bound` must be positive).
    mutating func int(_ bound: Int) -> Int {
        precondition(bound > 0, "empty range")
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform double in `[0, 1)` with 53 random bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// `true` with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T {
        items[int(items.count)]
    }

    /// An index chosen with probability proportional to `weights` (linear scan: for short lists).
    mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var x = unit() * total
        for (index, weight) in weights.enumerated() {
            if x < weight { return index }
            x -= weight
        }
        return weights.count - 1
    }

    /// Fisher–Yates shuffle in place.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, int(i + 1))
        }
    }

    /// `count` random characters from `alphabet`.
    mutating func string(_ count: Int, from alphabet: [Character]) -> String {
        var text = ""
        text.reserveCapacity(count)
        for _ in 0..<count { text.append(alphabet[int(alphabet.count)]) }
        return text
    }

    /// `count` lower-case hex digits.
    mutating func hex(_ count: Int) -> String {
        string(count, from: Self.hexDigits)
    }

    /// A version-4 UUID in lower case, built from the generator's bits (never `UUID()`).
    mutating func uuid() -> String {
        let high = (next() & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let low = (next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        let h = Self.hex64(high), l = Self.hex64(low)
        return "\(h.prefix(8))-\(h.dropFirst(8).prefix(4))-\(h.suffix(4))-\(l.prefix(4))-\(l.suffix(12))"
    }

    static let hexDigits = Array("0123456789abcdef")

    private static func hex64(_ value: UInt64) -> String {
        var chars = [Character](repeating: "0", count: 16)
        var v = value
        for i in stride(from: 15, through: 0, by: -1) {
            chars[i] = hexDigits[Int(v & 0xF)]
            v >>= 4
        }
        return String(chars)
    }
}

/// Draws indices `0..<n` with probability proportional to `1 / (rank + 1)` (Zipf with exponent 1, computed with plain
/// IEEE division so every platform gets the same table) for a given ranking: a power-law choice in O(log n) per draw.
struct ZipfTable {
    private let cumulative: [Double]
    private let order: [Int]

    /// `order[rank]` is the index returned for a rank; by default index = rank.
    init(count: Int, order: [Int]? = nil) {
        var sum = 0.0
        var cumulative: [Double] = []
        cumulative.reserveCapacity(count)
        for rank in 0..<count {
            sum += 1 / Double(rank + 1)
            cumulative.append(sum)
        }
        self.cumulative = cumulative
        self.order = order ?? Array(0..<count)
    }

    var isEmpty: Bool { cumulative.isEmpty }

    func draw(_ rng: inout SplitMix64) -> Int {
        let x = rng.unit() * (cumulative.last ?? 0)
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > x { hi = mid } else { lo = mid + 1 }
        }
        return order[lo]
    }
}
