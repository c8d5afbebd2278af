import Snapshot

extension Endpoint {
    /// Resource Manager, Resource Controller (instances, service credentials), User Management and Accounts.
    static let account: [Endpoint] = [
        Endpoint("GET", "/v2/resource_groups", reads: [.resourceGroups]) { context in
            .json(["resources": .array(context.snapshot.items(.resourceGroups))])
        },
        Endpoint("GET", "/v2/resource_instances", reads: [.resourceInstances]) { context in
            try context.page(.resourceController, context.snapshot.items(.resourceInstances), key: "resources")
        },
        // Each user's `settings` only with `include_settings=true`, as in the API.
        Endpoint("GET", "/v2/resource_keys", reads: [.resourceKeys]) { context in
            try context.page(.resourceController, context.snapshot.items(.resourceKeys), key: "resources")
        },
        Endpoint("GET", "/v2/accounts/{account}/users", reads: [.users]) { context in
            let users = context.snapshot.items(.users)
            guard !context.request.flag("include_settings") else { return try context.page(.users, users, key: "resources") }
            return try context.page(.users, users.lazy.map { $0.setting("settings", to: nil) }, key: "resources")
        },
    ]
}
