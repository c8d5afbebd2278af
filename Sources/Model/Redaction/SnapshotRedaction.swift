import Foundation
import Snapshot

/// `--redact`: a snapshot whose names, emails, descriptions, IdP realms and other free text are replaced by stable
/// pseudonyms before anything is computed from it, so every output of the run — the map, `access`, `report` (SARIF
/// included) and `diff` — shows the same pseudonym for the same entity, and no original text can reach any of them.
///
/// An entity's name becomes `<kind>-<8 hex>` of its id (`user-…`, `serviceid-…`, `profile-…`, `group-…`,
/// `instance-…`, `resourcegroup-…`, …; a user's email `user-…@redacted.invalid`), the account's name
/// `account-<8 hex of its id>`; other free text (`description`, `realm_name`, `namespace`, claim values, …) becomes
/// `<key>-<8 hex of the text>`, so a changed description still shows as changed in a diff. Ids, CRNs, role names,
/// services, regions and policy attributes are kept: the analyses need them.
package enum SnapshotRedaction {
    /// `prefix-` followed by 8 hex characters of the value's SHA-256: the same input always gives the same pseudonym.
    package static func pseudonym(_ prefix: String, _ value: String) -> String {
        prefix + "-" + SHA256Digest.hex(of: Data(value.utf8)).prefix(8)
    }

    /// The pseudonymous email of the identity `iamID`.
    package static func email(ofIAMID iamID: String) -> String { pseudonym("user", iamID) + "@redacted.invalid" }

    /// The snapshot with every collection and volatile file redacted. A file that is not JSON is dropped (its
    /// collection reads as unreadable) rather than passed through unredacted.
    package static func redact(_ snapshot: LoadedSnapshot) -> LoadedSnapshot {
        let accountID = snapshot.manifest.accountID
        let groupIDs = groupIDsByName(snapshot.files[.accessGroups])
        var files: [CollectionKind: Data] = [:]
        var unknown = snapshot.unknown
        for (kind, data) in snapshot.files {
            if let redacted = redactJSON(data, collection: kind, accountID: accountID, groupIDs: groupIDs) {
                files[kind] = redacted
            } else {
                unknown[kind] = .unreadable
            }
        }
        return LoadedSnapshot(directory: snapshot.directory, manifest: snapshot.manifest, files: files, unknown: unknown,
                              policyUsage: snapshot.policyUsage,
                              activity: snapshot.activity.flatMap { redactJSON($0, collection: nil, accountID: accountID) },
                              mfa: snapshot.mfa.flatMap { redactJSON($0, collection: nil, accountID: accountID) },
                              problems: snapshot.problems)
    }

    /// Keys whose string values are free text wherever they appear.
    static let textKeys: Set<String> = [
        "description", "realm_name", "realm", "namespace", "component_name", "firstname", "lastname", "user_id",
        "username", "url", "idp_url", "login", "phonenumber", "altphonenumber", "photo",
        // What went wrong creating a template's resources (`access_group_assignment_resources`): may quote names.
        "error",
    ]

    /// Access group name → id, the first id for a name (names are unique in an account), from `access-groups.json`.
    private static func groupIDsByName(_ data: Data?) -> [String: String] {
        let groups = data.flatMap { try? FoundationJSON.parse($0) as? [Any] } ?? []
        var ids: [String: String] = [:]
        for case let group as [String: Any] in groups {
            if let name = group["name"] as? String, let id = group["id"] as? String, ids[name] == nil { ids[name] = id }
        }
        return ids
    }

    /// One file redacted: parsed into the values `JSONSerialization` gives (`FoundationJSON`), walked, and written
    /// back canonically (`CanonicalJSON`, as a snapshot's own files are), so the loader reads the same values it
    /// would read from `JSONSerialization`'s bytes; `nil` for text that is not JSON.
    private static func redactJSON(_ data: Data, collection: CollectionKind?, accountID: String,
                                   groupIDs: [String: String] = [:]) -> Data? {
        guard let json = try? FoundationJSON.parse(data) else { return nil }
        let redacted = Walker(collection: collection, accountID: accountID, groupIDs: groupIDs).value(json)
        return try? CanonicalJSON.data(redacted)
    }

    /// Rewrites one JSON value: objects that are entities get their names and emails replaced by pseudonyms of their
    /// ids; free-text keys by pseudonyms of their text; policy attributes and rule conditions (objects with a
    /// `value` and no `claim`) are kept.
    private struct Walker {
        let collection: CollectionKind?
        let accountID: String
        /// Access group name → id: an access group template names the group it creates by name only, and that name
        /// becomes the pseudonym of the account's group of that name, so the template still matches its group.
        let groupIDs: [String: String]

        func value(_ json: Any) -> Any {
            switch json {
            case let object as [String: Any]: self.object(object)
            case let array as [Any]: array.map(value)
            default: json
            }
        }

        private func object(_ object: [String: Any]) -> [String: Any] {
            if object["claim"] != nil {
                // A claim-rule condition: the claim's value may be an email, a group name or a URL.
                var result = object
                if let text = object["value"] as? String { result["value"] = pseudonym("claim", text) }
                return result
            }
            if object["value"] != nil && (object["operator"] != nil || object["name"] != nil || object["key"] != nil) {
                return object  // a policy attribute or rule condition: structure the analyses read
            }
            let entity = entityPseudonym(object)
            var result: [String: Any] = [:]
            for (key, field) in object {
                switch (key, field) {
                case ("group", let group as [String: Any]) where collection == .accessGroupTemplates:
                    result[key] = templateEntity(group, prefix: "group") { groupIDs[$0] }
                case ("profile", let profile as [String: Any]) where collection == .trustedProfileTemplates:
                    result[key] = templateEntity(profile, prefix: "profile") { _ in nil }
                case ("name", let text as String), ("display_name", let text as String):
                    // Names of objects without an id (a policy's role, an attribute) are structure, not names.
                    result[key] = entity?.name ?? text
                case ("email", let text as String), ("user_id", let text as String):
                    result[key] = entity?.email ?? pseudonym("email", text) + "@redacted.invalid"
                case ("firstname", is String) where entity != nil:
                    result[key] = entity?.name  // a user's display name is "first last": the pseudonym alone
                case ("lastname", is String) where entity != nil:
                    result[key] = ""
                case ("realm", let text as String) where text == "IBMid":
                    result[key] = text  // IBM's own realm, not an IdP: the MFA rules tell IBMid users by it
                case (let key, let text as String) where Self.textKeysContains(key):
                    result[key] = pseudonym(key.replacingOccurrences(of: "_", with: ""), text)
                default:
                    result[key] = value(field)
                }
            }
            return result
        }

        /// What a template creates (its `group` or `profile`, which has a name but no id): named as the account's entity
        /// of that name is (`id(name)`), else by a pseudonym of the name; the rest redacted as usual.
        private func templateEntity(_ entity: [String: Any], prefix: String, id: (String) -> String?) -> [String: Any] {
            var result = object(entity)
            if let name = entity["name"] as? String {
                result["name"] = pseudonym(prefix, id(name) ?? name)
            }
            return result
        }

        private static func textKeysContains(_ key: String) -> Bool { SnapshotRedaction.textKeys.contains(key) }

        private var isRoleCollection: Bool { collection == .roles }

        private func isCustomRole(_ object: [String: Any]) -> Bool {
            (object["crn"] as? String)?.contains(":customRole:") == true
        }

        /// The pseudonyms of an entity's name and email, from its id and kind; `nil` for objects that are not one.
        private func entityPseudonym(_ object: [String: Any]) -> (name: String, email: String?)? {
            if collection == .account { return (SnapshotRedaction.pseudonym("account", accountID), nil) }
            if Self.namesIdentities(collection), let iamID = object["iam_id"] as? String {
                let prefix = iamID.hasPrefix("iam-ServiceId-") ? "serviceid" : iamID.hasPrefix("iam-Profile-") ? "profile"
                    : iamID.hasPrefix("crn:") ? "resource" : "user"
                return (SnapshotRedaction.pseudonym(prefix, iamID), prefix == "user" ? SnapshotRedaction.email(ofIAMID: iamID) : nil)
            }
            if isRoleCollection {
                guard isCustomRole(object), let crn = object["crn"] as? String else { return nil }
                return (SnapshotRedaction.pseudonym("role", crn), nil)
            }
            guard let id = (object["guid"] ?? object["id"] ?? object["crn"]) as? String else { return nil }
            return (SnapshotRedaction.pseudonym(collection.map(\.pseudonymPrefix) ?? "entity", id), nil)
        }

        /// Whether an object with an `iam_id` in the collection is that identity; the activity and MFA reports
        /// (no collection) list identities.
        private static func namesIdentities(_ collection: CollectionKind?) -> Bool {
            collection?.namesIdentities ?? true
        }

        private func pseudonym(_ prefix: String, _ text: String) -> String { SnapshotRedaction.pseudonym(prefix, text) }
    }
}
