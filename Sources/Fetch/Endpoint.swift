import Foundation
import Snapshot

/// One list or object the fetcher reads: the API, the path (a template for per-parent lists), the query, where the
/// items are in the response, and how the API pages.
struct Endpoint: Sendable {
    let api: String
    /// The percent-encoded path: every segment taken from data went through `URLEncoding.pathSegment`.
    let path: String
    let query: [URLQueryItem]
    /// The response key holding the items; `nil` when the response is the object itself.
    let itemsKey: String?
    let paging: Paging

    /// The same endpoint for one parent (`{group}`, `{profile}` or `{template}` in the path replaced by its id).
    func forParent(_ id: String) -> Endpoint {
        let encoded = URLEncoding.pathSegment(id)
        let concrete = path.replacingOccurrences(of: "{group}", with: encoded).replacingOccurrences(of: "{profile}", with: encoded)
            .replacingOccurrences(of: "{template}", with: encoded)
        return Endpoint(api: api, path: concrete, query: query, itemsKey: itemsKey, paging: paging)
    }

    func adding(_ items: [URLQueryItem]) -> Endpoint {
        Endpoint(api: api, path: path, query: query + items, itemsKey: itemsKey, paging: paging)
    }

    /// The query as recorded in the manifest: with the page size, without cursors.
    var manifestQuery: String {
        var components = URLComponents()
        components.queryItems = query + paging.pageSizeQuery
        return components.percentEncodedQuery ?? ""
    }

    func source(pages: Int, template: String? = nil) -> SnapshotWriter.Source {
        SnapshotWriter.Source(api: api, endpoint: template ?? path, query: manifestQuery, pages: pages)
    }
}

/// The endpoint of every collection of the snapshot format, for one account (paths and paging as in IBM's API docs).
struct EndpointCatalog: Sendable {
    let accountID: String

    /// The account id as a path segment.
    private var accountSegment: String { URLEncoding.pathSegment(accountID) }

    private var account: URLQueryItem { URLQueryItem(name: "account_id", value: accountID) }

