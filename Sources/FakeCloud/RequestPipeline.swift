import Foundation
import Snapshot

/// The fate of one request: an answer, or a connection closed without one.
enum Outcome: Sendable {
    case reply(Reply)
    case drop
}

extension FakeCloudEngine {
    /// Answers one request, in this order: latency; numbering; a failing token service (token requests only);
    /// dropped connection, rate limit or server error (API requests only); routing (404); refused tokens, then the bearer token (401); account check (403);
    /// a collection that refuses tokens (401); forbidden collection (403); a vanished parent (404); collection the snapshot lacks; the endpoint (paging loop, endless paging, item
    /// flood); malformed body; huge body; truncated body.
    func respond(to request: APIRequest) async -> Outcome {
        let arrival = ContinuousClock.now
        if faults.latency > .zero { try? await Task.sleep(for: faults.latency) }
        let authorization = request.header("Authorization")
        let isTokenRequest = request.method == "POST" && request.components == ["identity", "token"]
        let (sequence, apiRequest) = state.withLock {
            $0.arrive(path: request.rawPath, authorization: authorization, isAPI: !isTokenRequest)
        }
        let trace = "fake-ibmcloud-\(sequence)"
        let routed = Self.endpoints.lazy.compactMap { endpoint in endpoint.match(request).map { (endpoint, $0) } }.first
        // An unknown path is answered in the platform family.
        let family = routed?.0.family ?? .platform

        var outcome: Outcome
        var fault: FaultKind?
        if isTokenRequest, let status = nextTokenFailure() {
            var reply = Reply.error(status == 429 ? .rateLimited() : .serverError(status), family: family, trace: trace)
            if status == 429 { reply.headers["Retry-After"] = String(faults.retryAfter) }
            outcome = .reply(reply)
            fault = status == 429 ? .rateLimited : .serverError
        } else if let number = apiRequest, Faults.fires(faults.dropEvery, on: number) {
            outcome = .drop
            fault = .dropped
        } else if let number = apiRequest, Faults.fires(faults.rateLimitEvery, on: number) {
            var reply = Reply.error(.rateLimited(), family: family, trace: trace)
            reply.headers["Retry-After"] = String(faults.retryAfter)
            outcome = .reply(reply)
            fault = .rateLimited
        } else if let number = apiRequest, Faults.fires(faults.serverErrorEvery, on: number),
                  !faults.serverErrorStatuses.isEmpty {
            let status = state.withLock { state in
                defer { state.serverErrors += 1 }
                return faults.serverErrorStatuses[state.serverErrors % faults.serverErrorStatuses.count]
            }
            outcome = .reply(.error(.serverError(status), family: family, trace: trace))
            fault = .serverError
        } else {
            var reply = route(request, to: routed, trace: trace, family: family)
            fault = reply.fault
            if let number = apiRequest, Faults.fires(faults.truncateEvery, on: number),
               (200..<300).contains(reply.status), !reply.body.isEmpty {
                reply = reply.truncated()
                fault = .truncated
            }
            outcome = .reply(reply)
        }

        let status: Int
        switch outcome {
        case .reply(let reply): status = reply.status
        case .drop: status = 0
        }
        record(RequestRecord(sequence: sequence, apiRequest: apiRequest, method: request.method, target: request.target,
                             status: status, fault: fault, authorization: authorization,
                             arrival: arrival - started, duration: .now - arrival))
        return outcome
    }

    /// The status the next token request gets from `Faults.tokenFailures`, while any are left.
    private func nextTokenFailure() -> Int? {
        state.withLock { state in
            guard state.tokenFailuresServed < faults.tokenFailures.count else { return nil }
            defer { state.tokenFailuresServed += 1 }
            return faults.tokenFailures[state.tokenFailuresServed]
        }
    }

