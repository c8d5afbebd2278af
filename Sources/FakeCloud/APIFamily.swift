import Snapshot

/// The service family a request belongs to, which decides the shape of its error bodies.
enum APIFamily: Sendable, Equatable {
    /// IAM Identity and the token service: `{"errorCode","errorMessage","context":{…}}`.
    case identity
    /// Access Groups, Policy Management, User Management, Accounts:
    /// `{"trace","errors":[{"code","message"}],"status_code"}`.
    case platform
    /// Resource Manager and Resource Controller: `{"message","status_code","error_code","transaction_id"}`.
    case resourceController

    /// The family of the API a collection's endpoint belongs to (`CollectionEndpoint.api`), `nil` for an API this
    /// fake cloud does not know (`EndpointFamilyTests` checks that every collection's is known).
    init?(api: String) {
        switch api {
        case "iam-identity": self = .identity
        case "iam-access-groups", "iam-access-management", "user-management", "accounts", "context-based-restrictions":
            self = .platform
        case "resource-controller", "resource-manager": self = .resourceController
        default: return nil
        }
    }

    /// The family of the API `kinds` belong to (one API's collections); `platform` for none.
    static func of(_ kinds: [CollectionKind]) -> APIFamily {
        kinds.first.flatMap { APIFamily(api: $0.endpoint.api) } ?? .platform
    }

    /// The error body this family sends for `error`; `trace` identifies the request.
    func body(for error: APIError, trace: String) -> RawJSON {
        switch self {
        case .identity:
            [
                "errorCode": .string(error.identityCode),
                "errorMessage": .string(error.message),
                "context": ["requestId": .string(trace), "requestType": "fake-ibmcloud", "instanceId": "fake-ibmcloud"],
            ]
        case .platform:
            [
                "trace": .string(trace),
                "errors": [["code": .string(error.code), "message": .string(error.message)]],
                "status_code": .int(error.status),
            ]
        case .resourceController:
            [
                "message": .string(error.message),
                "status_code": .int(error.status),
                "error_code": .string(error.code),
                "transaction_id": .string(trace),
            ]
        }
    }
}

/// An error answer, independent of the family's body shape.
struct APIError: Error, Sendable, Equatable {
    let status: Int
    /// The `code` of platform errors, e.g. `invalid_token`.
    let code: String
    /// The `errorCode` of identity errors, e.g. `BXNIM0407E`.
    let identityCode: String
    let message: String

    static func badRequest(_ message: String) -> APIError {
        APIError(status: 400, code: "bad_request", identityCode: "BXNIM0109E", message: message)
    }

    static func unauthorized(_ message: String) -> APIError {
        APIError(status: 401, code: "invalid_token", identityCode: "BXNIM0407E", message: message)
    }

    static func forbidden(_ message: String) -> APIError {
        APIError(status: 403, code: "insufficent_permissions", identityCode: "BXNIM0513E", message: message)
    }

    static func notFound(_ message: String) -> APIError {
        APIError(status: 404, code: "not_found", identityCode: "BXNIM0504E", message: message)
    }

    static func rateLimited() -> APIError {
        APIError(status: 429, code: "too_many_requests", identityCode: "BXNIM0429E",
                 message: "Rate limit exceeded, retry after 1 second.")
    }

    static func serverError(_ status: Int) -> APIError {
        status == 503
            ? APIError(status: 503, code: "service_unavailable", identityCode: "BXNIM0503E",
                       message: "The service is temporarily unavailable.")
            : APIError(status: status, code: "internal_server_error", identityCode: "BXNIM0500E",
                       message: "An internal error occurred.")
    }

    /// The token service's answer to an unknown API key.
    static let unknownAPIKey = APIError(status: 400, code: "invalid_apikey", identityCode: "BXNIM0415E",
                                        message: "Provided API key could not be found.")
}
