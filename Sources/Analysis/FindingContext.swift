import Foundation
import Model

/// What the findings rules share: the account's index, the report's inputs, every subject's effective access
/// (computed once), and how entities are named in findings.
struct FindingContext: Sendable {
    let index: AccessIndex
    /// "Now" for inactivity: the option, else the snapshot's `fetched_at` (nil when neither is a valid time).
    let asOf: Date?
    let inactiveDays: Int
    /// Every IAM id that is an identity of the snapshot or the subject of a membership, policy or profile identity,
    /// sorted.
    let subjects: [String]
    /// What each path source's policies grant in administration terms (sources granting none left out): found once,
    /// so that a subject's administration costs one lookup per path it has rather than a look at every grant.
    private let administration: [AccessPath.Source: AdministrativePolicies]

    var account: IAMAccount { index.account }

    /// Why time-based rules cannot run without a reference time.
    static let noReferenceTime = "no reference time: the snapshot's fetched_at is not a valid time and none was given"

    init(_ index: AccessIndex, options: FindingsOptions) {
        self.index = index
        asOf = options.asOf ?? index.account.fetchedAt.date
        inactiveDays = options.inactiveDays
        var subjects = Set(index.account.identities.map(\.iamID))
        subjects.formUnion(index.policiesOfIAMID.keys)
        subjects.formUnion(index.groupsOfMember.keys)
        subjects.formUnion(index.profilesAssumableBy.keys)
        self.subjects = subjects.sorted()
        var administration: [AccessPath.Source: AdministrativePolicies] = [:]
        let sources = index.policiesOfIAMID.keys.map { AccessPath.Source.subject(iamID: $0) }
            + index.policiesOfGroup.keys.map { AccessPath.Source.accessGroup(id: $0) }
        for source in sources {
            let policies = AdministrativePolicies(index.policies(of: source), in: index)
            if !policies.isEmpty { administration[source] = policies }
        }
        self.administration = administration
    }

    /// The paths of a subject (Public Access included) to sources with administrative policies, ordered by path
    /// description, each path once.
    func administrativePaths(of iamID: String) -> [(path: AccessPath, policies: AdministrativePolicies)] {
        var seen = Set<[AccessStep]>()
        return (index.paths(of: iamID) + [AccessIndex.publicAccessPath])
            .compactMap { path in administration[path.source].map { (path: path, policies: $0) } }
            .filter { seen.insert($0.path.steps).inserted }
            .map { (key: $0.path.steps.pathDescription, held: $0) }
            .sorted { $0.key < $1.key }
            .map(\.held)
    }

    /// Every grant of one subject (for the few rules that need all of them, for a few subjects).
    func grants(of iamID: String) -> [Grant] {
        EffectiveAccess.grants(of: iamID, in: index)
    }

    // MARK: Entities

    /// The identity an IAM id stands for, by the id its collection uses (`ServiceId-…`, `Profile-…`, users' IAM id).
    func identity(_ iamID: String) -> FindingEntity {
        let name = index.name(ofIAMID: iamID)
        switch account.identity(iamID: iamID) {
        case .serviceID(let serviceID): return FindingEntity(.serviceID, id: serviceID.id, name: name)
        case .trustedProfile(let profile): return FindingEntity(.trustedProfile, id: profile.id, name: name)
        case .user, nil:
            let kind: FindingEntity.Kind = switch SubjectKind(iamID: iamID, in: account) {
            case .user: .user
            case .serviceID: .serviceID
            case .trustedProfile: .trustedProfile
            }
            return FindingEntity(kind, id: iamID, name: name)
        }
    }

    func group(_ id: String) -> FindingEntity {
        FindingEntity(.accessGroup, id: id, name: account.groupsByID[id]?.name)
    }

    func policy(_ policy: Policy) -> FindingEntity {
        FindingEntity(policy.isAuthorization ? .authorizationPolicy : .accessPolicy, id: policy.id, name: policy.description)
    }

    func instance(_ guid: String) -> FindingEntity {
        FindingEntity(.serviceInstance, id: guid, name: account.instancesByGUID[guid]?.name)
    }

    /// The subject of an access policy: its access group or identity.
    func subject(of policy: Policy) -> FindingEntity? {
        if let group = policy.subjectValue("access_group_id") { return self.group(group) }
        return policy.subjectValue("iam_id").map(identity)
    }

    // MARK: Text

    /// "Viewer, Reader on Instance pg-orders (a7ae…) of databases-for-postgresql".
    func grantText(_ policy: Policy) -> String {
        "\(index.roleNames(of: policy)) on \(index.label(of: index.target(of: policy)))"
    }

    /// Whole days from `date` to the report's time.
    func daysBefore(_ date: Date) -> Int? {
        asOf.map { Int(($0.timeIntervalSince(date) / 86_400).rounded(.down)) }
    }

    /// Whether `date` lies at least `inactiveDays` days before the report's time.
    func isInactive(since date: Date) -> Bool {
        guard let days = daysBefore(date) else { return false }
        return days >= inactiveDays
    }
}
