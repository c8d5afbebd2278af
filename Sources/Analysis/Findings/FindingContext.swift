import Foundation
import Model

/// What the findings rules share: the account's index, the report's inputs, every subject's effective access
/// (computed once), and how entities are named in findings.
struct FindingContext: Sendable {
    let index: AccessIndex
    /// The account `index` indexes, held as a stored property: rules read it in their loops, and a computed property
    /// would hand each of them a copy of the whole struct (a retain and release of every collection it holds).
    let account: IAMAccount
    /// "Now" for inactivity: the option, else the snapshot's `fetched_at` (nil when neither is a valid time).
    let asOf: Date?
    let inactiveDays: Int
    /// The report's thresholds (API keys, administrator counts).
    let options: FindingsOptions
    /// The active policies numbered once, with their targets, subjects and traits: what every rule that walks
    /// policies reads (found the first time one asks; `RuleEvaluation` makes it a job of its own).
    private let policyTable: ComputedOnce<PolicyTable>
    /// What the administration rules read, found the first time one of them asks (rules run side by side, and the
    /// costly ones that run beside the others do not read it).
    private var administration: ComputedOnce<Administration>
    /// The rows of active access and authorization policies ordered by last use (never-used first, by id, then the
    /// least recently used), sorted once for the usage rules and the report; `nil` when no policy carries usage data.
    private let byLastUse: ComputedOnce<[Int32]?>
    /// What each row of `policies` grants (`grantText(_:)`), made once for the rules and the listing by last use that
    /// name the policy.
    private let grantTexts: ComputedPerNumber<String>
    /// The entity of each access group and IAM id that `policies` numbers as a policy's subject, by its number there
    /// (`subject(of:)`), made once for all the findings that name it.
    private let groupEntities: ComputedPerNumber<FindingEntity>, iamIDEntities: ComputedPerNumber<FindingEntity>
    /// The identity each IAM id stands for (`identity(_:)`), made once for all the findings that name it.
    private let identities: ComputedPerKey<String, FindingEntity>
    /// The identity of each of `subjects`, by its position there (`identity(ofSubject:)`), made once for all the
    /// findings that name it.
    private let subjectEntities: ComputedPerNumber<FindingEntity>

    /// A path of a subject to a source with administrative policies, with the path's description ("direct", "access
    /// group Ops") that findings sort and group by, and its number: paths with the same steps to the same source have
    /// the same number, so that subjects whose paths have the same numbers hold the same administration (and the
    /// administration rules describe it once).
    typealias AdministrativePath = (path: AccessPath, description: String, policies: AdministrativePolicies, number: Int32)

    /// What each path source's policies grant in administration terms, and each subject's paths to such sources.
    private struct Administration: Sendable {
        /// Sources granting no administration left out: a subject's administration then costs one lookup per path
        /// it has rather than a look at every grant.
        var bySource: [AccessPath.Source: AdministrativePolicies] = [:]
        /// The administrative paths (see `administrativePaths(of:)`) of each subject that has one besides Public
        /// Access: its own policies, an access group's or a trusted profile's grant administration.
        var pathsOfSubject: [String: [AdministrativePath]] = [:]
        /// The administrative paths of every other IAM id: Public Access's, when its policies grant administration.
        var everyoneElse: [AdministrativePath] = []
        /// The positions in `subjects` of those whose paths make them account administrators
        /// (`AdministrationFindings.administers`), in order.
        var administrators: [Int32] = []

        /// The administration of every source and subject of `index`, whose policies `table` numbers. Only the IAM
        /// ids that an administrative source's subject, members or profiles can reach have their paths looked at:
        /// the paths of every other one lead nowhere administrative but to Public Access.
        init(_ index: AccessIndex, _ table: PolicyTable) {
            let sources = index.policiesOfIAMID.keys.map { AccessPath.Source.subject(iamID: $0) }
                + index.policiesOfGroup.keys.map { AccessPath.Source.accessGroup(id: $0) }
            for source in sources {
                let policies = AdministrativePolicies(table.rows(of: source), in: table, index)
                if !policies.isEmpty { bySource[source] = policies }
            }
            var numbers: [AccessPath: Int32] = [:]
            func numbered(_ paths: [(path: AccessPath, description: String, policies: AdministrativePolicies)]) -> [AdministrativePath] {
                paths.map { path in
                    let number = numbers[path.path] ?? Int32(numbers.count)
                    if number == numbers.count { numbers[path.path] = number }
                    return (path: path.path, description: path.description, policies: path.policies, number: number)
                }
            }
            let bySource = bySource
            everyoneElse = numbered(FindingContext.administrativePaths(of: nil, in: index, bySource))
            for iamID in Self.reaching(bySource, in: index.account) {
                pathsOfSubject[iamID] = numbered(FindingContext.administrativePaths(of: iamID, in: index, bySource))
            }
            let subjects = index.subjects
            administrators = subjects.indices.compactMap { position in
                AdministrationFindings.administers(pathsOfSubject[subjects[position]] ?? everyoneElse) ? Int32(position) : nil
            }
        }

