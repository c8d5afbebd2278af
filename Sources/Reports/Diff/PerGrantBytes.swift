import Analysis
import Model

/// Bytes made once for each role a diff describes (`SnapshotDiff.grants`), found by `GrantedRole.number`: made on two
/// threads before the lines or rows, and shared read-only by the threads that write them. All of them are one array of
/// bytes and one of offsets, read through pointers: appending a role's bytes retains no array of its own, which both
/// threads would otherwise retain and release for each line. A grant the table does not hold has its bytes made when
/// asked.
struct PerGrantBytes: Sendable {
    /// Each role's bytes, one after another.
    private let bytes: [UInt8]
    /// Where each role's bytes begin, and where the last role's end.
    private let offsets: [Int]
    private let make: @Sendable (GrantedRole) -> [UInt8]

    /// `make` of each of `grants`, the later half on another thread.
    init(_ grants: [GrantedRole], _ make: @escaping @Sendable (GrantedRole) -> [UInt8]) {
        let half = grants.count / 2
        let later = Concurrent { Self.joined(grants[half...], make) }
        let first = Self.joined(grants[..<half], make), second = later.value
        bytes = first.bytes + second.bytes
        offsets = first.offsets.dropLast() + second.offsets.map { $0 + first.bytes.count }
        self.make = make
    }

    /// `make` of each of `grants`, one after another, and where each begins and the last ends.
    private static func joined(_ grants: ArraySlice<GrantedRole>,
                               _ make: (GrantedRole) -> [UInt8]) -> (bytes: [UInt8], offsets: [Int]) {
        var bytes: [UInt8] = [], offsets = [0]
        offsets.reserveCapacity(grants.count + 1)
        for grant in grants {
            bytes += make(grant)
            offsets.append(bytes.count)
        }
        return (bytes, offsets)
    }

    /// Appends `grant`'s bytes.
    func append(_ grant: GrantedRole, to bytes: inout [UInt8]) {
        let number = grant.number
        guard number >= 0 && number + 1 < offsets.count else { return bytes.append(contentsOf: make(grant)) }
        offsets.withUnsafeBufferPointer { offsets in
            self.bytes.withUnsafeBufferPointer { made in
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: made[offsets[number]..<offsets[number + 1]]))
            }
        }
    }
}
