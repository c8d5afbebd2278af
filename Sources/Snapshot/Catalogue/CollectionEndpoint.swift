/// Where a collection comes from, as data: the one description the fetcher (`Fetch.EndpointCatalog`), the fake cloud
/// (which serves every collection without logic of its own from it: `FakeCloud`'s `Endpoint.catalogue`) and
/// `fake-ibmcloud --list-endpoints` (read by `scripts/sdk_conformance.py`) all derive from. Paths and paging as in IBM's
/// API docs; IBM's Python SDK `ibm-platform-services` is the ground truth.
package struct CollectionEndpoint: Sendable, Equatable {
    /// One query parameter the fetcher sends; the value `{account}` stands for the account id.
    package struct Parameter: Sendable, Equatable {
        /// What the API does with the parameter, which the fake cloud imitates.
        package enum Use: Sendable, Equatable {
            /// It accepts the parameter; an answer does not depend on it.
            case accepted
            /// It refuses a request without the parameter (400); a literal value is the only one it serves.
            case required
            /// Items carry the named field only when the parameter is `true` (`include_settings`: `settings`).
            case reveals(field: String)
        }

        package let name: String
        package let value: String
        package let use: Use

        package init(_ name: String, _ value: String, use: Use = .accepted) {
            self.name = name
            self.value = value
            self.use = use
        }

        /// `account_id={account}`.
        package static let accountID = Parameter("account_id", CollectionEndpoint.accountPlaceholder)
        /// `account_id={account}`, which the API requires.
        package static let requiredAccountID = Parameter("account_id", CollectionEndpoint.accountPlaceholder, use: .required)
    }

    /// The SDK call that reads the same endpoint, for the conformance check against IBM's Python SDK
    /// (`scripts/sdk_conformance.py`, which checks every endpoint that names one with no code of its own): module of
    /// `ibm_platform_services`, client class, method, the model its response parses into and, for a list the SDK pages
    /// itself, its pager. The method is called with those of the endpoint's query parameters it takes as keyword
    /// arguments (`{account}` the account id, `true` a boolean; `account_id` too when the path holds the account) and,
    /// for a per-parent list, the parent's id as `parentArgument`, once per parent the snapshot holds; a paged list
    /// without a pager is walked by its `Paging`'s cursor.
    package struct SDKCall: Sendable, Equatable {
        /// An SDK pager class and the model of the items it yields.
        package struct Pager: Sendable, Equatable {
            package let name: String
            package let itemModel: String

            package init(_ name: String, itemModel: String) {
                self.name = name
                self.itemModel = itemModel
            }
        }

        package let module: String
        package let client: String
        package let method: String
        package let model: String
        package let pager: Pager?
        /// The method's argument naming a per-parent list's parent (`profile_id`).
        package let parentArgument: String?

        package init(module: String, client: String, method: String, model: String, pager: Pager? = nil,
                    parentArgument: String? = nil) {
            self.module = module
            self.client = client
            self.method = method
            self.model = model
            self.pager = pager
            self.parentArgument = parentArgument
        }
    }

    /// The API's name, which the fetcher maps to its host (`iam-identity`, `resource-controller`, …).
    package let api: String
    /// The path template: `{account}` for the account id, `{group}` / `{profile}` / `{template}` / `{assignment}` for
    /// a per-parent list's parent.
    package let path: String
    package let query: [Parameter]
    /// The response key holding the items; `nil` when the response is the object itself.
    package let itemsKey: String?
    /// Whether the API leaves the items key out when there are no items (IBM's SDK models it as optional): such an
    /// answer is an empty list, where any other list's answer without it is a fault.
    package let itemsMayBeAbsent: Bool
    /// The response key holding the number of items, for an API that sends one beside an unpaged list (CBR's `count`).
    package let countKey: String?
    package let paging: Paging
    package let sdk: SDKCall?

    package init(api: String, path: String, query: [Parameter] = [], itemsKey: String? = nil, itemsMayBeAbsent: Bool = false,
                countKey: String? = nil, paging: Paging = .none, sdk: SDKCall? = nil) {
        self.api = api
        self.path = path
        self.query = query
        self.itemsKey = itemsKey
        self.itemsMayBeAbsent = itemsMayBeAbsent
        self.countKey = countKey
        self.paging = paging
        self.sdk = sdk
    }

    /// The placeholder for the account id in paths and query values.
    package static let accountPlaceholder = "{account}"
}
