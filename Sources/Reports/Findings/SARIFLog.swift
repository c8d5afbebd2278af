import Analysis
import Foundation
import Snapshot

/// The findings report as a SARIF 2.1.0 log: one run of the driver "iamgraph" with every rule, one result per
/// finding located in the snapshot file that holds its entity, with the entities as logical locations.
enum SARIFLog {
    static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The `uriBaseId` result locations are relative to: the snapshot directory.
    static let snapshotBase = "SNAPSHOT"

    /// `snapshot`: the snapshot directory, recorded as the base of the result locations when given.
    static func document(_ report: FindingsReport, snapshot: URL?) -> Log {
        let rules = RuleID.allCases
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1, $0) })
        let results = report.findings.map { finding in
            Result(
                ruleId: finding.rule.rawValue, ruleIndex: ruleIndex[finding.rule]!, level: finding.severity.rawValue,
                message: Message(text: (finding.entities.first.map { FindingsWording.entity($0) + ": " } ?? "") + finding.why),
                locations: [Location(
                    physicalLocation: finding.location.map {
                        PhysicalLocation(artifactLocation: ArtifactLocation(uri: $0.fileName, uriBaseId: snapshotBase))
                    },
                    logicalLocations: finding.entities.map {
                        LogicalLocation(name: $0.id, fullyQualifiedName: "\($0.kind.rawValue)/\($0.id)", kind: "resource")
                    })],
                partialFingerprints: ["iamgraphEntities/v1": finding.entities.map { "\($0.kind.rawValue)/\($0.id)" }.joined(separator: "|")])
        }
        let notifications = report.gaps.map { gap in
            Notification(descriptor: Descriptor(id: gap.rule.rawValue), level: "warning",
                         message: Message(text: "\(gap.rule.rawValue) \(gap.evaluated ? "incomplete" : "not evaluated"): \(gap.reason)"))
        }
        let directory = snapshot.map { $0.hasDirectoryPath ? $0 : URL(fileURLWithPath: $0.path + "/", isDirectory: true) }
        return Log(
            schema: schema, version: "2.1.0",
            runs: [Run(
                tool: Tool(driver: Driver(
                    name: "iamgraph", version: ToolVersion.current,
                    rules: rules.map { rule in
                        ReportingDescriptor(
                            id: rule.rawValue,
                            shortDescription: Message(text: rule.title), fullDescription: Message(text: rule.summary),
                            help: Message(text: rule.fix),
                            defaultConfiguration: Configuration(level: rule.severity.rawValue))
                    })),
                originalUriBaseIds: directory.map { [snapshotBase: ArtifactLocation(uri: $0.absoluteString, uriBaseId: nil)] },
                invocations: [Invocation(executionSuccessful: true, toolExecutionNotifications: notifications)],
                results: results,
                properties: RunProperties(accountId: report.accountID, fetchedAt: report.fetchedAt.raw,
                                          asOf: report.asOf.map { $0.formatted(.iso8601) },
                                          inactiveDays: report.inactiveDays))])
    }

    struct Log: Encodable {
        let schema: String
        let version: String
        let runs: [Run]

        enum CodingKeys: String, CodingKey {
            case version, runs
            case schema = "$schema"
        }
    }

    struct Run: Encodable {
        let tool: Tool
        let originalUriBaseIds: [String: ArtifactLocation]?
        let invocations: [Invocation]
        let results: [Result]
        let properties: RunProperties
    }

    struct Tool: Encodable { let driver: Driver }

    struct Driver: Encodable {
        let name: String
        let version: String
        let rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        let id: String
        let shortDescription: Message
        let fullDescription: Message
        let help: Message
        let defaultConfiguration: Configuration
    }

    struct Configuration: Encodable { let level: String }

    struct Message: Encodable { let text: String }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Message
        let locations: [Location]
        let partialFingerprints: [String: String]
    }

    struct Location: Encodable {
        let physicalLocation: PhysicalLocation?
        let logicalLocations: [LogicalLocation]
    }

    struct PhysicalLocation: Encodable { let artifactLocation: ArtifactLocation }

    struct ArtifactLocation: Encodable {
        let uri: String
        let uriBaseId: String?
    }

    struct LogicalLocation: Encodable {
        let name: String
        let fullyQualifiedName: String
        let kind: String
    }

    struct Invocation: Encodable {
        let executionSuccessful: Bool
        let toolExecutionNotifications: [Notification]
    }

    struct Notification: Encodable {
        let descriptor: Descriptor
        let level: String
        let message: Message
    }

    struct Descriptor: Encodable { let id: String }

    struct RunProperties: Encodable {
        let accountId: String
        let fetchedAt: String
        let asOf: String?
        let inactiveDays: Int
    }
}
