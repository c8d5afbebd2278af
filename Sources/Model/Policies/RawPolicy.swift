/// A policy item as either API version returns it; `normalized` turns it into a `Policy`.
package struct RawPolicy: Decodable {
    let id: String
    let type: String?
    let description: String?
    let state: String?
    let pattern: String?
    let createdAt: Timestamp?
    let lastModifiedAt: Timestamp?
    // v2
    let subject: AttributeSet?
    let control: Control?
    let resource: AttributeSet?
    let rule: RuleNode?
    let template: TemplateRef?
    // v1
    let subjects: [AttributeSet]?
    let roles: [RoleRef]?
    let resources: [AttributeSet]?

    enum CodingKeys: String, CodingKey {
        case id, type, description, state, pattern, subject, control, resource, rule, template, subjects, roles, resources
        case createdAt = "created_at", lastModifiedAt = "last_modified_at"
    }

    struct AttributeSet: Decodable {
        let attributes: [Attribute]?
        let tags: [Attribute]?
    }

    /// v2 names the attribute `key`, v1 `name`; v1 may omit the operator (meaning `stringEquals`).
    struct Attribute: Decodable {
        let key: String?
        let name: String?
        let `operator`: String?
        let value: AttributeValue?

        var normalized: PolicyAttribute {
            PolicyAttribute(key: key ?? name ?? "", operator: `operator` ?? "stringEquals", value: value ?? .string(""))
        }
    }

    struct Control: Decodable {
        struct Grant: Decodable { let roles: [RoleRef]? }
        let grant: Grant?
    }

    struct RoleRef: Decodable {
        let roleID: String
        enum CodingKeys: String, CodingKey { case roleID = "role_id" }
    }

    /// The template a policy was made from (v2 `template`): its id, version and assignment.
    struct TemplateRef: Decodable {
        let id: String?
        let version: TemplateVersion?
        let assignmentID: String?

        enum CodingKeys: String, CodingKey {
            case id, version
            case assignmentID = "assignment_id"
        }
    }

    /// `{key, operator, value}` or `{operator: and|or, conditions: [...]}`.
    struct RuleNode: Decodable {
        let key: String?
        let `operator`: String?
        let value: AttributeValue?
        let conditions: [RuleNode]?

        var normalized: PolicyRule {
            if let conditions {
                let children = conditions.map(\.normalized)
                return `operator`?.lowercased() == "or" ? .or(children) : .and(children)
            }
            return .condition(PolicyAttribute(key: key ?? "", operator: `operator` ?? "", value: value ?? .string("")))
        }
    }

    package var normalized: Policy {
        let isV2 = subject != nil || control != nil || resource != nil || (subjects == nil && roles == nil)
        let subjectAttributes = isV2 ? (subject?.attributes ?? []) : (subjects ?? []).flatMap { $0.attributes ?? [] }
        let resourceSets = isV2 ? [resource].compactMap { $0 } : (resources ?? [])
        let roleRefs = isV2 ? (control?.grant?.roles ?? []) : (roles ?? [])
        return Policy(
            id: id, type: type ?? "access", description: description, state: state,
            subject: subjectAttributes.map(\.normalized),
            roleIDs: roleRefs.map(\.roleID),
            resource: resourceSets.flatMap { $0.attributes ?? [] }.map(\.normalized),
            resourceTags: resourceSets.flatMap { $0.tags ?? [] }.map(\.normalized),
            rule: rule?.normalized, pattern: pattern, templateID: template?.id,
            templateVersion: template?.version?.text, templateAssignmentID: template?.assignmentID,
            createdAt: createdAt, lastModifiedAt: lastModifiedAt, origin: isV2 ? .v2 : .v1)
    }
}
