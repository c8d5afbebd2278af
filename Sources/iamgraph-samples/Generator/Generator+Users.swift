/// Users: names, emails, invitation times.
extension Generator {
    mutating func makeUsers() {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ")
        var seen: Set<String> = []
        var logins: [String: Int] = [:]
        for index in 0..<size.users {
            var iamID: String
            repeat {
                iamID = "IBMid-" + rng.string(6, from: Array("0123456789")) + rng.string(4, from: alphabet)
            } while !seen.insert(iamID).inserted
            let first = rng.pick(Catalog.firstNames), last = rng.pick(Catalog.lastNames)
            let base = Catalog.login(first) + "." + Catalog.login(last)
            let n = (logins[base] ?? 0) + 1
            logins[base] = n
            let contractor = index > 0 && rng.chance(0.06)
            let email = base + (n == 1 ? "" : String(n)) + "@" + (contractor ? "contractor.example.net" : domain)
            let added = index == 0 ? accountStart : time(from: accountStart + SynthTime.day)
            users.append(UserRecord(iamID: iamID, first: first, last: last, email: email, added: added))
        }
        let adminCount = min(size.users - 1, 1 + max(1, size.users / 1500))
        admins = [0] + Array(1..<(1 + max(0, adminCount)))
    }

    func usersJSON() -> [JSON] {
        var rng = stream(0x5EED)
        return users.enumerated().map { index, user in
            let state = index == 0 ? "ACTIVE"
                : ["ACTIVE", "PENDING", "DISABLED_CLASSIC_INFRASTRUCTURE", "VPN_ONLY"][rng.weighted([16, 2, 1, 1])]
            let phone = rng.chance(0.6) ? "+1 512 555 " + SynthTime.pad(rng.int(10_000), 4) : ""
            return [
                "id": rng.hex(32),
                "iam_id": user.iamID,
                "realm": "IBMid",
                "user_id": user.email,
                "firstname": user.first,
                "lastname": user.last,
                "state": state,
                "email": user.email,
                "phonenumber": phone,
                "altphonenumber": "",
                "photo": "",
                "account_id": accountID,
                "added_on": SynthTime.seconds(user.added),
            ]
        }
    }
}
