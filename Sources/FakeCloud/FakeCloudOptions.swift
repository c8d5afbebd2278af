extension FakeCloud {
    /// How a fake cloud listens and whom it issues tokens to.
    package struct Options: Sendable {
        /// The IPv4 address to listen on; loopback by default.
        package var host: String
        /// The TCP port; `0` picks any free port (read it back from `FakeCloud.port` after `start()`).
        package var port: UInt16
        /// The only API key accepted; `nil` accepts any non-empty key except `FakeCloud.Options.rejectedKey`.
        package var apiKey: String?
        /// The identity tokens are issued to; `nil` uses the account owner (`owner_iamid` of `account.json`).
        package var iamID: String?
        /// Seconds a token is valid (`expires_in`).
        package var tokenLifetime: Int
        /// Called once per request, after it was answered (or dropped), e.g. to log it.
        package var onRequest: (@Sendable (RequestRecord) -> Void)?

        /// The key that is always refused when `apiKey` is `nil`.
        package static let rejectedKey = "invalid-key"

        package init(host: String = "127.0.0.1", port: UInt16 = 0, apiKey: String? = nil, iamID: String? = nil,
                    tokenLifetime: Int = 3600, onRequest: (@Sendable (RequestRecord) -> Void)? = nil) {
            self.host = host
            self.port = port
            self.apiKey = apiKey
            self.iamID = iamID
            self.tokenLifetime = tokenLifetime
            self.onRequest = onRequest
        }

        /// Whether `key` is an API key this fake cloud accepts.
        func accepts(_ key: String?) -> Bool {
            guard let key, !key.isEmpty else { return false }
            if let apiKey { return key == apiKey }
            return key != Self.rejectedKey
        }
    }
}
