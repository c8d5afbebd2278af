import Model

/// Who administers what: each subject's paths to sources whose policies grant administration, for the
/// administration rules (`account-administrator`, `can-assign-access` and the two counts).
///
/// Paths are numbered once for the account (`paths`), and each subject holds a list of path numbers (`lists`,
/// numbered too): subjects with the same list hold the same administration through the same groups and profiles, so a
/// rule describes a list once for all of them, and a path's text is made once for every subject holding it.
/// A subject's list is what `AccessIndex.paths(of:)` and Public Access's path give, less the paths to sources that
/// grant no administration, each path once (the first), ordered by description.
///
/// A class, immutable once made: the rules on both threads read one table, and handing it to a rule retains one
/// object rather than each of its lists.
final class Administration: Sendable {
    /// Every administrative path some subject holds, by number.
    let paths: [AdministrativePath]
    /// The distinct lists of path numbers subjects hold, each ordered by the paths' descriptions.
    let lists: [[Int32]]
    /// The number of each subject's list in `lists`, by the subject's position in `AccessIndex.subjects`.
    let listOfSubject: [Int32]
    /// The number of the list of an IAM id that is not among the subjects: Public Access's path, when its policies
    /// grant administration, else none.
    let everyoneElse: Int32
    /// The positions in `AccessIndex.subjects` of those whose paths make them account administrators
    /// (`AdministrationFindings.administers`), in order.
    let administrators: [Int32]

    /// The administration of every subject of `index`, whose policies `table` numbers.
    init(_ index: AccessIndex, _ table: PolicyTable) {
        var numbering = PathNumbering(index, table)
        let subjects = index.subjects
        // Each subject's paths, each once (the first), in the order `AccessIndex.paths(of:)` gives them, then Public
        // Access's; ordered once every path's description is known.
        var unordered: [[Int32]] = []
        unordered.reserveCapacity(subjects.count)
        for iamID in subjects {
            var numbers = numbering.ownPaths(of: iamID)
            for profile in index.profilesAssumableBy[iamID] ?? [] where profile.iamID != iamID {
                numbers += numbering.paths(through: profile)
            }
            if let publicAccess = numbering.publicAccess { numbers.append(publicAccess) }
            unordered.append(Self.firstOfEach(numbers))
        }
        paths = numbering.paths
        let rank = Self.rankByDescription(paths)
        var listNumbers: [[Int32]: Int32] = [:], lists: [[Int32]] = []
        func number(_ list: [Int32]) -> Int32 {
            if let known = listNumbers[list] { return known }
            let number = Int32(lists.count)
            listNumbers[list] = number
            lists.append(list)
            return number
        }
        everyoneElse = number(numbering.publicAccess.map { [$0] } ?? [])
        listOfSubject = unordered.map { list in number(list.sorted { rank[Int($0)] < rank[Int($1)] }) }
        self.lists = lists
        let paths = paths
        let administering = lists.map { list in AdministrationFindings.administers(list.lazy.map { paths[Int($0)] }) }
        let listOfSubject = listOfSubject
        administrators = listOfSubject.indices.compactMap { administering[Int(listOfSubject[$0])] ? Int32($0) : nil }
    }

    /// No administration: what a report keeps once its rules have run.
    init() {
        paths = []
        lists = [[]]
        listOfSubject = []
        everyoneElse = 0
        administrators = []
    }

    /// The administrative paths of a list, in its order.
    func paths(ofList number: Int32) -> [AdministrativePath] {
        lists[Int(number)].map { paths[Int($0)] }
    }

    /// `numbers` with each number once, at its first place.
    private static func firstOfEach(_ numbers: [Int32]) -> [Int32] {
        // Lists are short: a search in what is kept is cheaper than hashing, but not for long ones.
        guard numbers.count > 16 else {
            var kept: [Int32] = []
            for number in numbers where !kept.contains(number) { kept.append(number) }
            return kept
        }
        var seen = Set<Int32>()
        return numbers.filter { seen.insert($0).inserted }
    }

    /// The rank of each path's description among all of them (equal descriptions, equal ranks): ordering by rank
    /// compares as ordering by description does, without comparing text for every subject.
    private static func rankByDescription(_ paths: [AdministrativePath]) -> [Int32] {
        let order = paths.indices.sorted { paths[$0].description < paths[$1].description }
        var rank = [Int32](repeating: 0, count: paths.count)
        var current: Int32 = 0
        for position in order.indices {
            if position > 0 && paths[order[position - 1]].description < paths[order[position]].description { current += 1 }
            rank[order[position]] = current
        }
        return rank
    }

    /// Numbers paths as subjects' lists meet them: a path of the same steps to the same source gets the same number.
    /// Paths to sources granting no administration are never made.
    private struct PathNumbering {
        private let index: AccessIndex
        /// What each IAM id's own policies grant, for the IAM ids whose policies grant some administration.
        private let bySubject: [String: AdministrativePolicies]
        /// A number for each access group whose policies grant some administration, by id, and what they grant, by
        /// that number.
        private let groupNumbers: [String: Int32]
        private let byGroup: [AdministrativePolicies]
        private(set) var paths: [AdministrativePath] = []
        /// The number of Public Access's path, when its policies grant administration.
        private(set) var publicAccess: Int32?
        /// The number of the path through each access-group step (a membership as `AccessIndex` names it).
        private var groupPaths: [AccessStep: Int32] = [:]
        /// By group number, the path through a static membership of the group (its step names the group alone), with
        /// the group name it was made with: most memberships are static, and find their path without making and
        /// hashing their step.
        private var staticPaths: [(name: String, path: Int32)?]
        /// A number for each trusted-profile step (not a path), and the number of each path through one.
        private var profileSteps: [AccessStep: Int32] = [:]
        private var profilePaths: [ProfilePath: Int32] = [:]
        /// The own paths of each trusted profile's IAM id that some subject may assume.
        private var ownPathsOfProfile: [String: [Int32]] = [:]

