/// Numbers distinct keys in the order they are first seen: what a diff groups by many times is hashed once, then
/// compared as a number.
struct Numbering<Key: Hashable> {
    private var numbers: [Key: Int] = [:]

    /// The number of `key`: the same for equal keys.
    mutating func number(_ key: Key) -> Int {
        if let known = numbers[key] { return known }
        let number = numbers.count
        numbers[key] = number
        return number
    }
}
