import Snapshot

extension Endpoint {
    /// Policy Management's lists that need logic of their own: policies v1 and v2 (by type, subject, format) and roles
    /// (by service). Policy templates, their versions and assignments come from the catalogue.
    static let policyManagement: [Endpoint] = [
        Endpoint("GET", "/v2/policies", family: PolicyViews.family, reads: PolicyViews.kinds) { context in
            let items = try context.engine.policies.list(.v2, for: context.request, usage: context.snapshot.policyUsage)
            return try context.page(.start, items, key: "policies")
        },
        Endpoint("GET", "/v2/policies/{policy}", reads: [.accessPolicies, .authorizationPolicies]) { context in
            let id = context.parameter("policy")
            guard let policy = context.engine.policies.v2Policy(id: id) else {
                throw APIError.notFound("Policy with ID \(id) not found.")
            }
            return .json(PolicyViews.withUsage(policy, request: context.request, usage: context.snapshot.policyUsage))
        },
        Endpoint("GET", "/v1/policies", family: PolicyViews.family, reads: PolicyViews.kinds) { context in
            let items = try context.engine.policies.list(.v1, for: context.request, usage: context.snapshot.policyUsage)
            return try context.page(.start, items, key: "policies")
        },
        Endpoint("GET", "/v2/roles", reads: [.roles]) { context in
            let request = context.request
            if request.query("service_name") != nil, request.query("service_group_id") != nil {
                throw APIError.badRequest("service_name and service_group_id are mutually exclusive.")
            }
            if let type = request.query("policy_type"), type != "access", type != "authorization" {
                throw APIError.badRequest("Invalid policy_type \"\(type)\".")
            }
            // A service group's roles are the platform (system) roles and the generic service roles.
            let serviceName = request.query("service_group_id") != nil ? "iam" : request.query("service_name")
            return .json(roles(context.snapshot.object(.roles) ?? [:], serviceName: serviceName))
        },
    ]

    /// `/v2/roles`: without `service_name`, the system roles and every custom role (no service roles); with it, the
    /// system roles, the custom roles of that service and the service roles that apply to it (its own
    /// `crn:v1:bluemix:public:<service>::::serviceRole:…` roles and the generic `iam::::serviceRole:…` ones). A system
    /// or service role listed with the asked `service_name` (its actions for that service) replaces the plain one.
    static func roles(_ file: RawJSON, serviceName: String?) -> RawJSON {
        let system = forService(file["system_roles"]?.arrayValue ?? [], serviceName)
        var custom = file["custom_roles"]?.arrayValue ?? []
        var service: [RawJSON] = []
        if let serviceName {
            custom = custom.filter { $0["service_name"]?.stringValue == serviceName }
            service = forService(file["service_roles"]?.arrayValue ?? [], serviceName).filter { role in
                let segments = (role["crn"]?.stringValue ?? "").split(separator: ":", omittingEmptySubsequences: false)
                guard segments.count > 8, segments[8] == "serviceRole" else { return false }
                return segments[4] == serviceName || segments[4] == "iam"
            }
        }
        return ["system_roles": .array(system), "custom_roles": .array(custom), "service_roles": .array(service)]
    }

    /// The roles as a service sees them: the plain listing of each role, replaced by its listing for `service`
    /// where there is one; listings for other services left out.
    private static func forService(_ roles: [RawJSON], _ service: String?) -> [RawJSON] {
        let variants = Set(roles.filter { service != nil && $0["service_name"]?.stringValue == service }
            .compactMap { $0["crn"]?.stringValue })
        return roles.filter { role in
            guard let listedFor = role["service_name"]?.stringValue else {
                return !variants.contains(role["crn"]?.stringValue ?? "")
            }
            return listedFor == service
        }
    }
}
