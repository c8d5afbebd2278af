import Model

/// What may assume a trusted profile besides the account's identities listed in its `identities`: a compute resource
/// linked to it (a cluster's service account, a VSI, a Code Engine component), or whatever a claim rule admits —
/// federated users of a realm, or compute resources of a type — under the rule's conditions.
package struct ProfileAssumer: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable {
        /// A compute resource linked to the profile (`/links`).
        case computeResource = "compute_resource"
        /// Federated users a `Profile-SAML` claim rule admits.
        case federatedUsers = "federated_users"
        /// Compute resources a `Profile-CR` claim rule admits.
        case computeResources = "compute_resources"
    }

    package let kind: Kind
    /// The link's compute resource CRN (its id when it has none), or the claim rule's id.
    package let id: String
    /// A name for tables: the link's resource, or the rule's realm or resource type and conditions.
    package let name: String

    /// The profile's linked compute resources and claim rules, in the snapshot's order (links, then rules).
    package static func all(of profile: TrustedProfile) -> [ProfileAssumer] {
        let links = profile.links.map { link in
            let target = link.link
            let resource = [target?.namespace, target?.name ?? target?.componentName].compactMap { $0 }.joined(separator: "/")
            let name = [link.crType, resource.isEmpty ? nil : resource, link.name.map { "(link \($0))" }].compactMap { $0 }
                .joined(separator: " ")
            return ProfileAssumer(kind: .computeResource, id: target?.crn ?? link.id, name: name.isEmpty ? link.id : name)
        }
        let rules = profile.rules.map { rule in
            let conditions = (rule.conditions ?? []).map(\.description).joined(separator: " and ")
            let federated = rule.type == "Profile-SAML"
            let who = federated ? "federated users of \(rule.realmName ?? "an unnamed realm")"
                : "compute resources of type \(rule.crType ?? "any")"
            return ProfileAssumer(kind: federated ? .federatedUsers : .computeResources, id: rule.id,
                                  name: who + (conditions.isEmpty ? "" : " where \(conditions)"))
        }
        return links + rules
    }
}
