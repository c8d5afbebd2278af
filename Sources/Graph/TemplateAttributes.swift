import Model

/// The node attributes of an entity a template manages (`TemplateManagement`): `template_id`, `template_version`
/// (`unknown` when the snapshot does not say), `template_name` when the snapshot lists the template, and
/// `template_inferred_from` (`group name`) for an access group marked by its name only (`TemplateMark.inferredByName`).
/// They reach the graph JSON, the map's tooltips and the HTML explorer's details as every node attribute does.
enum TemplateAttributes {
    /// The attribute keys this adds.
    static let keys: Set<String> = ["template_id", "template_version", "template_name", "template_inferred_from"]

    static func of(_ mark: TemplateMark?) -> [String: String] {
        guard let mark else { return [:] }
        var attributes = ["template_id": mark.templateID, "template_version": mark.version ?? "unknown"]
        attributes["template_name"] = mark.templateName
        if mark.inferredByName { attributes["template_inferred_from"] = "group name" }
        return attributes
    }
}
