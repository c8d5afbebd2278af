import Model

/// Tests of a policy or a membership in an array, read from their stored fields in place. `Policy.isActive`,
/// `AccessGroup.isPublicAccess`, `GroupMember.isDynamic`, … are computed properties of Model's types: called on an
/// array's element, they copy the whole element first (every field retained, then released) — on XL once per policy in
/// the index and again in the rules' policy table, and once per membership in the administration. Each says what its
/// property says.
enum InPlace {
    /// `policies[position].isActive`.
    static func isActive(_ policies: [Policy], _ position: Int) -> Bool {
        policies[position].state == nil || policies[position].state == "active"
    }

    /// `policies[position].isAuthorization`.
    static func isAuthorization(_ policies: [Policy], _ position: Int) -> Bool {
        policies[position].type == "authorization"
    }

    /// Memberships as `AccessIndex.groupsOfMember` lists them.
    typealias Memberships = [(group: AccessGroup, member: GroupMember)]

    /// `memberships[position].group.isPublicAccess`.
    static func isPublicAccess(_ memberships: Memberships, _ position: Int) -> Bool {
        memberships[position].group.id == AccessGroup.publicAccessID
    }

    /// `memberships[position].group.displayName`.
    static func groupName(_ memberships: Memberships, _ position: Int) -> String {
        memberships[position].group.name ?? memberships[position].group.id
    }

    /// `memberships[position].member.isDynamic`.
    static func isDynamic(_ memberships: Memberships, _ position: Int) -> Bool {
        memberships[position].member.membershipType == "dynamic"
    }
}
