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
    private var administrationTable: ComputedOnce<Administration>
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
        administrationTable = ComputedOnce { Administration(index, policyTable.value) }
        byLastUse = ComputedOnce {
            PolicyUsageFindings.hasUsageData(index.account) ? PolicyUsageFindings.policiesByLastUse(policyTable.value) : nil
        }
        grantTexts = ComputedPerNumber { row in Self.grantText(row, in: policyTable.value, index) }
        groupEntities = ComputedPerNumber { number in Self.group(policyTable.value.groupIDs[Int(number)], in: index.account) }
        // An identity among the subjects is made once, by its position there, whichever way a rule asks for it.
        let subjectEntities = ComputedPerNumber { position in Self.identity(index.subjects[Int(position)], in: index) }
        self.subjectEntities = subjectEntities
        @Sendable func identity(_ iamID: String) -> FindingEntity {
            Self.position(of: iamID, in: index.subjects).map { subjectEntities[$0] } ?? Self.identity(iamID, in: index)
        }
        iamIDEntities = ComputedPerNumber { number in identity(policyTable.value.iamIDs[Int(number)]) }
        identities = ComputedPerKey { iamID in identity(iamID) }
    }

    /// The context as a report keeps it once its rules have run, to describe its policies by last use: without the
    /// administration of every source and subject, which only the rules read.
    var afterRules: FindingContext {
        var kept = self
        kept.administrationTable = ComputedOnce { Administration() }
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
        _ = administrationTable.value
    }

    /// Every subject's paths to sources with administrative policies (Public Access's included), each path once,
    /// ordered by description; and the administrators.
    var administration: Administration { administrationTable.value }

    /// The subjects `account-administrator` reports, by position in `subjects`, in order: those whose administrative
    /// paths hold Administrator on all account management services or on all IAM-enabled services.
    var administrators: [Int32] { administration.administrators }

    /// Every grant of one subject (for the few rules that need all of them, for a few subjects).
    func grants(of iamID: String) -> [Grant] {
        EffectiveAccess.grants(of: iamID, in: index)
    }

    // MARK: Entities

    /// The identity an IAM id stands for, by the id its collection uses (`ServiceId-…`, `Profile-…`, users' IAM id).
    func identity(_ iamID: String) -> FindingEntity { identities[iamID] }

    /// The identity of the subject at `position` in `subjects` (as `identity(_:)` names it).
    func identity(ofSubject position: Int32) -> FindingEntity { subjectEntities[position] }

    /// The position of `iamID` in `subjects` (which are sorted), if it is there.
    private static func position(of iamID: String, in subjects: [String]) -> Int32? {
        var low = 0, high = subjects.count
        while low < high {
            let middle = low + (high - low) / 2
            if subjects[middle] < iamID { low = middle + 1 } else { high = middle }
        }
        return low < subjects.count && subjects[low] == iamID ? Int32(low) : nil
    }

    /// The entity of an IAM id: its identity looked up once, for its kind, its id and its name
    /// (`AccessIndex.name(ofIAMID:)`).
    private static func identity(_ iamID: String, in index: AccessIndex) -> FindingEntity {
        guard let identity = index.account.identity(iamID: iamID) else {
            return FindingEntity(FindingEntity.kind(of: SubjectKind(unlistedIAMID: iamID)), id: iamID,
                                 name: index.memberName(ofIAMID: iamID))
        }
        let name = index.name(of: identity, iamID: iamID)
        switch identity {
        case .serviceID(let serviceID): return FindingEntity(.serviceID, id: serviceID.id, name: name)
        case .trustedProfile(let profile): return FindingEntity(.trustedProfile, id: profile.id, name: name)
        case .user: return FindingEntity(.user, id: iamID, name: name)
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
        // `AccessIndex.roleNames(of:)` and `label(of:)` of the row's fields read in place, not of copies of its policy
        // and target.
        policies.policies.roleIDs(of: row).map { index.roleName($0) }.joined(separator: ", ")
            + " on " + policies.targets[Int(row)].label(resourceGroupName: { index.account.resourceGroupsByID[$0]?.name },
                                                         instanceName: { index.account.instancesByGUID[$0]?.name },
                                                         homeAccount: index.account.accountID)
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