    func endpoint(_ kind: CollectionKind) -> Endpoint {
        switch kind {
        case .account:
            Endpoint(api: "accounts", path: "/v4/accounts/\(accountSegment)", query: [], itemsKey: nil, paging: .none)
        case .users:
            // `include_settings`: each user's IP allowlist and self-managed login, part of a review.
            Endpoint(api: "user-management", path: "/v2/accounts/\(accountSegment)/users",
                     query: [URLQueryItem(name: "include_settings", value: "true")], itemsKey: "resources",
                     paging: .nextURL(parameter: "_start"))
        case .serviceIDs:
            Endpoint(api: "iam-identity", path: "/v1/serviceids/", query: [account], itemsKey: "serviceids", paging: .pageToken)
        case .trustedProfiles:
            Endpoint(api: "iam-identity", path: "/v1/profiles", query: [account], itemsKey: "profiles", paging: .pageToken)
        case .trustedProfileLinks:
            Endpoint(api: "iam-identity", path: "/v1/profiles/{profile}/links", query: [], itemsKey: "links", paging: .none)
        case .trustedProfileRules:
            Endpoint(api: "iam-identity", path: "/v1/profiles/{profile}/rules", query: [], itemsKey: "rules", paging: .none)
        case .trustedProfileIdentities:
            Endpoint(api: "iam-identity", path: "/v1/profiles/{profile}/identities", query: [], itemsKey: "identities", paging: .none)
        case .accessGroups:
            Endpoint(api: "iam-access-groups", path: "/v2/groups",
                     query: [account, URLQueryItem(name: "show_federated", value: "true")], itemsKey: "groups", paging: .offset)
        case .accessGroupMembers:
            Endpoint(api: "iam-access-groups", path: "/v2/groups/{group}/members",
                     query: [URLQueryItem(name: "membership_type", value: "all"), URLQueryItem(name: "verbose", value: "true")],
                     itemsKey: "members", paging: .offset)
        case .accessGroupRules:
            Endpoint(api: "iam-access-groups", path: "/v2/groups/{group}/rules", query: [account], itemsKey: "rules", paging: .none)
        case .accessGroupSettings:
            Endpoint(api: "iam-access-groups", path: "/v2/groups/settings", query: [account], itemsKey: nil, paging: .none)
        case .accessPolicies:
            policies(type: "access")
        case .authorizationPolicies:
            policies(type: "authorization")
        case .roles:
            Endpoint(api: "iam-access-management", path: "/v2/roles", query: [account], itemsKey: nil, paging: .none)
        case .policyTemplates:
            Endpoint(api: "iam-access-management", path: "/v1/policy_templates", query: [account],
                     itemsKey: "policy_templates", paging: .start)
        case .policyAssignments:
            // `version` is required: the response format (1.0: `template` nested as `{id, version}`).
            Endpoint(api: "iam-access-management", path: "/v1/policy_assignments",
                     query: [account, URLQueryItem(name: "version", value: "1.0")], itemsKey: "assignments", paging: .start)
        case .resourceGroups:
            Endpoint(api: "resource-manager", path: "/v2/resource_groups", query: [account], itemsKey: "resources", paging: .none)
        case .resourceInstances:
            Endpoint(api: "resource-controller", path: "/v2/resource_instances", query: [], itemsKey: "resources",
                     paging: .nextURL(parameter: "start"))
        case .apiKeys:
            Endpoint(api: "iam-identity", path: "/v1/apikeys", query: [account, URLQueryItem(name: "scope", value: "account")],
                     itemsKey: "apikeys", paging: .pageToken)
        case .identitySettings:
            Endpoint(api: "iam-identity", path: "/v1/accounts/\(accountSegment)/settings/identity", query: [], itemsKey: nil,
                     paging: .none)
        case .resourceKeys:
            Endpoint(api: "resource-controller", path: "/v2/resource_keys", query: [], itemsKey: "resources",
                     paging: .nextURL(parameter: "start"))
        case .cbrZones:
            Endpoint(api: "context-based-restrictions", path: "/v1/zones", query: [account], itemsKey: "zones", paging: .none)
        case .cbrRules:
            Endpoint(api: "context-based-restrictions", path: "/v1/rules", query: [account], itemsKey: "rules", paging: .none)
        case .identityProviders:
            Endpoint(api: "iam-identity", path: "/v1/idps/", query: [account], itemsKey: "idps", paging: .none)
        case .loginSettings:
            Endpoint(api: "iam-identity", path: "/v2/loginsettings/\(accountSegment)", query: [], itemsKey: nil, paging: .none)
        case .cbrAccountSettings:
            Endpoint(api: "context-based-restrictions", path: "/v1/account_settings/\(accountSegment)", query: [],
                     itemsKey: nil, paging: .none)
        case .accessGroupTemplates:
            Endpoint(api: "iam-access-groups", path: "/v1/group_templates", query: [account], itemsKey: "group_templates",
                     paging: .offset)
        case .accessGroupAssignments:
            Endpoint(api: "iam-access-groups", path: "/v1/group_assignments", query: [account], itemsKey: "assignments",
                     paging: .offset)
        case .trustedProfileTemplates:
            Endpoint(api: "iam-identity", path: "/v1/profile_templates", query: [account], itemsKey: "profile_templates",
                     paging: .limitPageToken)
        case .trustedProfileAssignments:
            Endpoint(api: "iam-identity", path: "/v1/profile_assignments/", query: [account], itemsKey: "assignments",
                     paging: .limitPageToken)
        case .accountSettingsTemplates:
            Endpoint(api: "iam-identity", path: "/v1/account_settings_templates", query: [account],
                     itemsKey: "account_settings_templates", paging: .limitPageToken)
        case .accountSettingsAssignments:
            Endpoint(api: "iam-identity", path: "/v1/account_settings_assignments/", query: [account],
                     itemsKey: "assignments", paging: .limitPageToken)
        case .policyTemplateVersions:
            Endpoint(api: "iam-access-management", path: "/v1/policy_templates/{template}/versions", query: [],
                     itemsKey: "versions", paging: .start)
        }
    }

    /// v2 policies of a type, with usage fields.
    private func policies(type: String) -> Endpoint {
        Endpoint(api: "iam-access-management", path: "/v2/policies",
                 query: [account, URLQueryItem(name: "type", value: type), URLQueryItem(name: "format", value: "include_last_permit")],
                 itemsKey: "policies", paging: .start)
    }

    /// The v1 listing that complements a v2 policy endpoint.
    func v1(_ endpoint: Endpoint) -> Endpoint {
        Endpoint(api: endpoint.api, path: "/v1/policies", query: endpoint.query, itemsKey: "policies", paging: .start)
    }
}
