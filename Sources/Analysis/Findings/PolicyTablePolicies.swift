import Model

extension PolicyTable {
    /// The active policies by row number, read in place from the account's two lists (access policies, then
    /// authorizations): the table holds each row's position, not a copy of its policy.
    ///
    /// Reading a whole `Policy` (the subscript) copies it; the rules read the fields they test (`id(of:)`,
    /// `roleIDs(of:)`, …), which copy only that field.
    struct Policies: RandomAccessCollection, Sendable {
        /// The account's access policies and authorizations.
        private let access: [Policy], authorizations: [Policy]
        /// Each row's position in its list.
        private let positions: ContiguousArray<Int32>
        /// The rows from `access`; the rows after them are from `authorizations`.
        private let accessRows: Int

        init(access: [Policy], authorizations: [Policy], positions: ContiguousArray<Int32>, accessRows: Int) {
            self.access = access
            self.authorizations = authorizations
            self.positions = positions
            self.accessRows = accessRows
        }

        var startIndex: Int { 0 }
        var endIndex: Int { positions.count }

        /// The policy of a row, copied.
        subscript(row: Int) -> Policy {
            row < accessRows ? access[Int(positions[row])] : authorizations[Int(positions[row])]
        }

        /// The policy's id.
        func id(of row: Int32) -> String {
            let (isAccess, position) = place(row)
            return isAccess ? access[position].id : authorizations[position].id
        }

        /// The role CRNs the policy grants.
        func roleIDs(of row: Int32) -> [String] {
            let (isAccess, position) = place(row)
            return isAccess ? access[position].roleIDs : authorizations[position].roleIDs
        }

        /// The policy's resource attributes.
        func resource(of row: Int32) -> [PolicyAttribute] {
            let (isAccess, position) = place(row)
            return isAccess ? access[position].resource : authorizations[position].resource
        }

        /// When the policy was created.
        func createdAt(of row: Int32) -> Timestamp? {
            let (isAccess, position) = place(row)
            return isAccess ? access[position].createdAt : authorizations[position].createdAt
        }

        /// When the policy last permitted a request (from the volatile area).
        func lastPermitAt(of row: Int32) -> Timestamp? {
            let (isAccess, position) = place(row)
            return isAccess ? access[position].lastPermitAt : authorizations[position].lastPermitAt
        }

        /// How many requests the policy permitted (from the volatile area).
        func lastPermitFrequency(of row: Int32) -> Int? {
            let (isAccess, position) = place(row)
            return isAccess ? access[position].lastPermitFrequency : authorizations[position].lastPermitFrequency
        }

        /// Whether the policy has a rule (a condition).
        func isConditional(_ row: Int32) -> Bool {
            let (isAccess, position) = place(row)
            return isAccess ? access[position].rule != nil : authorizations[position].rule != nil
        }

        /// Which list a row's policy is in, and its position there.
        private func place(_ row: Int32) -> (isAccess: Bool, position: Int) {
            (Int(row) < accessRows, Int(positions[Int(row)]))
        }
    }
}
