import Foundation
import FuzzSupport
import Model
import Snapshot

/// libFuzzer target for `SnapshotDecoder`, the decoder every snapshot file goes through, checked against
/// `JSONDecoder`. An input names a file of samples/demo on its first line and gives JSON after it; the name picks the
/// type the JSON is decoded as, the one its collection's registration declares (`users.json` → `[Lossy<User>]`,
/// `policies-access.json` → policies…; `CollectionRegistration.file`), and every input is also decoded as a generic
/// JSON value.
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
        if let kind = CollectionKind.allCases.first(where: { $0.fileName == input.name }) {
            let file = kind.registration.file
            switch file.check(data) {
            case .same, .declined: break
            case .refused(let error): fatalError("the tape decoded \(file.name) from JSON that JSONDecoder refuses: \(error)")
            case .different: fatalError("the tape decoded \(file.name) differently from JSONDecoder")
            }
        } else if input.name == VolatileArea.policyUsage.file {
            agree([String: PolicyUsage].self, data) { $0.mapValues { [$0.lastPermitAt?.raw, $0.lastPermitFrequency.map(String.init)] } }
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
