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

    struct Document: Encodable {
        let benchmark: String
        let account: String
        let fetchedAt: String
        let controls: [Control]

        enum CodingKeys: String, CodingKey {
            case benchmark, account, controls
            case fetchedAt = "fetched_at"
        }
    }

    struct Control: Encodable {
        let id: String
        let title: String
        let status: String
        let reason: String
        let findings: [Item]
    }

    struct Item: Encodable {
        let rule: String
        let why: String
        let entities: [FindingsJSON.Entity]
    }
}
