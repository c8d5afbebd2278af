import Analysis

/// The CIS benchmark view as a JSON document (`iamgraph-benchmark`, docs/findings.md).
enum BenchmarkJSON {
    static let format = "iamgraph-benchmark"
    static let version = 1

    static func document(_ benchmark: BenchmarkReport, of report: FindingsReport) -> VersionedDocument<Document> {
        VersionedDocument(format: format, version: version, body: Document(
            benchmark: CISControl.benchmark, account: report.accountID, fetchedAt: report.fetchedAt.raw,
            controls: benchmark.results.map { result in
                Control(id: result.control.id, title: result.control.title, status: result.status.rawValue,
                        reason: result.reason, findings: result.findings.map { finding in
                            Item(rule: finding.rule.rawValue, why: finding.why,
                                 entities: finding.entities.map(FindingsJSON.Entity.init))
                        })
            }))
    }

    struct Document: JSONObject {
        let benchmark: String
        let account: String
        let fetchedAt: String
        let controls: [Control]

        var members: [JSONMember] {
            JSONMember.list(["benchmark": benchmark, "account": account, "fetched_at": fetchedAt, "controls": controls])
        }
    }

    struct Control: JSONObject {
        let id: String
        let title: String
        let status: String
        let reason: String
        let findings: [Item]

        var members: [JSONMember] {
            JSONMember.list(["id": id, "title": title, "status": status, "reason": reason, "findings": findings])
        }
    }

    struct Item: JSONObject {
        let rule: String
        let why: String
        let entities: [FindingsJSON.Entity]

        var members: [JSONMember] { JSONMember.list(["rule": rule, "why": why, "entities": entities]) }
    }
}
