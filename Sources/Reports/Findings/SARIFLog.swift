import Analysis
import Foundation
import Snapshot

/// The findings report as a SARIF 2.1.0 log: one run of the driver "iamgraph" with every rule, one result per
/// finding located in the snapshot file that holds its entity, with the entities as logical locations.
enum SARIFLog {
    static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The `uriBaseId` result locations are relative to: the source root (the repository), as code scanning expects.
    static let sourceRoot = "%SRCROOT%"

    /// `snapshot`: where the snapshot is; each result then points at its entity's lines in the snapshot's files.
    static func document(_ report: FindingsReport, snapshot: SnapshotLocation?) -> Log {
        let rules = RuleID.allCases
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1, $0) })
        var lines: [CollectionKind: EntityLines] = [:]
        func region(_ kind: CollectionKind, _ id: String?) -> Region? {
            guard let snapshot, let id else { return nil }
            if lines[kind] == nil { lines[kind] = EntityLines(kind, in: snapshot.directory) }
            return lines[kind]?.lines(of: id).map { Region(startLine: $0.lowerBound, endLine: $0.upperBound) }
        }
        let results = report.findings.map { finding in
            Result(
                ruleId: finding.rule.rawValue, ruleIndex: ruleIndex[finding.rule]!, level: finding.severity.rawValue,
                message: Message(text: (finding.entities.first.map { FindingsWording.entity($0) + ": " } ?? "") + finding.why),
                locations: [Location(
                    physicalLocation: finding.location.map { kind in
                        PhysicalLocation(
                            artifactLocation: ArtifactLocation(uri: snapshot?.uri(kind.fileName) ?? kind.fileName,
                                                               uriBaseId: sourceRoot),
                            region: region(kind, finding.entities.first?.id))
                    },
                    logicalLocations: finding.entities.map {
                        LogicalLocation(name: $0.id, fullyQualifiedName: "\($0.kind.rawValue)/\($0.id)", kind: "resource")
                    })],
                partialFingerprints: ["iamgraphEntities/v1": finding.entities.map { "\($0.kind.rawValue)/\($0.id)" }.joined(separator: "|")],
                properties: Properties(tags: FindingsJSON.controls(finding.rule)))
        }
        let notifications = report.gaps.map { gap in
            Notification(descriptor: Descriptor(id: gap.rule.rawValue), level: "warning",
                         message: Message(text: "\(gap.rule.rawValue) \(gap.evaluated ? "incomplete" : "not evaluated"): \(gap.reason)"))
        }
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
                            defaultConfiguration: Configuration(level: rule.severity.rawValue),
                            properties: Properties(tags: FindingsJSON.controls(rule)))
                    })),
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
        let properties: Properties
    }

    /// SARIF's property bag; `tags` name the CIS controls ("CIS 1.7").
    struct Properties: Encodable { let tags: [String] }

    struct Configuration: Encodable { let level: String }

    struct Message: Encodable { let text: String }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Message
        let locations: [Location]
        let partialFingerprints: [String: String]
        let properties: Properties
    }

    struct Location: Encodable {
        let physicalLocation: PhysicalLocation?
        let logicalLocations: [LogicalLocation]
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region?
    }

    /// The entity's lines in its file.
    struct Region: Encodable {
        let startLine: Int
        let endLine: Int
    }

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
