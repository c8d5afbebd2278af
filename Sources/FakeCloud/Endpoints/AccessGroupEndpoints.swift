import Snapshot

extension Endpoint {
    /// The id of the group every user, authenticated or not, belongs to.
    static let publicAccessGroup = "AccessGroupId-PublicAccess"

    /// Access Groups' lists that need logic of their own: groups (`hide_public_access`, `iam_id`, `show_federated`),
    /// members (`membership_type`, `verbose`) and one template assignment (`verbose`: the assignment as listed, with its
    /// resources). Rules, settings, templates and the assignment listing come from the catalogue.
    static let accessGroups: [Endpoint] = [
        Endpoint("GET", "/v2/groups", reads: [.accessGroups]) { context in
            let request = context.request
            let groups = context.engine.groups.groups(hidingPublicAccess: request.flag("hide_public_access"),
                                                      member: request.query("iam_id"))
            guard !request.flag("show_federated") else { return try context.page(.offset, groups, key: "groups") }
            return try context.page(.offset, groups.lazy.map { $0.setting("is_federated", to: nil) }, key: "groups")
        },
        // `membership_type` defaults to `static`: rule-based members need `membership_type=all` (or `dynamic`).
        // Without `verbose=true` members carry no name, email or description.
        Endpoint("GET", "/v2/groups/{group}/members", reads: [.accessGroupMembers]) { context in
            _ = try groupChildren(.accessGroupMembers, context) // 404 for an unknown group
            let type = context.request.query("membership_type") ?? "static"
            let members: LazyMapCollection<[Int], RawJSON>
            switch type {
            case "all": members = context.engine.groups.members(of: context.parameter("group"), type: nil)
            case "static", "dynamic": members = context.engine.groups.members(of: context.parameter("group"), type: type)
            default:
                throw APIError.badRequest("Invalid membership_type \"\(type)\": expected static, dynamic or all.")
            }
            guard !context.request.flag("verbose") else { return try context.page(.offset, members, key: "members") }
            let terse = members.lazy.map { $0.setting("name", to: nil).setting("email", to: nil).setting("description", to: nil) }
            return try context.page(.offset, terse, key: "members")
        },
        // The assignment as the listing gives it; with `verbose=true` also its `resources` (what it created in each
        // target account: `access_group_assignment_resources`), which the listing leaves out. An assignment the file
        // holds no resources for is answered without the key, as the API may answer one still running.
        Endpoint("GET", "/v1/group_assignments/{assignment}", family: APIFamily.of([.accessGroupAssignments]),
                 reads: { request in
                     request.flag("verbose") ? [.accessGroupAssignments, .accessGroupAssignmentResources] : [.accessGroupAssignments]
                 }) { context in
            let id = context.parameter("assignment")
            let assignments = context.snapshot.items(.accessGroupAssignments)
            guard let assignment = assignments.first(where: { $0["id"]?.stringValue == id }) else {
                throw APIError.notFound("Assignment with ID \(id) not found.")
            }
            guard context.request.flag("verbose") else { return .json(assignment) }
            let resources = context.snapshot.object(.accessGroupAssignmentResources)?[id]
            return .json(assignment.setting("resources", to: resources))
        },
    ]

    /// The items of the group named in the path, or 404.
    private static func groupChildren(_ kind: CollectionKind, _ context: EndpointContext) throws -> [RawJSON] {
        let group = context.parameter("group")
        guard let items = context.snapshot.children(kind, of: group) else {
            throw APIError.notFound("Group with ID \(group) not found.")
        }
        return items
    }
}
