import Foundation
import Snapshot

/// Makes the IAM access tokens the fake cloud hands out: JWTs whose payload carries the claims iamgraph reads
/// (`iam_id`, `account.bss`, `exp`, `sub`, `sub_type`) and whose signature nobody checks. Claims are kept few:
/// FlyingFox parses header lines byte by byte, so every byte of a bearer header costs time on every request.
struct TokenIssuer: Sendable {
    let accountID: String
    /// The `account.bss` claim: the account id, unless a fault replaces it.
    let accountClaim: String
    /// The identity every token is issued to.
    let iamID: String
    /// The login (`sub`) of that identity.
    let subject: String
    /// `user`, `ServiceId` or `Profile`.
    let subjectType: String
    /// Seconds a token is valid.
    let lifetime: Int

    init(snapshot: ServedSnapshot, iamID: String?, lifetime: Int, accountClaim: String? = nil) {
        accountID = snapshot.accountID
        self.accountClaim = accountClaim ?? snapshot.accountID
        let account = snapshot.object(.account)
        let chosen = iamID ?? account?["owner_iamid"]?.stringValue
            ?? snapshot.items(.users).first?["iam_id"]?.stringValue ?? "IBMid-FAKE000000"
        self.iamID = chosen
        if chosen.hasPrefix("iam-ServiceId-") {
            subjectType = "ServiceId"
            subject = String(chosen.dropFirst("iam-".count))
        } else if chosen.hasPrefix("iam-Profile-") {
            subjectType = "Profile"
            subject = String(chosen.dropFirst("iam-".count))
        } else {
            subjectType = "user"
            let user = snapshot.items(.users).first { $0["iam_id"]?.stringValue == chosen }
            subject = user?["user_id"]?.stringValue ?? user?["email"]?.stringValue
                ?? (chosen == account?["owner_iamid"]?.stringValue ? account?["owner_userid"]?.stringValue : nil)
                ?? chosen
        }
        self.lifetime = lifetime
    }

    /// A new token, unique by `serial`, issued at `now` (epoch seconds).
    func token(serial: Int, now: Int) -> (jwt: String, expiration: Int) {
        let expiration = now + lifetime
        let header: RawJSON = ["alg": "RS256", "kid": "fake-ibmcloud", "typ": "JWT"]
        let payload: RawJSON = [
            "iam_id": .string(iamID),
            "jti": .string("fake-ibmcloud-\(serial)"),
            "sub": .string(subject),
            "sub_type": .string(subjectType),
            "account": ["bss": .string(accountClaim), "valid": true],
            "iat": .int(now),
            "exp": .int(expiration),
            "iss": "https://iam.cloud.ibm.com/identity",
            "scope": "ibm openid",
        ]
        let signingInput = Self.base64URL(header.data) + "." + Self.base64URL(payload.data)
        // Not a real signature (nothing verifies it): the SHA-256 of the signed part, as 32 raw bytes.
        let hex = Array(SHA256Digest.hex(of: Data(signingInput.utf8)).utf8)
        let digest = stride(from: 0, to: hex.count - 1, by: 2).compactMap { UInt8(String(decoding: hex[$0...$0 + 1], as: UTF8.self), radix: 16) }
        let signature = Self.base64URL(Data(digest))
        return (signingInput + "." + signature, expiration)
    }

    /// The token service's JSON answer for a token.
    func response(jwt: String, expiration: Int) -> RawJSON {
        [
            "access_token": .string(jwt),
            "refresh_token": "not_supported",
            "token_type": "Bearer",
            "expires_in": .int(lifetime),
            "expiration": .int(expiration),
            "scope": "ibm openid",
        ]
    }

    /// Base64url without padding, as JWT parts are written.
    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