        /// A path through a trusted profile: the profile's step and the number of one of the profile's own paths.
        private struct ProfilePath: Hashable {
            let step: Int32, path: Int32
        }

        init(_ index: AccessIndex, _ table: PolicyTable) {
            self.index = index
            // The sources with access policies are the IAM ids and groups the table numbers with rows (the index's
            // `policiesOfIAMID` and `policiesOfGroup`), walked by number: no source is looked up by its id.
            var bySubject: [String: AdministrativePolicies] = [:]
            for number in table.iamIDs.indices {
                let rows = table.rows(ofIAMIDNumber: Int32(number))
                guard !rows.isEmpty else { continue }
                let policies = AdministrativePolicies(rows, in: table, index)
                if !policies.isEmpty { bySubject[table.iamIDs[number]] = policies }
            }
            var groupNumbers: [String: Int32] = [:], byGroup: [AdministrativePolicies] = []
            for number in table.groupIDs.indices {
                let rows = table.rows(ofGroupNumber: Int32(number))
                guard !rows.isEmpty else { continue }
                let policies = AdministrativePolicies(rows, in: table, index)
                if !policies.isEmpty {
                    groupNumbers[table.groupIDs[number]] = Int32(byGroup.count)
                    byGroup.append(policies)
                }
            }
            self.bySubject = bySubject
            self.groupNumbers = groupNumbers
            self.byGroup = byGroup
            staticPaths = Array(repeating: nil, count: byGroup.count)
            let publicAccessPath = AccessIndex.publicAccessPath
            if let number = groupNumbers[AccessGroup.publicAccessID] {
                publicAccess = add(publicAccessPath.steps, byGroup[Int(number)])
            }
        }

        private mutating func add(_ steps: [AccessStep], _ policies: AdministrativePolicies) -> Int32 {
            paths.append(AdministrativePath(steps: steps, description: steps.pathDescription, policies: policies))
            return Int32(paths.count - 1)
        }

        /// The paths of an IAM id to its own policies and to its access groups' (Public Access aside), as
        /// `AccessIndex.paths(of:)` lists them before any trusted profile's.
        mutating func ownPaths(of iamID: String) -> [Int32] {
            var numbers: [Int32] = []
            // A subject's own policies: its path is its alone, so it is numbered without a lookup.
            if let policies = bySubject[iamID] { numbers.append(add([], policies)) }
            guard let memberships = index.groupsOfMember[iamID] else { return numbers }
            // By position, reading stored fields (`InPlace`): no membership is copied (its group carries every member).
            for position in memberships.indices where !InPlace.isPublicAccess(memberships, position) {
                guard let group = groupNumbers[memberships[position].group.id] else { continue }
                // A static membership's step is `.accessGroup(id:name:dynamicRule: nil, lapsedSince: nil)`: the same
                // group (by id and name) has the same path.
                let isStatic = !InPlace.isDynamic(memberships, position)
                if isStatic, let known = staticPaths[Int(group)], known.name == InPlace.groupName(memberships, position) {
                    numbers.append(known.path)
                    continue
                }
                let (id, name) = (memberships[position].group.id, InPlace.groupName(memberships, position))
                let step = AccessStep.accessGroup(id: id, name: name,
                                                  dynamicRule: isStatic ? nil : index.dynamicRuleName(memberships[position].group, memberships[position].member),
                                                  lapsedSince: isStatic ? nil : index.lapse(of: memberships[position].member))
                let number: Int32
                if let known = groupPaths[step] {
                    number = known
                } else {
                    number = add([step], byGroup[Int(group)])
                    groupPaths[step] = number
                }
                if isStatic && staticPaths[Int(group)] == nil { staticPaths[Int(group)] = (name, number) }
                numbers.append(number)
            }
            return numbers
        }

        /// The paths through a trusted profile to its own policies and its access groups'.
        mutating func paths(through profile: TrustedProfile) -> [Int32] {
            // The profile's own paths, found once for everyone who may assume it (its path to its own policies is
            // numbered apart from the one it holds as a subject, which only that subject's list names).
            let own: [Int32]
            if let known = ownPathsOfProfile[profile.iamID] {
                own = known
            } else {
                own = ownPaths(of: profile.iamID)
                ownPathsOfProfile[profile.iamID] = own
            }
            guard !own.isEmpty else { return [] }
            let step = AccessStep.trustedProfile(id: profile.id, iamID: profile.iamID, name: profile.name ?? profile.id)
            let stepNumber = profileSteps[step] ?? Int32(profileSteps.count)
            if stepNumber == profileSteps.count { profileSteps[step] = stepNumber }
            return own.map { path in
                let key = ProfilePath(step: stepNumber, path: path)
                if let known = profilePaths[key] { return known }
                let number = add([step] + paths[Int(path)].steps, paths[Int(path)].policies)
                profilePaths[key] = number
                return number
            }
        }
    }
}
