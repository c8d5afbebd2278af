extension Endpoint {
    /// Polls of a new report answered `204 No Content` (still running) before it is ready.
    static let reportPollsWhileRunning = 2

    /// The IAM Identity activity report (inactive identities): create, then poll.
    static let activity: [Endpoint] = [
        Endpoint("POST", "/v1/activity/accounts/{account}/report") { context in
            let reference = context.engine.state.withLock { state in
                state.reportSerial += 1
                let serial = String(state.reportSerial, radix: 16)
                let reference = "fa6e0000-4c1d-4e11-8a00-" + String(repeating: "0", count: max(0, 12 - serial.count)) + serial
                state.report = (reference, 0)
                return reference
            }
            return .json(["reference": .string(reference)], status: 202)
        },
        // 204 while running, 200 with the report once done, 404 for an unknown or superseded reference.
        Endpoint("GET", "/v1/activity/accounts/{account}/report/{reference}") { context in
            let reference = context.parameter("reference")
            let polls: Int? = context.engine.state.withLock { state in
                guard let report = state.report, report.reference == reference else { return nil }
                state.report = (reference, report.polls + 1)
                return report.polls + 1
            }
            guard let polls else { throw APIError.notFound("Report with reference \(reference) not found.") }
            guard polls > reportPollsWhileRunning else { return Reply(status: 204) }
            let report = context.snapshot.activity ?? [
                "account_id": .string(context.snapshot.accountID),
                "reference": .string(reference),
                "report_start_time": "",
                "report_end_time": "",
                "users": [],
                "serviceids": [],
                "profiles": [],
                "apikeys": [],
            ]
            return .json(report)
        },
    ]
}
