import Foundation
import Snapshot

/// Enterprise-managed IAM, from a stream of its own: templates of access groups, a trusted profile and account
/// settings with their assignments, the policy templates they refer to (listed, and their versions), and the marks an
/// assignment to the account itself leaves on what it created — the groups bear the templates' group names and the
/// assignments' resources name them (`get_assignment(verbose=true)`), the profile names its template and assignment,
/// the group's policies name their policy template. One more assignment targets an account group and marks nothing
/// here (its resources are not fetched).
extension Generator {
    /// The template collections, and the marks to put on profiles and policies.
    struct TemplateParts {
        var collections: [(kind: CollectionKind, content: Any)] = []
        /// Profile index → `template_id`, `assignment_id`.
        var profileMarks: [Int: JSON] = [:]
        /// Access policy index → its `template` object.
        var policyMarks: [Int: JSON] = [:]
        /// The account-settings template as the effective identity settings list it (`assigned_templates`).
        var assignedSettingsTemplate: JSON?
    }

    /// Two managed access groups (the first groups after Public Access and the administrators), each from a template
    /// that refers to a policy template whose version 2 made the group's first policies; one managed trusted profile;
    /// the account settings; one policy from a policy template assigned directly.
    func makeTemplates(access: [JSON]) -> TemplateParts {
        var parts = TemplateParts()
        guard groups.count > 4, !profiles.isEmpty else {
            for kind in [CollectionKind.accessGroupTemplates, .accessGroupAssignments, .trustedProfileTemplates,
                         .trustedProfileAssignments, .accountSettingsTemplates, .accountSettingsAssignments,
                         .policyTemplates, .policyAssignments] {
                parts.collections.append((kind, [Any]()))
            }
            parts.collections.append((.policyTemplateVersions, JSON()))
            parts.collections.append((.accessGroupAssignmentResources, JSON()))
            return parts
        }
        var rng = stream(0x7E3A)
        let enterprise = rng.hex(32)
        let owner = users[0].iamID
        let when = accountStart + 60 * SynthTime.day
        let at = SynthTime.seconds(when)
        let identityAt = SynthTime.identity(when)
        func stamps(_ item: JSON, identity: Bool = false) -> JSON {
            let time = identity ? identityAt : at
            return item.merging(["created_at": time, "created_by_id": owner, "last_modified_at": time,
                                 "last_modified_by_id": owner]) { mine, _ in mine }
        }
        func subjectGroup(_ policy: JSON) -> String? {
            let attributes = ((policy["subject"] as? JSON)?["attributes"] as? [JSON]) ?? []
            return attributes.first { $0["key"] as? String == "access_group_id" }?["value"] as? String
        }

        // Policy templates: one per managed group (versions 1 and 2) and one assigned directly (version 1).
        var policyTemplates: [JSON] = [], versions = JSON(), policyAssignments: [JSON] = []
        func policyTemplate(_ name: String, from policy: JSON, versionCount: Int) -> String {
            let id = "policyTemplate-" + rng.uuid()
            var items: [JSON] = []
            for version in 1...versionCount {
                var body: JSON = ["type": "access", "control": policy["control"] ?? JSON(),
                                  "resource": policy["resource"] ?? JSON()]
                body["description"] = version == versionCount ? name : name + " (first version)"
                items.append(stamps([
                    "id": id, "name": name, "description": "Enterprise policy template: \(name)", "account_id": enterprise,
                    "version": String(version), "committed": true, "state": "active", "policy": body,
                    "href": "\(iam)/v1/policy_templates/\(id)/versions/\(version)",
                ]))
            }
            versions[id] = items
            policyTemplates.append(items[items.count - 1])
            return id
        }

        var groupTemplates: [JSON] = [], groupAssignments: [JSON] = [], assignmentResources = JSON()
        /// An `AssignmentResourceEntry`: what the assignment made (`resource`) from a template's part (`id`).
        func entry(_ id: String, _ resource: String, _ extra: JSON) -> JSON {
            extra.merging(["id": id, "resource": resource, "error": "", "status": "succeeded"]) { _, entry in entry }
        }
        for groupIndex in 2...3 {
            let group = groups[groupIndex]
            let policies = access.indices.filter { subjectGroup(access[$0]) == group.id }
            let templateID = "AccessGroupTemplateId-" + rng.uuid()
            let assignmentID = "AccessGroupAssignment-" + rng.uuid()
            var references: [JSON] = [], createdPolicies: [JSON] = []
            if let first = policies.first {
                let policyTemplateID = policyTemplate("\(group.name) access", from: access[first], versionCount: 2)
                references.append(["id": policyTemplateID, "version": "2"])
                for index in policies.prefix(2) {
                    parts.policyMarks[index] = ["id": policyTemplateID, "version": "2", "assignment_id": assignmentID,
                                                "root_id": templateID, "root_version": "1"]
                    createdPolicies.append(entry(policyTemplateID, access[index]["id"] as? String ?? "", ["version": "2"]))
                }
            }
            assignmentResources[assignmentID] = [[
                "target": accountID,
                "group": ["group": entry(templateID, group.id, ["name": group.name, "version": "1"]),
                          "members": [Any](), "rules": [Any]()] as JSON,
                "policy_template_references": createdPolicies,
            ] as JSON]
            groupTemplates.append(stamps([
                "id": templateID, "name": "\(group.name) (enterprise)", "description": "Managed by the enterprise",
                "version": "1", "committed": true, "account_id": enterprise,
                "group": ["name": group.name, "description": "Created by an enterprise template"] as JSON,
                "policy_template_references": references, "href": "\(iam)/v1/group_templates/\(templateID)/versions/1",
            ]))
            groupAssignments.append(stamps([
                "id": assignmentID, "account_id": enterprise, "template_id": templateID, "template_version": "1",
                "target_type": "Account", "target": accountID, "operation": "assign", "status": "succeeded",
                "href": "\(iam)/v1/group_assignments/\(assignmentID)",
            ]))
        }
        let elsewhere = "AccessGroupAssignment-" + rng.uuid()
        groupAssignments.append(stamps([
            "id": elsewhere, "account_id": enterprise, "template_id": groupTemplates[0]["id"] ?? "",
            "template_version": "1", "target_type": "AccountGroup", "target": "AccountGroupId-" + rng.hex(32),
            "operation": "assign", "status": "succeeded", "href": "\(iam)/v1/group_assignments/\(elsewhere)",
        ]))

        // A policy assigned directly from a policy template: the first policy of the fifth group.
        if let index = access.indices.first(where: { subjectGroup(access[$0]) == groups[4].id }) {
            let templateID = policyTemplate("\(groups[4].name) baseline", from: access[index], versionCount: 1)
            let assignmentID = "policyAssignment-" + rng.uuid()
            let policyID = access[index]["id"] as? String ?? ""
            policyAssignments.append(stamps([
                "id": assignmentID, "account_id": enterprise, "href": "\(iam)/v1/policy_assignments/\(assignmentID)",
                "target": ["type": "Account", "id": accountID] as JSON, "template": ["id": templateID, "version": "1"] as JSON,
                "subject": ["type": "access_group_id", "id": groups[4].id] as JSON, "status": "succeeded",
                "resources": [["target": ["type": "Account", "id": accountID] as JSON,
                               "policy": ["resource_created": ["id": policyID] as JSON, "status": "succeeded"] as JSON] as JSON],
            ]))
            parts.policyMarks[index] = ["id": templateID, "version": "1", "assignment_id": assignmentID]
        }

        // A trusted profile from a template.
        let profile = profiles[0]
        let profileTemplateID = "ProfileTemplate-" + rng.uuid()
        let profileAssignmentID = "TemplateAssignment-" + rng.uuid()
        let profileTemplate = stamps([
            "id": profileTemplateID, "version": 1, "account_id": enterprise, "name": "\(profile.name) (enterprise)",
            "description": "Managed by the enterprise", "committed": true, "entity_tag": "1-" + rng.hex(32),
            "crn": "crn:v1:bluemix:public:iam-identity::a/\(enterprise)::profile-template:\(profileTemplateID)",
            "profile": ["name": profile.name, "description": profile.description] as JSON,
        ], identity: true)
        let profileAssignment = stamps([
            "id": profileAssignmentID, "account_id": enterprise, "template_id": profileTemplateID, "template_version": 1,
            "target_type": "Account", "target": accountID, "status": "succeeded", "entity_tag": "1-" + rng.hex(32),
            "href": "\(iam)/v1/profile_assignments/\(profileAssignmentID)",
            "resources": [["target": accountID,
                           "profile": ["id": profile.id, "version": 1, "status": "succeeded",
                                       "resource_created": ["id": profile.id] as JSON] as JSON] as JSON],
        ], identity: true)
        parts.profileMarks[0] = ["template_id": profileTemplateID, "assignment_id": profileAssignmentID]

        // The account settings.
        let settingsTemplateID = "AccountSettingsTemplate-" + rng.uuid()
        let settingsAssignmentID = "TemplateAssignment-" + rng.uuid()
        let settingsTemplate = stamps([
            "id": settingsTemplateID, "version": 2, "account_id": enterprise, "name": "Enterprise baseline",
            "description": "API key restrictions and session limits for every account", "committed": true,
            "entity_tag": "2-" + rng.hex(32),
            "crn": "crn:v1:bluemix:public:iam-identity::a/\(enterprise)::account-settings-template:\(settingsTemplateID)",
            "account_settings": ["restrict_create_platform_apikey": "RESTRICTED",
                                 "session_invalidation_in_seconds": "7200"] as JSON,
        ], identity: true)
        let settingsAssignment = stamps([
            "id": settingsAssignmentID, "account_id": enterprise, "template_id": settingsTemplateID,
            "template_version": 2, "target_type": "Account", "target": accountID, "status": "succeeded",
            "entity_tag": "1-" + rng.hex(32), "href": "\(iam)/v1/account_settings_assignments/\(settingsAssignmentID)",
        ], identity: true)

        parts.assignedSettingsTemplate = ["template_id": settingsTemplateID, "template_version": 2,
                                          "template_name": "Enterprise baseline", "restrict_create_platform_apikey": "RESTRICTED",
                                          "session_invalidation_in_seconds": "7200"]
        parts.collections = [
            (.accessGroupTemplates, groupTemplates), (.accessGroupAssignments, groupAssignments),
            (.accessGroupAssignmentResources, assignmentResources),
            (.trustedProfileTemplates, [profileTemplate]), (.trustedProfileAssignments, [profileAssignment]),
            (.accountSettingsTemplates, [settingsTemplate]), (.accountSettingsAssignments, [settingsAssignment]),
            (.policyTemplates, policyTemplates), (.policyAssignments, policyAssignments), (.policyTemplateVersions, versions),
        ]
        return parts
    }
}
