import Model

/// The account's active policies numbered once for the findings rules: each policy's target, subject and the traits
/// the rules test, resolved in one pass, so that a rule walks small rows of integers and flags instead of copying
/// every `Policy` and hashing its id to find its target.
///
/// Rows are numbered in the order rules always walked the policies: active access policies, then active
/// authorizations, each in the account's order. A row's target is `AccessIndex.target(of:)`'s, so rules see the
/// same targets as every other analysis, whatever the snapshot's ids (even duplicate ones) are.
///
/// A class, immutable once made: the rules on both threads read one table, and handing it to a rule retains one
/// object rather than each of its lists.
final class PolicyTable: Sendable {
    /// What the rules test of a policy, worked out once.
    struct Traits: OptionSet, Sendable {
        let rawValue: UInt16
        /// A service-to-service authorization (else an access policy).
        static let authorization = Traits(rawValue: 1 << 0)
        /// Its target's attributes or tags use `stringMatch` wildcards (`PolicyTarget.usesWildcards`).
        static let usesWildcards = Traits(rawValue: 1 << 1)
        /// Its target's `accountId` names another account (`PolicyTarget.isForeign(to:)`).
        static let foreign = Traits(rawValue: 1 << 2)
        /// A resource attribute is `serviceInstance`: the policy may name an instance the account lacks.
        static let namesInstance = Traits(rawValue: 1 << 3)
        /// It grants a role ending in `:role:Administrator` or `:serviceRole:Manager` (`AdministrationFindings`).
        static let administratorOrManager = Traits(rawValue: 1 << 4)
        /// It grants the Viewer platform role or the Reader service role (`GroupFindings.isViewerOrReader`).
        static let viewerOrReader = Traits(rawValue: 1 << 5)
    }

    /// One active policy: whom it is for, and its traits.
    struct Row: Sendable {
        /// The policy's `access_group_id` subject, as a position in `groupIDs`.
        let group: Int32?
        /// The policy's `iam_id` subject, as a position in `iamIDs` (a hostile policy may name both).
        let iamID: Int32?
        let traits: Traits
    }

    /// The policies, by row number.
    let policies: ContiguousArray<Policy>
    /// What the rules test of each policy, by row number.
    let rows: ContiguousArray<Row>
    /// Each policy's target, by row number.
    let targets: ContiguousArray<PolicyTarget>
    /// Each policy as findings name it, by row number (made once: a finding naming a row then copies no `Policy`).
    let entities: ContiguousArray<FindingEntity>
    /// The access group ids and the IAM ids that policies name as their subjects, each once.
    let groupIDs: [String], iamIDs: [String]
    /// The positions of `groupIDs` and `iamIDs`.
    private let groupNumbers: [String: Int32], iamIDNumbers: [String: Int32]
    /// The rows of the active access policies naming each of `groupIDs` and `iamIDs`, by its position.
    private let rowsOfGroupNumber: [[Int32]], rowsOfIAMIDNumber: [[Int32]]

    init(_ index: AccessIndex) {
        let account = index.account
        var policies = ContiguousArray<Policy>(), rows = ContiguousArray<Row>()
        let count = account.accessPolicies.count + account.authorizationPolicies.count
        policies.reserveCapacity(count)
        rows.reserveCapacity(count)
        var targets = ContiguousArray<PolicyTarget>(), entities = ContiguousArray<FindingEntity>()
        targets.reserveCapacity(count)
        entities.reserveCapacity(count)
        var groups = Numbering(), iamIDs = Numbering()
        for (list, authorization) in [(account.accessPolicies, false), (account.authorizationPolicies, true)] {
            for position in list.indices where list[position].isActive {
                let row = Int32(rows.count)
                let target = index.target(of: list[position])
                var traits: Traits = []
                if target.usesWildcards { traits.insert(.usesWildcards) }
                if target.isForeign(to: account.accountID) { traits.insert(.foreign) }
                if authorization { traits.insert(.authorization) }
                if list[position].resource.contains(where: { $0.key == "serviceInstance" }) { traits.insert(.namesInstance) }
                let roleIDs = list[position].roleIDs
                if roleIDs.contains(where: { AdministrationFindings.isAdministrator($0) || AdministrationFindings.isManager($0) }) {
                    traits.insert(.administratorOrManager)
                }
                if roleIDs.contains(where: GroupFindings.isViewerOrReader) { traits.insert(.viewerOrReader) }
                // An authorization's subject is a service, but a hostile one may name an IAM id or group too: it is
                // named (as `subject(of:)` always did) but reaches no one, as in `AccessIndex`.
                let iamID = list[position].subjectValue("iam_id").map { iamIDs.number($0, row: authorization ? nil : row) }
                let group = list[position].subjectValue("access_group_id").map { groups.number($0, row: authorization ? nil : row) }
                rows.append(Row(group: group, iamID: iamID, traits: traits))
                policies.append(list[position])
                targets.append(target)
                entities.append(FindingEntity(list[position]))
            }
        }
        self.policies = policies
        self.rows = rows
        self.targets = targets
        self.entities = entities
        (groupIDs, groupNumbers, rowsOfGroupNumber) = (groups.ids, groups.numbers, groups.rows)
        (self.iamIDs, iamIDNumbers, rowsOfIAMIDNumber) = (iamIDs.ids, iamIDs.numbers, iamIDs.rows)
    }

    /// Ids numbered in the order first met, with the rows of access policies naming each.
    private struct Numbering {
        var ids: [String] = []
        var numbers: [String: Int32] = [:]
        var rows: [[Int32]] = []

        /// The number of `id`, adding `row` (when given) to its rows.
        mutating func number(_ id: String, row: Int32?) -> Int32 {
            let number = numbers[id] ?? Int32(ids.count)
            if number == ids.count {
                ids.append(id)
                numbers[id] = number
                rows.append([])
            }
            if let row { rows[Int(number)].append(row) }
            return number
        }
    }

    /// The target of a row's policy.
    func target(of row: Int32) -> PolicyTarget { targets[Int(row)] }

    /// The access group a row's policy names as its subject, if any.
    func group(of row: Int32) -> String? {
        rows[Int(row)].group.map { groupIDs[Int($0)] }
    }

    /// The IAM id a row's policy names as its subject, if any.
    func iamID(of row: Int32) -> String? {
        rows[Int(row)].iamID.map { iamIDs[Int($0)] }
    }

    /// The rows of the active access policies assigned to an access group (as `AccessIndex.policiesOfGroup`), `nil`
    /// when none is.
    func rows(ofGroup id: String) -> [Int32]? {
        groupNumbers[id].flatMap { rowsOfGroupNumber[Int($0)].isEmpty ? nil : rowsOfGroupNumber[Int($0)] }
    }

    /// The rows of the active access policies assigned to an IAM id (as `AccessIndex.policiesOfIAMID`), `nil` when
    /// none is.
    func rows(ofIAMID iamID: String) -> [Int32]? {
        iamIDNumbers[iamID].flatMap { rowsOfIAMIDNumber[Int($0)].isEmpty ? nil : rowsOfIAMIDNumber[Int($0)] }
    }

    /// The rows of the active access policies of a path's source.
    func rows(of source: AccessPath.Source) -> [Int32] {
        switch source {
        case .subject(let iamID): rows(ofIAMID: iamID) ?? []
        case .accessGroup(let id): rows(ofGroup: id) ?? []
        }
    }

    /// The rows whose traits include `traits`, in order.
    func rows(with traits: Traits) -> [Int32] {
        rows.indices.compactMap { rows[$0].traits.isSuperset(of: traits) ? Int32($0) : nil }
    }
}
