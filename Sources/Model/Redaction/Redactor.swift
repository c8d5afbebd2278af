import Snapshot

/// What `SnapshotRedaction` does to one file's objects, as a `CanonicalRewriter`: objects that are entities get their
/// names and emails replaced by pseudonyms of their ids; free-text keys by pseudonyms of their text; policy attributes
/// and rule conditions (objects with a `value` and no `claim`) are kept; a claim-rule condition's value is replaced.
package struct Redactor: CanonicalRewriter {
    let collection: CollectionKind?
    let accountID: String
    /// Access group name → id: an access group template names the group it creates by name only, and that name
    /// becomes the pseudonym of the account's group of that name, so the template still matches its group.
    let groupIDs: [String: String]

    /// The redaction of one file of `collection` (`nil`: the activity or MFA report) of the account `accountID`.
    package init(collection: CollectionKind?, accountID: String, groupIDs: [String: String]) {
        self.collection = collection
        self.accountID = accountID
        self.groupIDs = groupIDs
    }

    /// How an object is redacted, as its parent says.
    package enum Context {
        /// As any object.
        case plain
        /// What an access group template creates (its `group`, which has a name but no id): named as the account's
        /// group of that name is, else by a pseudonym of the name.
        case templateGroup
        /// What a trusted profile template creates (its `profile`): named by a pseudonym of its name.
        case templateProfile
    }

    /// What an object is, found from its members before any is written.
    package struct Plan {
        enum Kind {
            /// A claim-rule condition: its claim's value may be an email, a group name or a URL.
            case claimCondition
            /// A policy attribute or rule condition: structure the analyses read, kept whole.
            case structure
            /// Anything else, with the pseudonyms of its name and email when it is an entity.
            case object(entity: (name: String, email: String?)?)
        }

        let kind: Kind
        /// A template's created entity's name, which replaces its `name` whatever the kind.
        let templateName: String?
    }

    package var elementContext: Context { .plain }

    package func plan(for object: some JSONObjectLookup, in context: Context) -> Plan {
        let templateName = object.string("name").flatMap { name -> String? in
            switch context {
            case .plain: nil
            case .templateGroup: SnapshotRedaction.pseudonym("group", groupIDs[name] ?? name)
            case .templateProfile: SnapshotRedaction.pseudonym("profile", name)
            }
        }
        if object.contains("claim") { return Plan(kind: .claimCondition, templateName: templateName) }
        if object.contains("value") && (object.contains("operator") || object.contains("name") || object.contains("key")) {
            return Plan(kind: .structure, templateName: templateName)
        }
        // Only these members read the entity's pseudonyms: an object without any (a policy, a key's owner) needs none.
        let namesEntity = Self.entityMembers.contains(where: object.contains)
        return Plan(kind: .object(entity: namesEntity ? entityPseudonym(object) : nil), templateName: templateName)
    }

    /// The members an entity's pseudonyms replace.
    private static let entityMembers = ["name", "display_name", "email", "user_id", "firstname", "lastname"]

    package func rewrite(member key: String, value: some JSONValueLookup, plan: Plan) -> MemberRewrite<Context> {
        if key == "name", let templateName = plan.templateName { return .replaced(templateName) }
        switch plan.kind {
        case .claimCondition:
            guard key == "value", let text = value.string else { return .kept }
            return .replaced(SnapshotRedaction.pseudonym("claim", text))
        case .structure:
            return .kept
        case .object(let entity):
            return rewrite(member: key, value: value, entity: entity)
        }
    }

    /// A member of an object that is neither a claim condition nor structure.
    private func rewrite(member key: String, value: some JSONValueLookup,
                         entity: (name: String, email: String?)?) -> MemberRewrite<Context> {
        if key == "group", collection == .accessGroupTemplates, value.isObject { return .rewritten(.templateGroup) }
        if key == "profile", collection == .trustedProfileTemplates, value.isObject { return .rewritten(.templateProfile) }
        // Other members are written as they are, or rewritten inside; their strings are not even read.
        guard Self.entityMembers.contains(key) || key == "realm" || SnapshotRedaction.textKeys.contains(key),
              let text = value.string else {
            return .rewritten(.plain)
        }
        switch key {
        case "name", "display_name":
            // Names of objects without an id (a policy's role, an attribute) are structure, not names.
            return entity.map { .replaced($0.name) } ?? .kept
        case "email", "user_id":
            return .replaced(entity?.email ?? SnapshotRedaction.pseudonym("email", text) + "@redacted.invalid")
        case "firstname", "lastname":
            // A user's display name is "first last": the pseudonym alone. Not an entity's: free text, below.
            if let entity { return .replaced(key == "firstname" ? entity.name : "") }
        case "realm" where text == "IBMid":
            return .kept  // IBM's own realm, not an IdP: the MFA rules tell IBMid users by it
        default:
            break
        }
        guard SnapshotRedaction.textKeys.contains(key) else { return .kept }
        return .replaced(SnapshotRedaction.pseudonym(key.replacingOccurrences(of: "_", with: ""), text))
    }

    /// The pseudonyms of an entity's name and email, from its id and kind; `nil` for objects that are not one.
    private func entityPseudonym(_ object: some JSONObjectLookup) -> (name: String, email: String?)? {
        if collection == .account { return (SnapshotRedaction.pseudonym("account", accountID), nil) }
        // An object with an `iam_id` in a collection that lists identities is that identity; the activity and MFA
        // reports (no collection) list identities.
        if collection?.namesIdentities ?? true, let iamID = object.string("iam_id") {
            let prefix = iamID.hasPrefix("iam-ServiceId-") ? "serviceid" : iamID.hasPrefix("iam-Profile-") ? "profile"
                : iamID.hasPrefix("crn:") ? "resource" : "user"
            return (SnapshotRedaction.pseudonym(prefix, iamID), prefix == "user" ? SnapshotRedaction.email(ofIAMID: iamID) : nil)
        }
        if collection == .roles {
            guard let crn = object.string("crn"), crn.contains(":customRole:") else { return nil }
            return (SnapshotRedaction.pseudonym("role", crn), nil)
        }
        // The first of `guid`, `id` and `crn` the object has, when it is a string.
        guard let key = ["guid", "id", "crn"].first(where: object.contains), let id = object.string(key) else { return nil }
        return (SnapshotRedaction.pseudonym(collection.map(\.pseudonymPrefix) ?? "entity", id), nil)
    }
}
