extension Endpoint {
    /// Polls of a new report answered `204 No Content` (still running) before it is ready.
    static let reportPollsWhileRunning = 2

    /// The IAM Identity activity report (inactive identities): create, then poll.
    static let activity = identityReport("activity") { snapshot, reference in
        snapshot.activity ?? [
            "account_id": .string(snapshot.accountID),
            "reference": .string(reference),
            "report_start_time": "",
            "report_end_time": "",
            "users": [],
            "serviceids": [],
            "profiles": [],
            "apikeys": [],
        ]
    }

    /// The IAM Identity MFA enrolment report: create, then poll.
    static let mfa = identityReport("mfa") { snapshot, reference in
        snapshot.mfa ?? [
            "account_id": .string(snapshot.accountID),
            "created_by": "iam-ServiceId-fake",
            "reference": .string(reference),
            "report_time": "",
            "users": [],
        ]
    }

    /// `POST /v1/{kind}/accounts/{account}/report` answers 202 with a new reference (superseding the previous one of
    /// the kind); `GET …/report/{reference}` answers 204 while running, 200 with `body` once done, 404 for an unknown
    /// or superseded reference.
    private static func identityReport(_ kind: String,
                                       body: @escaping @Sendable (ServedSnapshot, String) -> RawJSON) -> [Endpoint] {
        [
            Endpoint("POST", "/v1/\(kind)/accounts/{account}/report", family: .identity) { context in
                let reference = context.engine.state.withLock { state in
                    state.reportSerial += 1
                    let serial = String(state.reportSerial, radix: 16)
                    let reference = "fa6e0000-4c1d-4e11-8a00-" + String(repeating: "0", count: max(0, 12 - serial.count)) + serial
                    state.reports[kind] = (reference, 0)
                    return reference
                }
                return .json(["reference": .string(reference)], status: 202)
            },
            Endpoint("GET", "/v1/\(kind)/accounts/{account}/report/{reference}", family: .identity) { context in
                let reference = context.parameter("reference")
                let polls: Int? = context.engine.state.withLock { state in
                    guard let report = state.reports[kind], report.reference == reference else { return nil }
                    state.reports[kind] = (reference, report.polls + 1)
                    return report.polls + 1
                }
                guard let polls else { throw APIError.notFound("Report with reference \(reference) not found.") }
                guard polls > reportPollsWhileRunning else { return Reply(status: 204) }
                return .json(body(context.snapshot, reference))
            },
        ]
    }
}
