import Foundation
@testable import Model
import Snapshot

/// Hand-built accounts for the analysis tests: every entity made from the few fields a test is about.
enum Fixture {
    static let accountID = "acct"
    static let fetchedAt = "2026-11-20T09:00:00Z"

    /// An entity decoded from the fields a test gives, as the loader decodes it; throws (failing the test, not the
    /// test process) when the fields do not decode.
    static func decode<T: Decodable>(_ object: [String: Any]) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONSerialization.data(withJSONObject: object))
    }

    static func attr(_ key: String, _ value: String, _ op: String = "stringEquals") -> PolicyAttribute {
        PolicyAttribute(key: key, operator: op, value: .string(value))
    }

    static func user(_ iamID: String, _ first: String) throws -> User {
        try decode(["iam_id": iamID, "firstname": first, "email": "\(first.lowercased())@example.com"])
    }

    static func serviceID(_ name: String) throws -> ServiceID {
        try decode(["id": "ServiceId-\(name)", "iam_id": "iam-ServiceId-\(name)", "name": name])
    }

    static func profile(_ name: String, identities: [String] = [], rules: Bool = false, links: Bool = false) throws -> TrustedProfile {
        var profile: TrustedProfile = try decode(["id": "Profile-\(name)", "iam_id": "iam-Profile-\(name)", "name": name])
        profile.identities = try identities.map { try decode(["iam_id": $0, "type": "user"]) }
        if rules { profile.rules = [try decode(["id": "ClaimRule-\(name)", "type": "Profile-SAML"])] }
        if links { profile.links = [try decode(["id": "ProfileLink-\(name)", "cr_type": "VSI"])] }
        return profile
    }

    /// A group with static members, and dynamic members joined through one rule.
    static func group(_ id: String, _ name: String, members: [String] = [], dynamic: [String] = []) throws -> AccessGroup {
        var group: AccessGroup = try decode(["id": id, "name": name])
        group.members = try members.map { try decode(["iam_id": $0, "membership_type": "static"]) }
            + dynamic.map { try decode(["iam_id": $0, "membership_type": "dynamic"]) }
        if !dynamic.isEmpty { group.rules = [try decode(["id": "ClaimRule-\(name)", "name": "rule \(name)"])] }
        return group
    }

    static func instance(_ name: String, service: String = "kms", region: String = "us-south", group: String = "rg1",
                         guid: String, account: String = accountID) throws -> ResourceInstance {
        let crn = "crn:v1:bluemix:public:\(service):\(region):a/\(account):\(guid)::"
        return try decode(["id": crn, "crn": crn, "guid": guid, "name": name, "resource_group_id": group, "region_id": region])
    }

    static let viewer = "crn:v1:bluemix:public:iam::::role:Viewer"
    static let administrator = "crn:v1:bluemix:public:iam::::role:Administrator"
    static let manager = "crn:v1:bluemix:public:iam::::serviceRole:Manager"
    static let reader = "crn:v1:bluemix:public:iam::::serviceRole:Reader"

    /// An access policy on a group (`access_group_id`) or an identity (`iam_id`).
    static func policy(_ id: String, group: String? = nil, iamID: String? = nil, roles: [String] = [viewer],
                       _ resource: [PolicyAttribute], tags: [PolicyAttribute] = [], lastPermitAt: String? = nil) -> Policy {
        let subject = group.map { attr("access_group_id", $0) } ?? attr("iam_id", iamID ?? "")
        return Policy(id: id, type: "access", subject: [subject], roleIDs: roles,
                      resource: [attr("accountId", accountID)] + resource, resourceTags: tags,
                      lastPermitAt: lastPermitAt.map(Timestamp.init))
    }

    static func authorization(_ id: String, source: [PolicyAttribute], target: [PolicyAttribute]) -> Policy {
        Policy(id: id, type: "authorization", subject: [attr("accountId", accountID)] + source, roleIDs: [reader],
               resource: [attr("accountId", accountID)] + target)
    }

    static func account(users: [User] = [], serviceIDs: [ServiceID] = [], profiles: [TrustedProfile] = [],
                        groups: [AccessGroup] = [], policies: [Policy] = [], authorizations: [Policy] = [],
                        roles: [Role] = [], instances: [ResourceInstance] = [], apiKeys: [APIKey] = [],
                        activity: ActivityReport? = nil, owner: String? = nil,
                        unknown: [CollectionKind: LoadedSnapshot.Unavailability] = [:]) throws -> IAMAccount {
        try IAMAccount(accountID: accountID, fetchedAt: Timestamp(fetchedAt), scope: .account,
                   info: owner.map { try decode(["id": accountID, "owner_iamid": $0]) },
                   users: users, serviceIDs: serviceIDs, trustedProfiles: profiles, accessGroups: groups,
                   accessPolicies: policies, authorizationPolicies: authorizations, roles: roles,
                   resourceInstances: instances, apiKeys: apiKeys, activity: activity, unknown: unknown)
    }
}
