import Analysis
import Model

extension DiffText {
    /// The words of each role a diff describes (`SnapshotDiff.grants`) in its changes' sentences, cleaned for a
    /// terminal once, by `GrantedRole.number`: "Administrator on kms in resource group prod" and " (policy 1c2f3a4b)".
    /// Made on two threads before the lines, and shared read-only by the threads that write them.
    struct RoleWords: Sendable {
        /// Each grant's role on its target, cleaned.
        let roleOnTarget: PerGrantBytes
        /// Each grant's policy note, cleaned.
        let policyNote: PerGrantBytes

        init(_ grants: [GrantedRole]) {
            roleOnTarget = PerGrantBytes(grants, Self.roleOnTarget)
            policyNote = PerGrantBytes(grants, Self.policyNote)
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