        /// Nothing: what a report keeps once its rules have run.
        init() {}

        /// The IAM ids that may have an administrative path besides Public Access (more may be listed than have one):
        /// subjects of administrative sources, members of administrative access groups, and whoever may assume a
        /// trusted profile that is either.
        private static func reaching(_ bySource: [AccessPath.Source: AdministrativePolicies], in account: IAMAccount) -> Set<String> {
            var direct = Set<String>(), groups = Set<String>()
            for source in bySource.keys {
                switch source {
                case .subject(let iamID): direct.insert(iamID)
                case .accessGroup(let id): groups.insert(id)
                }
            }
            for group in account.accessGroups where groups.contains(group.id) {
                for member in group.members { direct.insert(member.iamID) }
            }
            var reaching = direct
            for profile in account.trustedProfiles where direct.contains(profile.iamID) {
                for identity in profile.identities { reaching.insert(identity.iamID) }
            }
            return reaching
        }
    }

    /// Every IAM id that is an identity of the snapshot or the subject of a membership, policy or profile identity,
    /// sorted (`AccessIndex.subjects`: made once, the first time a rule or the escalation graph asks).
    var subjects: [String] { index.subjects }

    /// The account's active policies, access policies first, then authorization policies, numbered (see
    /// `PolicyTable`).
    var policies: PolicyTable { policyTable.value }

    /// The rows of active policies ordered by last use, never-used first; `nil` when no policy carries usage data.
    var policiesByLastUse: [Int32]? { byLastUse.value }

    /// Why time-based rules cannot run without a reference time.
    static let noReferenceTime = "no reference time: the snapshot's fetched_at is not a valid time and none was given"

    init(_ index: AccessIndex, options: FindingsOptions) {
        self.index = index
        account = index.account
        asOf = options.asOf ?? index.account.fetchedAt.date
        inactiveDays = options.inactiveDays
        self.options = options
        let policyTable = ComputedOnce { PolicyTable(index) }
        self.policyTable = policyTable
        administration = ComputedOnce { Administration(index, policyTable.value) }
        byLastUse = ComputedOnce {
            PolicyUsageFindings.hasUsageData(index.account) ? PolicyUsageFindings.policiesByLastUse(policyTable.value) : nil
        }
        grantTexts = ComputedPerNumber { row in Self.grantText(row, in: policyTable.value, index) }
        groupEntities = ComputedPerNumber { number in Self.group(policyTable.value.groupIDs[Int(number)], in: index.account) }
        iamIDEntities = ComputedPerNumber { number in Self.identity(policyTable.value.iamIDs[Int(number)], in: index) }
        identities = ComputedPerKey { iamID in Self.identity(iamID, in: index) }
        subjectEntities = ComputedPerNumber { position in Self.identity(index.subjects[Int(position)], in: index) }
    }

    /// The context as a report keeps it once its rules have run, to describe its policies by last use: without the
    /// administration of every source and subject, which only the rules read.
    var afterRules: FindingContext {
        var kept = self
        kept.administration = ComputedOnce { Administration() }
        return kept
    }

    /// Numbers the policies now, unless a rule already asked for them (`RuleEvaluation` makes it a job of its own, so
    /// that `report --timings` shows its cost apart).
    func preparePolicies() {
        _ = policyTable.value
    }

    /// Finds the administration of every source and subject now, unless a rule already asked for it (`RuleEvaluation`
    /// makes it a job of its own, so that `report --timings` shows its cost apart).
    func prepareAdministration() {
        _ = administration.value
    }

    /// The subjects `account-administrator` reports, by position in `subjects`, in order: those whose administrative
    /// paths hold Administrator on all account management services or on all IAM-enabled services.
    var administrators: [Int32] { administration.value.administrators }