    /// Checks the token, the account and the collections, and runs the endpoint `routed` (404 without one).
    private func route(_ request: APIRequest, to routed: (Endpoint, [String: String])?, trace: String,
                       family: APIFamily) -> Reply {
        func failure(_ error: APIError, _ fault: FaultKind? = nil) -> Reply {
            let error = APIError(status: error.status, code: error.code, identityCode: error.identityCode,
                                 message: error.message + faults.errorMessageSuffix)
            var reply = Reply.error(error, family: family, trace: trace)
            reply.fault = fault
            return reply
        }
        guard let (endpoint, parameters) = routed else {
            return failure(.notFound("No API at \(request.method) \(request.rawPath)."))
        }

        var caller: String?
        if endpoint.needsToken, faults.refuseTokens {
            return failure(.unauthorized(Refusal(reason: .unknown).message), .tokenRefused)
        }
        if endpoint.needsToken {
            switch authenticate(request.header("Authorization")) {
            case .success(let iamID): caller = iamID
            case .failure(let refusal):
                return failure(.unauthorized(refusal.message), refusal.reason == .usedUp ? .tokenExpired : nil)
            }
        }
        for account in [parameters["account"], request.query("account_id")].compactMap({ $0 })
        where account != snapshot.accountID {
            return failure(.forbidden("You are not authorized to access account \(account)."))
        }

        do {
            let kinds = try endpoint.reads(request)
            if kinds.contains(where: faults.refuseTokensFor.contains) {
                return failure(.unauthorized(Refusal(reason: .unknown).message), .tokenRefused)
            }
            if let kind = kinds.first(where: faults.forbidden.contains) {
                return failure(.forbidden("You are not authorized to list \(kind.name)."), .forbidden)
            }
            if let vanished = parameters.first(where: { $0.key != "account" && faults.vanishedParents.contains($0.value) }) {
                return failure(.notFound("\(vanished.value) not found."))
            }
            if let kind = kinds.first(where: { snapshot.collections[$0] == nil }) {
                return failure(unavailableError(kind))
            }
            let bend: Page.Bend? = kinds.contains(where: faults.pagingLoop.contains) ? .loop
                : kinds.contains(where: faults.endlessPaging.contains) ? .endless : nil
            let context = EndpointContext(request: request, parameters: parameters, engine: self, caller: caller,
                                          trace: trace, bend: bend,
                                          flood: kinds.contains(where: faults.itemFlood.contains) ? faults.floodItems : nil,
                                          baseURL: state.withLock { $0.baseURL })
            var reply = try endpoint.handle(context)
            if reply.status == 200, kinds.contains(where: faults.malformed.contains) {
                reply = reply.malformed()
                reply.fault = .malformed
            }
            if reply.status == 200, kinds.contains(where: faults.hugeBody.contains) {
                reply = reply.huge(bytes: faults.hugeBodyBytes)
                reply.fault = .hugeBody
            }
            return reply
        } catch let error as APIError {
            return failure(error)
        } catch {
            return failure(.serverError(500))
        }
    }

    /// A refused token, with the message the 401 carries.
    private struct Refusal: Error {
        let reason: ServerState.TokenRefusal?
        var message: String {
            switch reason {
            case nil: "Missing or malformed Authorization header: expected \"Bearer <token>\"."
            case .unknown?: "The token is not valid."
            case .expired?: "The token has expired."
            case .usedUp?: "The token has expired."
            }
        }
    }

    /// The `iam_id` of a valid `Authorization: Bearer …` header's token, counting one use of it.
    private func authenticate(_ header: String?) -> Result<String, Refusal> {
        guard let header, header.lowercased().hasPrefix("bearer ") else { return .failure(Refusal(reason: nil)) }
        let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        let now = Int(Date().timeIntervalSince1970)
        return state.withLock { $0.use(token: token, now: now, allowedUses: faults.expireTokenAfter) }
            .mapError { Refusal(reason: $0) }
    }

    /// The answer for a collection the snapshot has no content for: what the fetch got (403 for `forbidden`, the
    /// recorded status for `failed`), or 404 when it was not fetched or its file is unreadable.
    private func unavailableError(_ kind: CollectionKind) -> APIError {
        switch snapshot.unavailable[kind] {
        case .notFetched(.forbidden, _, let message)?:
            return .forbidden(message ?? "You are not authorized to list \(kind.name).")
        case .notFetched(_, let status, let message)?:
            let error = APIError.serverError(500)
            return APIError(status: status.flatMap { $0 >= 400 ? $0 : nil } ?? 500, code: error.code,
                            identityCode: error.identityCode, message: message ?? error.message)
        default:
            return .notFound("The snapshot has no data for \(kind.name).")
        }
    }
}
