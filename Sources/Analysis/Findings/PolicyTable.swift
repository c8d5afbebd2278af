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

    /// The policies, by row number, read in place from the account's lists: a rule reads the fields it needs
    /// (`id(of:)`, `roleIDs(of:)`, …), and only a whole `Policy` read from here is copied.
    let policies: Policies
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
        var positions = ContiguousArray<Int32>(), rows = ContiguousArray<Row>()
        let count = account.accessPolicies.count + account.authorizationPolicies.count
        positions.reserveCapacity(count)
        rows.reserveCapacity(count)
        var targets = ContiguousArray<PolicyTarget>(), entities = ContiguousArray<FindingEntity>()
        targets.reserveCapacity(count)
        entities.reserveCapacity(count)
        var groups = Numbering(), iamIDs = Numbering()
        var accessRows = 0
        for (list, authorization) in [(account.accessPolicies, false), (account.authorizationPolicies, true)] {
            // Each policy's fields are read in place (`InPlace`): the policy itself is never copied.
            for position in list.indices where InPlace.isActive(list, position) {
                let row = Int32(rows.count)
                // `AccessIndex.target(of:)`'s answer, looked up by id: the policy is not passed (and copied) to find it.
                let target = index.targets[list[position].id] ?? PolicyTarget(list[position], homeAccount: account.accountID)
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
                let subjects = Self.subjectValues(list[position].subject)
                let iamID = subjects.iamID.map { iamIDs.number($0, row: authorization ? nil : row) }
                let group = subjects.group.map { groups.number($0, row: authorization ? nil : row) }
                rows.append(Row(group: group, iamID: iamID, traits: traits))
                positions.append(Int32(position))
                targets.append(target)
                entities.append(FindingEntity(InPlace.isAuthorization(list, position) ? .authorizationPolicy : .accessPolicy,
                                              id: list[position].id, name: list[position].description))
            }
            if !authorization { accessRows = rows.count }
        }
        policies = Policies(access: account.accessPolicies, authorizations: account.authorizationPolicies,
                            positions: positions, accessRows: accessRows)
        self.rows = rows
        self.targets = targets
        self.entities = entities
        (groupIDs, groupNumbers, rowsOfGroupNumber) = (groups.ids, groups.numbers, groups.rows)
        (self.iamIDs, iamIDNumbers, rowsOfIAMIDNumber) = (iamIDs.ids, iamIDs.numbers, iamIDs.rows)
    }

    /// The first string value of a policy's `iam_id` and `access_group_id` subject attributes
    /// (`Policy.subjectValue(_:)` of each), found in one pass without making a list of each attribute's values.
    private static func subjectValues(_ subject: [PolicyAttribute]) -> (iamID: String?, group: String?) {
        var iamID: String??, group: String??
        for attribute in subject where (attribute.key == "iam_id" && iamID == nil) || (attribute.key == "access_group_id" && group == nil) {
            let first: String?
            switch attribute.value {
            case .string(let text): first = text
            case .list(let list): first = list.first
            case .bool: first = nil
            }
            if attribute.key == "iam_id" { iamID = first } else { group = first }
        }
        return (iamID ?? nil, group ?? nil)
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

    /// The rows of the active access policies naming the IAM id numbered `number` (in `iamIDs`).
    func rows(ofIAMIDNumber number: Int32) -> [Int32] { rowsOfIAMIDNumber[Int(number)] }

    /// The rows of the active access policies naming the access group numbered `number` (in `groupIDs`).
    func rows(ofGroupNumber number: Int32) -> [Int32] { rowsOfGroupNumber[Int(number)] }

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
