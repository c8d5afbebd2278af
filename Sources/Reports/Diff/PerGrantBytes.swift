import Analysis
import Model

/// Bytes made once for each role a diff describes (`SnapshotDiff.grants`), found by `GrantedRole.number`: made on two
/// threads before the lines or rows, and shared read-only by the threads that write them. A grant the table does not
/// hold has its bytes made when asked.
struct PerGrantBytes: Sendable {
    private let made: [[UInt8]]
    private let make: @Sendable (GrantedRole) -> [UInt8]

    /// `make` of each of `grants`, the later half on another thread.
    init(_ grants: [GrantedRole], _ make: @escaping @Sendable (GrantedRole) -> [UInt8]) {
        let half = grants.count / 2
        let later = Concurrent { grants[half...].map(make) }
        made = grants[..<half].map(make) + later.value
        self.make = make
    }

    /// Appends `grant`'s bytes.
    func append(_ grant: GrantedRole, to bytes: inout [UInt8]) {
        if made.indices.contains(grant.number) {
            made.withUnsafeBufferPointer { made in bytes.append(borrowing: made[grant.number]) }
        } else {
            bytes.append(contentsOf: make(grant))
        }
    }
}
