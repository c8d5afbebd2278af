/// The service family a request belongs to, which decides the shape of its error bodies.
enum APIFamily: Sendable, Equatable {
    /// IAM Identity and the token service: `{"errorCode","errorMessage","context":{…}}`.
    case identity
    /// Access Groups, Policy Management, User Management, Accounts:
    /// `{"trace","errors":[{"code","message"}],"status_code"}`.
    case platform
    /// Resource Manager and Resource Controller: `{"message","status_code","error_code","transaction_id"}`.
    case resourceController

    /// The family of a request path (`/v1/serviceids`, `/v2/groups/…`, …); unknown paths count as `platform`.
    static func of(path: [String]) -> APIFamily {
        switch (path.first, path.dropFirst().first) {
        case ("identity", _): .identity
        case ("v1", "serviceids"), ("v1", "profiles"), ("v1", "apikeys"), ("v1", "activity"), ("v1", "mfa"): .identity
        case ("v1", "accounts"): .identity // /v1/accounts/{account}/settings/identity
        case ("v1", "idps"), ("v2", "loginsettings"): .identity
        case ("v1", "profile_templates"), ("v1", "profile_assignments"), ("v1", "account_settings_templates"),
             ("v1", "account_settings_assignments"): .identity
        case ("v2", "resource_groups"), ("v2", "resource_instances"), ("v2", "resource_keys"): .resourceController
        default: .platform
        }
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
