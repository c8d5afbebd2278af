import Snapshot

/// The access group lists, indexed once when the fake cloud starts: `GET /v2/groups` (with `hide_public_access` and
/// `iam_id=`) and `GET /v2/groups/{group}/members` (with `membership_type`) find their items without looking at the
/// others, so a page costs what it holds.
struct GroupListing: Sendable {
    /// The groups in file order.
    private let groups: [RawJSON]
    /// Every group's position.
    private let allPositions: [Int]
    /// Positions of the Public Access group (listed for every `iam_id`, hidden by `hide_public_access`).
    private let publicPositions: [Int]
    /// Positions of every other group.
    private let otherPositions: [Int]
    /// For each member `iam_id`, the positions of the groups other than Public Access that list it as a member.
    private let memberOf: [String: [Int]]
    /// For each group id, its members, their positions, and their positions by membership type (`static` when a
    /// member names none).
    private let membersByType: [String: (list: [RawJSON], all: [Int], byType: [String: [Int]])]

    init(_ snapshot: ServedSnapshot) {
        groups = snapshot.items(.accessGroups)
        allPositions = Array(groups.indices)
        let members = snapshot.collections[.accessGroupMembers]?.objectValue ?? [:]
        var publicPositions: [Int] = []
        var otherPositions: [Int] = []
        var memberOf: [String: [Int]] = [:]
        for (position, group) in groups.enumerated() {
            let id = group["id"]?.stringValue ?? ""
            guard id != Endpoint.publicAccessGroup else {
                publicPositions.append(position)
                continue
            }
            otherPositions.append(position)
            // A member listed twice still lists the group once.
            let iamIDs = (members[id]?.arrayValue ?? []).compactMap { $0["iam_id"]?.stringValue }
            for iamID in Set(iamIDs) { memberOf[iamID, default: []].append(position) }
        }
        self.publicPositions = publicPositions
        self.otherPositions = otherPositions
        self.memberOf = memberOf
        membersByType = members.mapValues { value in
            let list = value.arrayValue ?? []
            var byType: [String: [Int]] = [:]
            for (position, member) in list.enumerated() {
                byType[member["membership_type"]?.stringValue ?? "static", default: []].append(position)
            }
            return (list, Array(list.indices), byType)
        }
    }

    /// The groups a `GET /v2/groups` request lists: without the Public Access group on `hide_public_access=true`;
    /// with `iam_id=`, the groups listing that member, and Public Access (everyone's) unless hidden.
    func groups(hidingPublicAccess hide: Bool, member iamID: String?) -> LazyMapCollection<[Int], RawJSON> {
        let positions: [Int]
        switch (iamID, hide) {
        case (nil, true): positions = otherPositions
        case (nil, false): positions = allPositions
        case (let iamID?, true): positions = memberOf[iamID] ?? []
        case (let iamID?, false): positions = Self.merged(memberOf[iamID] ?? [], publicPositions)
        }
        let groups = groups
        return positions.lazy.map { groups[$0] }
    }

    /// The members of `group` whose membership type is `type` (`static` or `dynamic`; `nil`: every member); none for
    /// a group the members file does not list.
    func members(of group: String, type: String?) -> LazyMapCollection<[Int], RawJSON> {
        let members = membersByType[group]
        let list = members?.list ?? []
        let positions = type.map { members?.byType[$0] ?? [] } ?? members?.all ?? []
        return positions.lazy.map { list[$0] }
    }

    /// Two ascending position lists merged into one.
    private static func merged(_ first: [Int], _ second: [Int]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(first.count + second.count)
        var (i, j) = (0, 0)
        while i < first.count || j < second.count {
            if j == second.count || (i < first.count && first[i] < second[j]) {
                result.append(first[i])
                i += 1
            } else {
                result.append(second[j])
                j += 1
            }
        }
        return result
    }
}
