/// `manifest.json`: what a snapshot holds, where it came from and how each collection's fetch went.
public struct Manifest: Codable, Sendable, Equatable {
    public static let formatName = "iamgraph-snapshot"
    public static let currentVersion = 1
    public static let fileName = "manifest.json"

    public var format: String
    public var version: Int
    public var toolVersion: String
    public var accountID: String
    /// When the fetch started, RFC 3339 UTC.
    public var fetchedAt: String
    public var scope: Scope
    public var collections: [String: CollectionEntry]
    public var volatile: [String: VolatileEntry]
    /// Set when the snapshot was re-sealed by hand (`iamgraph reseal`) after its files were edited: what it says, so
    /// that no one takes the files for what the API returned. Absent from fetched snapshots.
    public var resealed: String?

    public init(toolVersion: String, accountID: String, fetchedAt: String, scope: Scope,
                collections: [String: CollectionEntry] = [:], volatile: [String: VolatileEntry] = [:]) {
        self.format = Self.formatName
        self.version = Self.currentVersion
        self.toolVersion = toolVersion
        self.accountID = accountID
        self.fetchedAt = fetchedAt
        self.scope = scope
        self.collections = collections
        self.volatile = volatile
    }

    enum CodingKeys: String, CodingKey {
        case format, version, scope, collections, volatile, resealed
        case toolVersion = "tool_version"
        case accountID = "account_id"
        case fetchedAt = "fetched_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        version = try c.decode(Int.self, forKey: .version)
        toolVersion = try c.decodeIfPresent(String.self, forKey: .toolVersion) ?? ""
        accountID = try c.decode(String.self, forKey: .accountID)
        fetchedAt = try c.decode(String.self, forKey: .fetchedAt)
        scope = try c.decode(Scope.self, forKey: .scope)
        collections = try c.decode([String: CollectionEntry].self, forKey: .collections)
        volatile = try c.decodeIfPresent([String: VolatileEntry].self, forKey: .volatile) ?? [:]
        resealed = try c.decodeIfPresent(String.self, forKey: .resealed)
    }

    /// What part of the account a snapshot covers.
    public struct Scope: Codable, Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Codable, Sendable { case account, identity }
        public var kind: Kind
        /// For `identity` scope: the identity whose access was fetched.
        public var iamID: String?

        public static let account = Scope(kind: .account, iamID: nil)
        public static func identity(_ iamID: String) -> Scope { Scope(kind: .identity, iamID: iamID) }

        enum CodingKeys: String, CodingKey { case kind, iamID = "iam_id" }

        public var description: String {
            kind == .account ? "account" : "identity \(iamID ?? "?")"
        }
    }

    /// How one collection's fetch went.
    public enum Status: String, Codable, Sendable {
        case ok, forbidden, failed
    }

    public struct CollectionEntry: Codable, Sendable, Equatable {
        public var api: String
        public var endpoint: String
        public var query: String
        public var file: String?
        public var pages: Int
        public var items: Int?
        public var sha256: String?
        public var status: Status
        public var httpStatus: Int?
        public var message: String?

        public init(api: String, endpoint: String, query: String, file: String? = nil, pages: Int, items: Int? = nil,
                    sha256: String? = nil, status: Status, httpStatus: Int? = nil, message: String? = nil) {
            self.api = api
            self.endpoint = endpoint
            self.query = query
            self.file = file
            self.pages = pages
            self.items = items
            self.sha256 = sha256
            self.status = status
            self.httpStatus = httpStatus
            self.message = message
        }

        enum CodingKeys: String, CodingKey {
            case api, endpoint, query, file, pages, items, sha256, status, message
            case httpStatus = "http_status"
        }
    }

    public struct VolatileEntry: Codable, Sendable, Equatable {
        public var file: String
        public var items: Int
        public var sha256: String

        public init(file: String, items: Int, sha256: String) {
            self.file = file
            self.items = items
            self.sha256 = sha256
        }
    }
}
