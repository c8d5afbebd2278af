/// What an access group template assignment created in one target account: one of the `resources` of
/// `GET /v1/group_assignments/{assignment}?verbose=true` (IBM's SDK: `IamAccessGroupsV2.get_assignment`, model
/// `ResourceListWithTargetAccountID`). The access group is `group.group` (an `AssignmentResourceEntry`), whose
/// `resource` is the id of the group in the target account; its members, rules and policy template references are
/// not read.
package struct GroupAssignmentResource: Decodable, Sendable, Hashable {
    /// The account the resources are in.
    package let target: String?
    /// The id of the access group the assignment created there (`group.group.resource`).
    package let groupID: String?

    enum CodingKeys: String, CodingKey { case target, group }

    /// `group`: an `AssignmentResourceAccessGroup`, whose `group` is the entry of the access group itself.
    private struct AccessGroup: Decodable {
        let group: Entry?
    }

    /// An `AssignmentResourceEntry`: what was made (`resource`), with its status and error.
    private struct Entry: Decodable {
        let resource: String?
    }

    package init(target: String?, groupID: String?) {
        self.target = target
        self.groupID = groupID
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        target = try c.decodeIfPresent(String.self, forKey: .target)
        groupID = try c.decodeIfPresent(AccessGroup.self, forKey: .group)?.group?.resource
    }
}

extension GroupAssignmentResource {
    /// The key of the collection in the account's store: assignment id → its resources.
    static let key = CollectionKey<[String: [GroupAssignmentResource]]>(.accessGroupAssignmentResources)
}

extension IAMAccount {
    /// Access group assignment id → what it created in each target account (only assignments to this account are
    /// fetched); empty when the snapshot does not hold them (see `isKnown`).
    package var accessGroupAssignmentResources: [String: [GroupAssignmentResource]] {
        collections[GroupAssignmentResource.key] ?? [:]
    }
}
