import Foundation
import FuzzSupport
import Model
import Snapshot

/// libFuzzer target for `SnapshotDecoder`, the decoder every snapshot file goes through, checked against
/// `JSONDecoder`. An input names a file of samples/demo on its first line and gives JSON after it; the name picks the
/// model type the JSON is decoded as (`users.json` → users, `policies-access.json` → policies…), and every input is
/// also decoded as a generic JSON value.
///
/// The target traps when the tape (`SnapshotDecoder.fastDecode`) decodes a value that `JSONDecoder` does not give —
/// a document `JSONDecoder` refuses, or a different value — since `SnapshotDecoder` answers with the tape's value
/// whenever it has one. Anything else (refusals, give-ups) is left to `JSONDecoder` by design.
@main
enum DecodeFuzzer {
    static func main() {
        FuzzDriver.run { bytes, count in
            if let input = FuzzInput(bytes, count: count) { DecodeFuzzer.exercise(input) }
            return 0
        }
    }

    static func exercise(_ input: FuzzInput) {
        let data = input.body
        agree(JSONValue.self, data) { $0 }
        agree([JSONValue].self, data) { $0 }
        switch input.name {
        case "users.json": agree([Lossy<User>].self, data, items)
        case "service-ids.json": agree([Lossy<ServiceID>].self, data, items)
        case "trusted-profiles.json": agree([Lossy<TrustedProfile>].self, data, items)
        case "access-groups.json": agree([Lossy<AccessGroup>].self, data, items)
        case "access-group-members.json": agree([String: [Lossy<GroupMember>]].self, data) { $0.mapValues(items) }
        case "policies-access.json", "policies-authorization.json":
            agree([Lossy<RawPolicy>].self, data) { items($0).map { $0?.normalized } }
        case "resource-instances.json": agree([Lossy<ResourceInstance>].self, data, items)
        case "resource-keys.json": agree([Lossy<ResourceKey>].self, data, items)
        case "cbr-rules.json": agree([Lossy<CBRRule>].self, data, items)
        case "identity-providers.json": agree([Lossy<IdentityProvider>].self, data, items)
        case "volatile/policy-usage.json":
            agree([String: PolicyUsage].self, data) { $0.mapValues { [$0.lastPermitAt?.raw, $0.lastPermitFrequency.map(String.init)] } }
        default: break
        }
    }

    /// Traps unless the tape's value, when it has one, is `JSONDecoder`'s (compared through `project`).
    static func agree<T: Decodable, P: Equatable>(_ type: T.Type, _ data: Data, _ project: (T) -> P) {
        guard let fast = SnapshotDecoder.fastDecode(type, from: data) else { return }
        let theirs: T
        do {
            theirs = try JSONDecoder().decode(type, from: data)
        } catch {
            fatalError("the tape decoded \(type) from JSON that JSONDecoder refuses: \(error)")
        }
        guard project(fast) == project(theirs) else { fatalError("the tape decoded \(type) differently from JSONDecoder") }
    }

    /// The items that decoded, `nil` for each that did not.
    static func items<T>(_ list: [Lossy<T>]) -> [T?] { list.map { try? $0.result.get() } }
}

/// Any JSON value, read by trying each type in turn as tolerant decoders do.
indirect enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), integer(Int), string(String), array([JSONValue]), object([String: JSONValue]), number(Double)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else {
            self = .number(try container.decode(Double.self))
        }
    }
}
