import Foundation

/// The claims iamgraph reads from an IAM access token (the payload is not verified: the API does that).
package struct JWTClaims: Sendable, Equatable {
    package let iamID: String?
    /// `account.bss`: the account id.
    package let accountID: String?
    package let expiresAt: Date?

    /// Decodes the payload of `header.payload.signature` (base64url without padding); `nil` if it is not a JWT.
    package init?(token: String) {
        let parts = token.split(separator: ".")
        guard parts.count >= 2 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
              let payload = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        iamID = payload["iam_id"] as? String
        accountID = (payload["account"] as? [String: Any])?["bss"] as? String
        expiresAt = (payload["exp"] as? NSNumber).map { Date(timeIntervalSince1970: $0.doubleValue) }
    }
}
