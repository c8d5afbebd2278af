import Foundation
import Snapshot

/// The findings of an earlier report (`report --format json`), to tell new findings from unchanged ones and to list
/// those resolved since. A finding's identity is its rule and entities, as SARIF's `partialFingerprints` give it.
package struct Baseline: Sendable {
    /// The earlier findings, in their report's order.
    package let findings: [Finding]
    /// Findings the earlier report counted but did not list (`--top`): they would show as new.
    package let unlisted: Int

    /// The earlier report's findings JSON; `name` is the file as the user gave it, for messages.
    package init(data: Data, name: String) throws(IgnoreFile.Invalid) {
        try DocumentHeader.check(data, name: name, format: "iamgraph-findings", version: 1)
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            throw IgnoreFile.Invalid(description: ValidationProblem(file: name, decodingError: error).description)
        }
        findings = try document.findings.enumerated().map { (index, item) throws(IgnoreFile.Invalid) in
            guard let rule = RuleID(rawValue: item.rule) else {
                throw IgnoreFile.Invalid(description: "\(name) at $.findings[\(index)].rule: unknown rule \"\(item.rule)\"")
            }
            let entities = try item.entities.map { entity throws(IgnoreFile.Invalid) in
                guard let kind = FindingEntity.Kind(rawValue: entity.kind) else {
                    throw IgnoreFile.Invalid(description: "\(name) at $.findings[\(index)]: unknown entity kind \"\(entity.kind)\"")
                }
                return FindingEntity(kind, id: entity.id, name: entity.name)
            }
            return Finding(rule, entities: entities, why: item.why)
        }
        unlisted = document.rules.reduce(0) { $0 + $1.unlisted }
    }

    private struct Document: Decodable {
        let rules: [Rule]
        let findings: [Item]
    }

    private struct Rule: Decodable { let unlisted: Int }

    private struct Item: Decodable {
        let rule: String
        let why: String
        let entities: [Entity]
    }

    private struct Entity: Decodable {
        let kind: String
        let id: String
        let name: String?
    }
}
