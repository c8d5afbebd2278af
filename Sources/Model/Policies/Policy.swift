/// A policy in one shape, whether the API gave it as v1 (`subjects`/`roles`/`resources`) or v2
/// (`subject`/`control.grant.roles`/`resource`/`rule`/`pattern`).
package struct Policy: Sendable, Hashable {
    /// The role CRN v1 uses for placeholders of v2-only policies.
    package static let unsupportedVersionRole = "crn:v1:bluemix:public:iam::::role:UnsupportedVersion"

    package enum Origin: String, Sendable, Hashable { case v1, v2 }

    package let id: String
    /// `access` or `authorization`.
    package let type: String
    package let description: String?
    /// `active` or `deleted`.
    package let state: String?
    package let subject: [PolicyAttribute]
    /// Role CRNs granted.
    package let roleIDs: [String]
    package let resource: [PolicyAttribute]
    package let resourceTags: [PolicyAttribute]
    package let rule: PolicyRule?
    package let pattern: String?
    /// For a policy made by a policy template assignment: the template, its version and the assignment.
    package let templateID: String?
    package let templateVersion: String?
    package let templateAssignmentID: String?
    package let createdAt: Timestamp?
    package let lastModifiedAt: Timestamp?
    package let origin: Origin
    /// From the volatile area: when the policy last permitted a request, and how often.
    package internal(set) var lastPermitAt: Timestamp?
    package internal(set) var lastPermitFrequency: Int?

    package init(id: String, type: String, description: String? = nil, state: String? = "active",
                subject: [PolicyAttribute], roleIDs: [String], resource: [PolicyAttribute],
                resourceTags: [PolicyAttribute] = [], rule: PolicyRule? = nil, pattern: String? = nil,
                templateID: String? = nil, templateVersion: String? = nil, templateAssignmentID: String? = nil,
                createdAt: Timestamp? = nil, lastModifiedAt: Timestamp? = nil,
                origin: Origin = .v2, lastPermitAt: Timestamp? = nil, lastPermitFrequency: Int? = nil) {
        self.id = id
        self.type = type
        self.description = description
        self.state = state
        self.subject = subject
        self.roleIDs = roleIDs
        self.resource = resource
        self.resourceTags = resourceTags
        self.rule = rule
        self.pattern = pattern
        self.templateID = templateID
        self.templateVersion = templateVersion
        self.templateAssignmentID = templateAssignmentID
        self.createdAt = createdAt
        self.lastModifiedAt = lastModifiedAt
        self.origin = origin
        self.lastPermitAt = lastPermitAt
        self.lastPermitFrequency = lastPermitFrequency
    }

    package var isAuthorization: Bool { type == "authorization" }
    package var isActive: Bool { state == nil || state == "active" }

    /// A v1 stand-in for a policy only v2 can express; dropped in favour of the v2 policy.
    package var isPlaceholder: Bool {
        roleIDs.contains(Self.unsupportedVersionRole) || subjectValue("iam_id") == "unsupported version"
    }

    /// The first string value of a subject attribute, e.g. `iam_id` or `access_group_id`.
    package func subjectValue(_ key: String) -> String? {
        subject.first { $0.key == key }?.value.firstString
    }

    /// The first resource attribute with this key.
    package func resourceAttribute(_ key: String) -> PolicyAttribute? {
        resource.first { $0.key == key }
    }
}
