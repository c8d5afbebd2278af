import Snapshot

extension Endpoint {
    /// The id of the group every user, authenticated or not, belongs to.
    static let publicAccessGroup = "AccessGroupId-PublicAccess"

    /// Access Groups: groups, members (static / dynamic), dynamic rules, settings.
    static let accessGroups: [Endpoint] = [
        Endpoint("GET", "/v2/groups", reads: [.accessGroups]) { context in
            let request = context.request
            var groups = context.snapshot.items(.accessGroups)
            if request.flag("hide_public_access") {
                groups.removeAll { $0["id"]?.stringValue == publicAccessGroup }
            }
            if let iamID = request.query("iam_id") {
                let members = context.snapshot.collections[.accessGroupMembers]?.objectValue ?? [:]
                groups = groups.filter { group in
                    let id = group["id"]?.stringValue ?? ""
                    return id == publicAccessGroup
                        || (members[id]?.arrayValue ?? []).contains { $0["iam_id"]?.stringValue == iamID }
                }
            }
            if !request.flag("show_federated") {
                groups = groups.map { $0.setting("is_federated", to: nil) }
            }
            return try context.page(.offset, groups, key: "groups")
        },
        // `membership_type` defaults to `static`: rule-based members need `membership_type=all` (or `dynamic`).
        // Without `verbose=true` members carry no name, email or description.
        Endpoint("GET", "/v2/groups/{group}/members", reads: [.accessGroupMembers]) { context in
            var members = try groupChildren(.accessGroupMembers, context)
            let type = context.request.query("membership_type") ?? "static"
            switch type {
            case "all": break
            case "static", "dynamic":
                members = members.filter { ($0["membership_type"]?.stringValue ?? "static") == type }
            default:
                throw APIError.badRequest("Invalid membership_type \"\(type)\": expected static, dynamic or all.")
            }
            if !context.request.flag("verbose") {
                members = members.map { $0.setting("name", to: nil).setting("email", to: nil).setting("description", to: nil) }
            }
            return try context.page(.offset, members, key: "members")
        },
        Endpoint("GET", "/v2/groups/{group}/rules", reads: [.accessGroupRules]) { context in
            .json(["rules": .array(try groupChildren(.accessGroupRules, context))])
        },
        // Enterprise-managed IAM: `account_id` is required (the enterprise account's templates and assignments).
        Endpoint("GET", "/v1/group_templates", reads: [.accessGroupTemplates]) { context in
            try context.requireAccountID()
            return try context.page(.offset, context.snapshot.items(.accessGroupTemplates), key: "group_templates")
        },
        Endpoint("GET", "/v1/group_assignments", reads: [.accessGroupAssignments]) { context in
            try context.requireAccountID()
            return try context.page(.offset, context.snapshot.items(.accessGroupAssignments), key: "assignments")
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
