import Model

/// One way by which an identity holds the policies of a subject: its own (direct) policies, an access group's it
/// belongs to, or — one hop — a trusted profile's own or group policies. Every grant of an identity is a policy of
/// some path's `source`, held through that path.
package struct AccessPath: Sendable, Hashable {
    /// Whose policies the path leads to.
    package enum Source: Sendable, Hashable {
        /// Policies assigned to this IAM id.
        case subject(iamID: String)
        /// Policies assigned to this access group.
        case accessGroup(id: String)
    }

    /// The hops, named; empty for the identity's own policies.
    package let steps: [AccessStep]
    package let source: Source

}

extension AccessIndex {
    /// Every path of `iamID` except Public Access (everyone's, so callers add it once): its own policies, each access
    /// group it is a member of (statically or through a dynamic rule), and for each trusted profile it may assume,
    /// the profile's own policies and those of the profile's groups.
    package func paths(of iamID: String) -> [AccessPath] {
        paths(of: iamID) { _ in true }
    }

    /// The paths of `iamID` (as `paths(of:)` lists them, in the same order) whose source passes `include`; the steps
    /// of the others are never built.
    package func paths(of iamID: String, to include: (AccessPath.Source) -> Bool) -> [AccessPath] {
        var paths = ownPaths(of: iamID, prefix: [], include)
        for profile in profilesAssumableBy[iamID] ?? [] where profile.iamID != iamID {
            let step = AccessStep.trustedProfile(id: profile.id, iamID: profile.iamID, name: profile.name ?? profile.id)
            paths += ownPaths(of: profile.iamID, prefix: [step], include)
        }
        return paths
    }

    /// The path of everyone to the Public Access group's policies.
    package static let publicAccessPath = AccessPath(steps: [.publicAccess], source: .accessGroup(id: AccessGroup.publicAccessID))

    /// The active access policies of a path's source.
    package func policies(of source: AccessPath.Source) -> [Policy] {
        switch source {
        case .subject(let iamID): policiesOfIAMID[iamID] ?? []
        case .accessGroup(let id): policiesOfGroup[id] ?? []
        }
    }

    private func ownPaths(of iamID: String, prefix: [AccessStep], _ include: (AccessPath.Source) -> Bool) -> [AccessPath] {
        var paths: [AccessPath] = []
        if include(.subject(iamID: iamID)) { paths.append(AccessPath(steps: prefix, source: .subject(iamID: iamID))) }
        // By position: a membership left out is never copied (its group carries every member).
        let memberships = groupsOfMember[iamID] ?? []
        for position in memberships.indices
        where !memberships[position].group.isPublicAccess && include(.accessGroup(id: memberships[position].group.id)) {
            let (group, member) = memberships[position]
            let step = AccessStep.accessGroup(id: group.id, name: group.displayName, dynamicRule: dynamicRuleName(group, member),
                                              lapsedSince: lapse(of: member))
            paths.append(AccessPath(steps: prefix + [step], source: .accessGroup(id: group.id)))
        }
        return paths
    }
}
