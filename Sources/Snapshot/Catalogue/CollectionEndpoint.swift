/// Where a collection comes from, as data: the one description the fetcher (`Fetch.EndpointCatalog`), the fake cloud
/// (which serves the plain ones from it) and `fake-ibmcloud --list-endpoints` (read by `scripts/sdk_conformance.py`)
/// all derive from. Paths and paging as in IBM's API docs; IBM's Python SDK `ibm-platform-services` is the ground truth.
public struct CollectionEndpoint: Sendable, Equatable {
    /// One query parameter; the value `{account}` stands for the account id.
    public struct Parameter: Sendable, Equatable {
        public let name: String
        public let value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }

        /// `account_id={account}`.
        public static let accountID = Parameter("account_id", CollectionEndpoint.accountPlaceholder)
    }

    /// The SDK call that reads the same endpoint, for the conformance check against IBM's Python SDK: module of
    /// `ibm_platform_services`, client class, method and the model its response parses into. Set for the endpoints
    /// `scripts/sdk_conformance.py` checks generically (one call, the `account_id` argument); the others are checked by
    /// hand there.
    public struct SDKCall: Sendable, Equatable {
        public let module: String
        public let client: String
        public let method: String
        public let model: String

        public init(module: String, client: String, method: String, model: String) {
            self.module = module
            self.client = client
            self.method = method
            self.model = model
        }
    }

    /// The API's name, which the fetcher maps to its host (`iam-identity`, `resource-controller`, …).
    public let api: String
    /// The path template: `{account}` for the account id, `{group}` / `{profile}` for a per-parent list's parent.
    public let path: String
    public let query: [Parameter]
    /// The response key holding the items; `nil` when the response is the object itself.
    public let itemsKey: String?
    public let paging: Paging
    public let sdk: SDKCall?

    public init(api: String, path: String, query: [Parameter] = [], itemsKey: String? = nil, paging: Paging = .none,
                sdk: SDKCall? = nil) {
        self.api = api
        self.path = path
        self.query = query
        self.itemsKey = itemsKey
        self.paging = paging
        self.sdk = sdk
    }

    /// The placeholder for the account id in paths and query values.
    public static let accountPlaceholder = "{account}"
}
