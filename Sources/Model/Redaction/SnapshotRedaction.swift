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
        // The files are redacted on two threads (this one and one with the main thread's stack: the rewriting
        // recurses into nested JSON), largest first, each thread taking the next file when done with one.
        let originals = snapshot.files.sorted { $0.value.count > $1.value.count }
        let redactions = TakenInTurn<Data?>(count: originals.count)
        let redactInTurn: @Sendable () -> Bool = {
            while let position = redactions.take() {
                let (kind, data) = originals[position]
                redactions.set(position, redactJSON(data, collection: kind, accountID: accountID, groupIDs: groupIDs))
            }
            return true
        }
        let otherThread = Concurrent.onItsOwnThread(redactInTurn)
        _ = redactInTurn()
        _ = otherThread.value
        var files: [CollectionKind: Data] = [:]
        var unknown = snapshot.unknown
        for ((kind, _), redacted) in zip(originals, redactions.values) {
            if let redacted = redacted ?? nil {
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

    /// Access group name → id (what `Redactor` names template groups by), the first id for a name (names are unique in an account), from `access-groups.json`.
    package static func groupIDsByName(_ data: Data?) -> [String: String] {
        let groups = data.flatMap { try? FoundationJSON.parse($0) as? [Any] } ?? []
        var ids: [String: String] = [:]
        for case let group as [String: Any] in groups {
            if let name = group["name"] as? String, let id = group["id"] as? String, ids[name] == nil { ids[name] = id }
        }
        return ids
    }

    /// One file redacted and written back canonically, as a snapshot's own files are (`CanonicalRewrite`: from the
    /// text's token tape when it is canonical already, else from the values `JSONSerialization` gives), so the loader
    /// reads the same values it would read from `JSONSerialization`'s bytes; `nil` for text that is not JSON.
    private static func redactJSON(_ data: Data, collection: CollectionKind?, accountID: String,
                                   groupIDs: [String: String] = [:]) -> Data? {
        CanonicalRewrite.data(data, rewriter: Redactor(collection: collection, accountID: accountID, groupIDs: groupIDs))
    }
}
