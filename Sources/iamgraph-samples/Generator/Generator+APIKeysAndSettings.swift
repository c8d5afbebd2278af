/// API keys and the account's settings.
extension Generator {
    mutating func makeAPIKeys() -> [JSON] {
        var keys: [JSON] = []
        func key(_ g: inout Generator, owner: String, name: String, description: String, since: Int, by: String) -> JSON {
            let uuid = g.rng.uuid()
            let created = g.time(from: since + 60)
            var item: JSON = [
                "id": "ApiKey-" + uuid,
                "entity_tag": "\(1 + g.rng.int(3))-" + g.rng.hex(32),
                "crn": "crn:v1:bluemix:public:iam-identity::a/\(g.accountID)::apikey:ApiKey-\(uuid)",
                "name": name,
                "description": description,
                "iam_id": owner,
                "account_id": g.accountID,
                "created_at": SynthTime.identity(created),
                "created_by": by,
                "modified_at": SynthTime.identity(g.rng.chance(0.8) ? created : g.time(from: created)),
                "locked": g.rng.chance(0.1),
                "disabled": g.rng.chance(0.03),
                "action_when_leaked": ["disable", "disable", "delete", "none"][g.rng.int(4)],
                "support_sessions": false,
                "apikey": "",  // listings carry the property without the secret
                "leaked": g.rng.chance(0.005),
            ]
            if g.rng.chance(0.4) { item["expires_at"] = SynthTime.identity(created + (90 + g.rng.int(640)) * SynthTime.day) }
            return item
        }
        for user in users.indices where user == 0 || rng.chance(0.25) {
            let record = users[user]
            let login = String(record.email.prefix { $0 != "@" })
            for n in 0..<(rng.chance(0.2) ? 2 : 1) {
                keys.append(key(&self, owner: record.iamID, name: login + (n == 0 ? "-cli" : "-terraform"),
                                description: n == 0 ? "Personal CLI key" : "Local terraform runs", since: record.added,
                                by: record.iamID))
            }
        }
        for sid in serviceIDs where rng.chance(0.75) {
            for n in 0..<rng.weighted([75, 18, 7]) + 1 {
                let by = users[admins[rng.int(admins.count)]].iamID
                keys.append(key(&self, owner: sid.iamID, name: sid.name + "-key" + (n == 0 ? "" : "-\(n + 1)"),
                                description: n == 0 ? "Used by \(sid.name)" : "Rotation \(n + 1)", since: sid.created,
                                by: by))
            }
        }
        return keys
    }
}
