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
    /// The files the results name are scanned first (those `scan` has scanned already are taken from it), each large
    /// one in two halves side by side; the results are then made as they are written, a run at a time on two threads
    /// (`FindingsRuns`).
    static func document(_ report: FindingsReport, snapshot: SnapshotLocation?, scan: SARIFFileScan? = nil) -> Log {
        let rules = RuleID.allCases
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1, $0) })
        let findings = report.findings, suppressed = report.suppressed, resolved = report.resolved ?? []
        let marks = report.marks, asOf = report.asOf
        let kinds = locations(of: [findings, suppressed, resolved])
        // A few files hold every result's entity: each file's uri is made once, and each file is scanned once.
        let uris = Dictionary(kinds.map { ($0, snapshot?.uri($0.fileName) ?? $0.fileName) }, uniquingKeysWith: { first, _ in first })
        let lines = snapshot.map { scan?.lines(of: kinds) ?? EntityLines.of(kinds, in: $0.directory) } ?? [:]
        let controls = FindingsJSON.Controls()
        @Sendable func result(_ finding: Finding, baselineState: String?, _ lookups: inout Lookups) -> Result {
            let mark = marks.isEmpty ? nil : marks[finding]
            let holding = mark?.suppression.flatMap { $0.hasExpired(at: asOf) ? nil : $0 }
            let note = mark == nil ? "" : report.expiryNote(finding).map { " (\($0))" } ?? ""
            let rule = lookups.rule(finding.rule) { (index: ruleIndex[$0] ?? 0, tags: controls[$0]) }
            // The first entity is read in place (`Finding.location` would copy it), its file's uri and lines looked
            // up when the file is not the previous result's.
            let physicalLocation = finding.entities.withUnsafeBufferPointer { entities -> PhysicalLocation? in
                guard !entities.isEmpty, let kind = entities[0].collection else { return nil }
                if lookups.file?.kind != kind { lookups.file = (kind, uris[kind] ?? kind.fileName, lines[kind]) }
                let file = lookups.file
                return PhysicalLocation(artifactLocation: ArtifactLocation(uri: file?.uri ?? kind.fileName, uriBaseId: sourceRoot),
                                        region: file?.lines?.lines(of: entities[0].id)
                                            .map { Region(startLine: $0.lowerBound, endLine: $0.upperBound) })
            }
            return Result(
                finding: finding, ruleIndex: rule.index, note: note, physicalLocation: physicalLocation,
                suppressions: holding.map { [SARIFSuppression(justification: $0.reason)] },
                baselineState: baselineState ?? mark?.baseline?.rawValue,
                tags: rule.tags)
        }
        let active = findings.count, listed = active + suppressed.count
        let results = JSONRunElements(runs: FindingsRuns.ranges(count: listed + resolved.count), state: { Lookups() }) { index, lookups, json in
            try (index < active ? result(findings[index], baselineState: nil, &lookups)
                : index < listed ? result(suppressed[index - active], baselineState: nil, &lookups)
                : result(resolved[index - listed], baselineState: "absent", &lookups)).write(to: &json)
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

    /// The snapshot files the findings are located in (`Finding.location`), sorted. A report has hundreds of
    /// thousands of findings, a rule's mostly of one kind: each first entity's kind is read in place (a copy of the
    /// entity would retain its strings), and a kind like the previous finding's is not looked up again.
    static func locations(of lists: [[Finding]]) -> [CollectionKind] {
        var kinds = Set<CollectionKind>()
        var previous: FindingEntity.Kind?
        for list in lists {
            for finding in list {
                let kind = finding.entities.withUnsafeBufferPointer { $0.isEmpty ? nil : $0[0].kind }
                guard let kind, kind != previous || kind == .collection else { continue }
                previous = kind
                if let location = finding.location { kinds.insert(location) }
            }
        }
        return kinds.sorted()
    }

    /// What consecutive results share, looked up when it changes rather than for each result (a big account's
    /// results come a rule at a time, each rule's mostly about one kind of entity): their rule's index and CIS tags,
    /// and the file their first entity is in, with its uri and lines. A run thread's own.
    struct Lookups {
        var rule = RuleLookup<(index: Int, tags: [String])>()
        var file: (kind: CollectionKind, uri: String, lines: EntityLines?)?
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
        let results: JSONRunElements<Lookups>
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

    struct Message: JSONWritable {
        let text: String

        private static let text = JSONKey(literal: "text")

        func write(to json: inout JSONWriter) throws {
            try json.object(inOrder: { json in try json.member(Self.text, text) })
        }
    }

    /// One finding as a result, written member by member (a big account has hundreds of thousands): its one
    /// location, the finding's entities as logical locations, its fingerprint.
    struct Result: JSONWritable {
        let finding: Finding
        let ruleIndex: Int
        /// What the message says after the finding's `why`: that its suppression expired, or "".
        let note: String
        let physicalLocation: PhysicalLocation?
        /// Present when an ignore file accepts the finding.
        let suppressions: [SARIFSuppression]?
        /// `new`, `unchanged` or `absent` (resolved) against `--baseline`.
        let baselineState: String?
        /// The rule's CIS controls ("CIS 1.7").
        let tags: [String]

        private static let keys = (
            baselineState: JSONKey(literal: "baselineState"), level: JSONKey(literal: "level"), locations: JSONKey(literal: "locations"),
            message: JSONKey(literal: "message"), partialFingerprints: JSONKey(literal: "partialFingerprints"),
            properties: JSONKey(literal: "properties"), ruleId: JSONKey(literal: "ruleId"), ruleIndex: JSONKey(literal: "ruleIndex"),
            suppressions: JSONKey(literal: "suppressions"),
            logicalLocations: JSONKey(literal: "logicalLocations"), physicalLocation: JSONKey(literal: "physicalLocation"),
            text: JSONKey(literal: "text"), entities: JSONKey(literal: "iamgraphEntities/v1"), tags: JSONKey(literal: "tags"))
        private static let resource = "resource"

        func write(to json: inout JSONWriter) throws {
            let keys = Self.keys
            try json.object(inOrder: { json in
                try json.member(keys.baselineState, baselineState)
                try json.member(keys.level, finding.severity.rawValue)
                try json.array(key: keys.locations, count: 1) { _, json in
                    try Location(finding: finding, physicalLocation: physicalLocation).write(to: &json)
                }
                // The message, "<first entity>: <why><note>", and the fingerprint are escaped a piece at a time.
                json.object(key: keys.message) { json in
                    json.member(keys.text, stringParts: { json in
                        if let entity = finding.entities.first {
                            FindingsWording.entity(entity) { json.contents($0) }
                            json.contents(": ")
                        }
                        json.contents(finding.why)
                        json.contents(note)
                    })
                }
                json.object(key: keys.partialFingerprints) { json in
                    json.member(keys.entities, stringParts: { json in finding.fingerprint { json.contents($0) } })
                }
                try json.object(key: keys.properties) { json in try json.member(keys.tags, tags) }
                try json.member(keys.ruleId, finding.rule.rawValue)
                try json.member(keys.ruleIndex, ruleIndex)
                try json.member(keys.suppressions, suppressions)
            })
        }

        /// The result's one location: its snapshot file and lines, and its entities as logical locations
        /// (`service_id/ServiceId-…`), each entity's fields read in place (a copy would retain its strings).
        private struct Location: JSONWritable {
            let finding: Finding
            let physicalLocation: PhysicalLocation?

            /// A logical location's own members (its `kind` is `resource` for every one).
            static let logicalLocationKeys = ["fullyQualifiedName", "name"]
            static let kindKey = "kind"
            /// A logical location's bytes around its own members, at the nesting level a log's results put it
            /// (log, runs, run, results, result, locations, location, logical locations: 8), made once; at another
            /// level it is written member by member.
            static let logicalLocation = try? JSONObjectRuns(shared: [JSONMember(kindKey, Result.resource)],
                                                             own: logicalLocationKeys, depth: 8)

            func write(to json: inout JSONWriter) throws {
                let keys = Result.keys
                try json.object(inOrder: { json in
                    try finding.entities.withUnsafeBufferPointer { entities in
                        try json.array(key: keys.logicalLocations, count: entities.count) { index, json in
                            /// The values of `logicalLocationKeys`: `kind/id` and the id.
                            func value(_ member: Int, _ json: inout JSONWriter) {
                                guard member == 0 else { return json.string(entities[index].id) }
                                json.string(parts: { json in
                                    json.contents(entities[index].kind.rawValue)
                                    json.contents("/")
                                    json.contents(entities[index].id)
                                })
                            }
                            guard Location.logicalLocation?.write(to: &json, value: value) != true else { return }
                            try json.object([JSONMember(Location.kindKey, Result.resource)], own: Location.logicalLocationKeys, value: value)
                        }
                    }
                    try json.member(keys.physicalLocation, physicalLocation)
                })
            }
        }
    }

    /// An ignore-file entry accepting a result: external to the code, accepted, with its reason.
    struct SARIFSuppression: JSONObject {
        let kind = "external"
        let status = "accepted"
        let justification: String

        var members: [JSONMember] { JSONMember.list(["kind": kind, "status": status, "justification": justification]) }
    }

    struct PhysicalLocation: JSONWritable {
        let artifactLocation: ArtifactLocation
        let region: Region?

        private static let keys = (artifactLocation: JSONKey(literal: "artifactLocation"), region: JSONKey(literal: "region"))

        func write(to json: inout JSONWriter) throws {
            try json.object(inOrder: { json in
                try json.member(Self.keys.artifactLocation, artifactLocation)
                try json.member(Self.keys.region, region)
            })
        }
    }

    /// The entity's lines in its file.
    struct Region: JSONWritable {
        let startLine: Int
        let endLine: Int

        private static let keys = (endLine: JSONKey(literal: "endLine"), startLine: JSONKey(literal: "startLine"))

        func write(to json: inout JSONWriter) throws {
            try json.object(inOrder: { json in
                try json.member(Self.keys.endLine, endLine)
                try json.member(Self.keys.startLine, startLine)
            })
        }
    }

    struct ArtifactLocation: JSONWritable {
        let uri: String
        let uriBaseId: String?

        private static let keys = (uri: JSONKey(literal: "uri"), uriBaseId: JSONKey(literal: "uriBaseId"))

        func write(to json: inout JSONWriter) throws {
            try json.object(inOrder: { json in
                try json.member(Self.keys.uri, uri)
                try json.member(Self.keys.uriBaseId, uriBaseId)
            })
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
