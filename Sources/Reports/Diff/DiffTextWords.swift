import Analysis
import Model

extension DiffText {
    /// The words of each role a diff describes (`SnapshotDiff.grants`) in its changes' sentences, cleaned for a
    /// terminal once, by `GrantedRole.number`: "Administrator on kms in resource group prod" and " (policy 1c2f3a4b)".
    /// Made on two threads before the lines, and shared read-only by the threads that write them.
    struct RoleWords: Sendable {
        private let roleOnTarget: [[UInt8]]
        private let policyNote: [[UInt8]]

        init(_ grants: [GrantedRole]) {
            let half = grants.count / 2
            let later = Concurrent { (grants[half...].map(Self.roleOnTarget), grants[half...].map(Self.policyNote)) }
            roleOnTarget = grants[..<half].map(Self.roleOnTarget) + later.value.0
            policyNote = grants[..<half].map(Self.policyNote) + later.value.1
        }

        /// `grant`'s role on its target, cleaned.
        func appendRoleOnTarget(_ grant: GrantedRole, to bytes: inout [UInt8]) {
            if roleOnTarget.indices.contains(grant.number) {
                bytes.append(contentsOf: roleOnTarget[grant.number])
            } else {
                bytes.append(contentsOf: Self.roleOnTarget(grant))
            }
        }

        /// `grant`'s policy note, cleaned.
        func appendPolicyNote(_ grant: GrantedRole, to bytes: inout [UInt8]) {
            if policyNote.indices.contains(grant.number) {
                bytes.append(contentsOf: policyNote[grant.number])
            } else {
                bytes.append(contentsOf: Self.policyNote(grant))
            }
        }

        private static func roleOnTarget(_ grant: GrantedRole) -> [UInt8] { cleaned(grant.roleOnTarget) }

        private static func policyNote(_ grant: GrantedRole) -> [UInt8] { cleaned(grant.policyNote) }

        private static func cleaned(_ text: String) -> [UInt8] {
            var bytes: [UInt8] = []
            _ = TerminalText.append(text, to: &bytes)
            return bytes
        }
    }
}