    /// The paths of a subject (Public Access included) to sources with administrative policies, ordered by path
    /// description, each path once.
    func administrativePaths(of iamID: String) -> [AdministrativePath] {
        let administration = administration.value
        return administration.pathsOfSubject[iamID] ?? administration.everyoneElse
    }

    /// The administrative paths of `iamID` (`nil`: of an IAM id with no path but Public Access's), not yet numbered.
    fileprivate static func administrativePaths(of iamID: String?, in index: AccessIndex,
                                                _ administration: [AccessPath.Source: AdministrativePolicies])
    -> [(path: AccessPath, description: String, policies: AdministrativePolicies)] {
        var seen = Set<[AccessStep]>()
        return ((iamID.map { index.paths(of: $0) { administration[$0] != nil } } ?? []) + [AccessIndex.publicAccessPath])
            .compactMap { path -> (path: AccessPath, description: String, policies: AdministrativePolicies)? in
                guard let policies = administration[path.source], seen.insert(path.steps).inserted else { return nil }
                return (path: path, description: path.steps.pathDescription, policies: policies)
            }
            .sorted { $0.description < $1.description }
    }

    /// Every grant of one subject (for the few rules that need all of them, for a few subjects).
    func grants(of iamID: String) -> [Grant] {
        EffectiveAccess.grants(of: iamID, in: index)
    }

    // MARK: Entities

    /// The identity an IAM id stands for, by the id its collection uses (`ServiceId-…`, `Profile-…`, users' IAM id).
    func identity(_ iamID: String) -> FindingEntity { identities[iamID] }

    /// The identity of the subject at `position` in `subjects` (as `identity(_:)` names it).
    func identity(ofSubject position: Int32) -> FindingEntity { subjectEntities[position] }

    private static func identity(_ iamID: String, in index: AccessIndex) -> FindingEntity {
        let name = index.name(ofIAMID: iamID), account = index.account
        switch account.identity(iamID: iamID) {
        case .serviceID(let serviceID): return FindingEntity(.serviceID, id: serviceID.id, name: name)
        case .trustedProfile(let profile): return FindingEntity(.trustedProfile, id: profile.id, name: name)
        case .user: return FindingEntity(.user, id: iamID, name: name)
        case nil: return FindingEntity(FindingEntity.kind(of: SubjectKind(iamID: iamID, in: account)), id: iamID, name: name)
        }
    }

    func group(_ id: String) -> FindingEntity { Self.group(id, in: account) }

    private static func group(_ id: String, in account: IAMAccount) -> FindingEntity {
        FindingEntity(.accessGroup, id: id, name: account.groupsByID[id]?.name)
    }

    func policy(_ policy: Policy) -> FindingEntity { FindingEntity(policy) }

    /// The policy of a row of `policies`.
    func policy(_ row: Int32) -> FindingEntity { policies.entities[Int(row)] }

    func instance(_ guid: String) -> FindingEntity {
        FindingEntity(.serviceInstance, id: guid, name: account.instancesByGUID[guid]?.name)
    }

    /// The subject of a row's access policy: its access group or identity.
    func subject(of row: Int32) -> FindingEntity? {
        if let group = policies.rows[Int(row)].group { return groupEntities[group] }
        return identity(ofRow: row)
    }

    /// The identity a row's policy names as its `iam_id` subject, if any (as `identity(_:)` names it).
    func identity(ofRow row: Int32) -> FindingEntity? {
        policies.rows[Int(row)].iamID.map { iamIDEntities[$0] }
    }

    // MARK: Text

    /// "Viewer, Reader on Instance pg-orders (a7ae…) of databases-for-postgresql": what a row's policy grants.
    func grantText(_ row: Int32) -> String { grantTexts[row] }

    private static func grantText(_ row: Int32, in policies: PolicyTable, _ index: AccessIndex) -> String {
        "\(index.roleNames(of: policies.policies[Int(row)])) on \(index.label(of: policies.target(of: row)))"
    }

    /// Whole days from `date` to the report's time.
    func daysBefore(_ date: Date) -> Int? {
        asOf.map { Int(($0.timeIntervalSince(date) / 86_400).rounded(.down)) }
    }

    /// Whether `date` lies at least `days` (by default `inactiveDays`) days before the report's time.
    func isInactive(since date: Date, days limit: Int? = nil) -> Bool {
        guard let days = daysBefore(date) else { return false }
        return days >= (limit ?? inactiveDays)
    }
}
