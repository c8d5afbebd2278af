/// `manifest.json`: what a snapshot holds, where it came from and how each collection's fetch went.
package struct Manifest: Codable, Sendable, Equatable {
    package static let formatName = "iamgraph-snapshot"
    package static let currentVersion = 1
    package static let fileName = "manifest.json"

    package var format: String
    package var version: Int
    package var toolVersion: String
    package var accountID: String
    /// When the fetch started, RFC 3339 UTC.
    package var fetchedAt: String
    package var scope: Scope
    package var collections: [String: CollectionEntry]
    package var volatile: [String: VolatileEntry]
    /// Set when the snapshot was re-sealed by hand (`iamgraph reseal`) after its files were edited: what it says, so
    /// that no one takes the files for what the API returned. Absent from fetched snapshots.
    package var resealed: String?

    package init(toolVersion: String, accountID: String, fetchedAt: String, scope: Scope,
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

    package init(from decoder: any Decoder) throws {
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
    package struct Scope: Codable, Sendable, Equatable, CustomStringConvertible {
        package enum Kind: String, Codable, Sendable { case account, identity }
        package var kind: Kind
        /// For `identity` scope: the identity whose access was fetched.
        package var iamID: String?

        package static let account = Scope(kind: .account, iamID: nil)
        package static func identity(_ iamID: String) -> Scope { Scope(kind: .identity, iamID: iamID) }

        enum CodingKeys: String, CodingKey { case kind, iamID = "iam_id" }

        package var description: String {
            kind == .account ? "account" : "identity \(iamID ?? "?")"
        }
    }

    /// How one collection's fetch went.
    package enum Status: String, Codable, Sendable {
        case ok, forbidden, failed
    }

    package struct CollectionEntry: Codable, Sendable, Equatable {
        package var api: String
        package var endpoint: String
        package var query: String
        package var file: String?
        package var pages: Int
        package var items: Int?
        package var sha256: String?
        package var status: Status
        package var httpStatus: Int?
        package var message: String?

        package init(api: String, endpoint: String, query: String, file: String? = nil, pages: Int, items: Int? = nil,
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

    package struct VolatileEntry: Codable, Sendable, Equatable {
        package var file: String
        package var items: Int
        package var sha256: String

        package init(file: String, items: Int, sha256: String) {
            self.file = file
            self.items = items
            self.sha256 = sha256
        }
    }
}
