import Foundation

/// What the fetcher authenticates with. Never printed: `description` hides the secret.
package enum Credential: Sendable, CustomStringConvertible {
    /// An API key, exchanged for tokens at `POST /identity/token`.
    case apiKey(String)
    /// A bearer token (as `ibmcloud iam oauth-tokens` prints it, with or without `Bearer `).
    case token(String)

    package var description: String {
        switch self {
        case .apiKey: "API key (hidden)"
        case .token: "bearer token (hidden)"
        }
    }

    /// Why no credential could be read.
    package struct Missing: Error, CustomStringConvertible {
        package let description: String
    }

    /// From `--api-key-file`, else `IBMCLOUD_API_KEY`, else `IBMCLOUD_TOKEN`.
    package static func resolve(apiKeyFile: String?, environment: [String: String]) throws(Missing) -> Credential {
        if let apiKeyFile {
            guard let data = FileManager.default.contents(atPath: apiKeyFile) else {
                throw Missing(description: "cannot read the API key file \(apiKeyFile)")
            }
            return .apiKey(try apiKey(fromFile: data, path: apiKeyFile))
        }
        if let key = environment["IBMCLOUD_API_KEY"]?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty {
            return .apiKey(key)
        }
        if let token = environment["IBMCLOUD_TOKEN"]?.trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty {
            let bare = stripBearer(token)
            guard isHeaderSafe(bare) else {
                throw Missing(description: "IBMCLOUD_TOKEN holds characters a bearer token cannot have (spaces, line breaks, control characters)")
            }
            return .token(bare)
        }
        throw Missing(description: "no credentials: set IBMCLOUD_API_KEY, or IBMCLOUD_TOKEN, or pass --api-key-file FILE")
    }

    /// The key from the JSON file the IBM Cloud console downloads (`{"apikey": …}`), or from a one-line file.
    static func apiKey(fromFile data: Data, path: String) throws(Missing) -> String {
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            guard let key = object["apikey"] as? String, !key.isEmpty else {
                throw Missing(description: "\(path): JSON without an \"apikey\" field")
            }
            return key
        }
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard lines.count == 1 else {
            throw Missing(description: "\(path): expected the console's JSON key file or one line holding the key")
        }
        return lines[0]
    }

    /// Whether a token can go into an `Authorization` header as it is: visible ASCII only (a JWT is base64url and
    /// dots), so no token, given or received, can add a header line or break the request.
    package static func isHeaderSafe(_ token: String) -> Bool {
        !token.isEmpty && token.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }

    static func stripBearer(_ token: String) -> String {
        token.lowercased().hasPrefix("bearer ") ? String(token.dropFirst(7)).trimmingCharacters(in: .whitespaces) : token
    }
}
