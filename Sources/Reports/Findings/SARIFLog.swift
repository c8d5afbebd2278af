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
        func result(_ finding: Finding, baselineState: String?) -> Result {
            let mark = report.marks[finding]
            let holding = mark?.suppression.flatMap { $0.hasExpired(at: report.asOf) ? nil : $0 }
            let note = report.expiryNote(finding).map { " (\($0))" } ?? ""
            return Result(
                ruleId: finding.rule.rawValue, ruleIndex: ruleIndex[finding.rule]!, level: finding.severity.rawValue,
                message: Message(text: (finding.entities.first.map { FindingsWording.entity($0) + ": " } ?? "") + finding.why + note),
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
                partialFingerprints: ["iamgraphEntities/v1": finding.fingerprint],
                suppressions: holding.map { [SARIFSuppression(justification: $0.reason)] },
                baselineState: baselineState ?? mark?.baseline?.rawValue,
                properties: Properties(tags: FindingsJSON.controls(finding.rule)))
        }
        // Results are made as they are written: a big account has hundreds of thousands.
        let active = report.findings.count, listed = active + report.suppressed.count
        let resolved = report.resolved ?? []
        let results = JSONElements(count: listed + resolved.count) { index in
            index < active ? result(report.findings[index], baselineState: nil)
                : index < listed ? result(report.suppressed[index - active], baselineState: nil)
                : result(resolved[index - listed], baselineState: "absent")
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

    struct Log: JSONObject {
        let schema: String
        let version: String
        let runs: [Run]

        var members: [JSONMember] { JSONMember.list(["$schema": schema, "version": version, "runs": runs]) }
    }

    struct Run: JSONObject {
        let tool: Tool
        let invocations: [Invocation]
        let results: JSONElements
        let properties: RunProperties

        var members: [JSONMember] {
            JSONMember.list(["tool": tool, "invocations": invocations, "results": results, "properties": properties])
        }
    }

    struct Tool: JSONObject {
        let driver: Driver

        var members: [JSONMember] { JSONMember.list(["driver": driver]) }
    }

    struct Driver: JSONObject {
        let name: String
        let version: String
        let rules: [ReportingDescriptor]

        var members: [JSONMember] { JSONMember.list(["name": name, "version": version, "rules": rules]) }
    }

    struct ReportingDescriptor: JSONObject {
        let id: String
        let shortDescription: Message
        let fullDescription: Message
        let help: Message
        let defaultConfiguration: Configuration
        let properties: Properties

        var members: [JSONMember] {
            JSONMember.list(["id": id, "shortDescription": shortDescription, "fullDescription": fullDescription,
                             "help": help, "defaultConfiguration": defaultConfiguration, "properties": properties])
        }
    }

    /// SARIF's property bag; `tags` name the CIS controls ("CIS 1.7").
    struct Properties: JSONObject {
        let tags: [String]

        var members: [JSONMember] { JSONMember.list(["tags": tags]) }
    }

    struct Configuration: JSONObject {
        let level: String

        var members: [JSONMember] { JSONMember.list(["level": level]) }
    }

    struct Message: JSONObject {
        let text: String

        var members: [JSONMember] { JSONMember.list(["text": text]) }
    }

    struct Result: JSONObject {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Message
        let locations: [Location]
        let partialFingerprints: [String: String]
        /// Present when an ignore file accepts the finding.
        let suppressions: [SARIFSuppression]?
        /// `new`, `unchanged` or `absent` (resolved) against `--baseline`.
        let baselineState: String?
        let properties: Properties

        var members: [JSONMember] {
            JSONMember.list(["ruleId": ruleId, "ruleIndex": ruleIndex, "level": level, "message": message,
                             "locations": locations, "partialFingerprints": partialFingerprints,
                             "suppressions": suppressions, "baselineState": baselineState, "properties": properties])
        }
    }

    /// An ignore-file entry accepting a result: external to the code, accepted, with its reason.
    struct SARIFSuppression: JSONObject {
        let kind = "external"
        let status = "accepted"
        let justification: String

        var members: [JSONMember] { JSONMember.list(["kind": kind, "status": status, "justification": justification]) }
    }

    struct Location: JSONObject {
        let physicalLocation: PhysicalLocation?
        let logicalLocations: [LogicalLocation]

        var members: [JSONMember] {
            JSONMember.list(["physicalLocation": physicalLocation, "logicalLocations": logicalLocations])
        }
    }

    struct PhysicalLocation: JSONObject {
        let artifactLocation: ArtifactLocation
        let region: Region?

        var members: [JSONMember] { JSONMember.list(["artifactLocation": artifactLocation, "region": region]) }
    }

    /// The entity's lines in its file.
    struct Region: JSONObject {
        let startLine: Int
        let endLine: Int

        var members: [JSONMember] { JSONMember.list(["startLine": startLine, "endLine": endLine]) }
    }

    struct ArtifactLocation: JSONObject {
        let uri: String
        let uriBaseId: String?

        var members: [JSONMember] { JSONMember.list(["uri": uri, "uriBaseId": uriBaseId]) }
    }

    struct LogicalLocation: JSONObject {
        let name: String
        let fullyQualifiedName: String
        let kind: String

        var members: [JSONMember] {
            JSONMember.list(["name": name, "fullyQualifiedName": fullyQualifiedName, "kind": kind])
        }
    }

    struct Invocation: JSONObject {
        let executionSuccessful: Bool
        let toolExecutionNotifications: [Notification]

        var members: [JSONMember] {
            JSONMember.list(["executionSuccessful": executionSuccessful,
                             "toolExecutionNotifications": toolExecutionNotifications])
        }
    }

    struct Notification: JSONObject {
        let descriptor: Descriptor
        let level: String
        let message: Message

        var members: [JSONMember] { JSONMember.list(["descriptor": descriptor, "level": level, "message": message]) }
    }

    struct Descriptor: JSONObject {
        let id: String

        var members: [JSONMember] { JSONMember.list(["id": id]) }
    }

    struct RunProperties: JSONObject {
        let accountId: String
        let fetchedAt: String
        let asOf: String?
        let inactiveDays: Int

        var members: [JSONMember] {
            JSONMember.list(["accountId": accountId, "fetchedAt": fetchedAt, "asOf": asOf, "inactiveDays": inactiveDays])
        }
    }
}
