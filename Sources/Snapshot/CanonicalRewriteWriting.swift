import Foundation

/// `CanonicalJSONWriter` with a `CanonicalRewriter` in the loop: the two ways `CanonicalRewrite` writes a document,
/// from its token tape and from Foundation's values, asking the rewriter the same questions in the same order.
extension CanonicalJSONWriter {
    /// Appends `value` (as Foundation parses it) rewritten in `context`.
    mutating func write<Rewriter: CanonicalRewriter>(_ value: Any, depth: Int, rewriter: Rewriter,
                                                     context: Rewriter.Context) throws(CanonicalJSONError) {
        if let object = value as? [String: Any] {
            let plan = rewriter.plan(for: FoundationObject(members: object), in: context)
            try write(object: object, depth: depth) { writer, key, member throws(CanonicalJSONError) in
                switch rewriter.rewrite(member: key, value: FoundationValue(value: member), plan: plan) {
                case .kept: try writer.write(member, depth: depth + 1)
                case .rewritten(let inner): try writer.write(member, depth: depth + 1, rewriter: rewriter, context: inner)
                case .replaced(let text): writer.append(string: text)
                }
            }
        } else if let array = value as? [Any] {
            try write(array: array, depth: depth) { writer, element throws(CanonicalJSONError) in
                try writer.write(element, depth: depth + 1, rewriter: rewriter, context: rewriter.elementContext)
            }
        } else {
            try write(value, depth: depth)
        }
    }

    /// Appends the value at `index` of `tape` rewritten in `context`; `false` (with part of it appended) for text
    /// not accepted by `CanonicalItem`, or an object with a string whose escapes do not spell Unicode.
    mutating func write<Rewriter: CanonicalRewriter>(_ tape: JSONTape, at index: Int, depth: Int, rewriter: Rewriter,
                                                     context: Rewriter.Context) -> Bool {
        switch tape.tokens[index].kind {
        case .object:
            guard let object = TapeObject(tape: tape, index: index) else { return false }
            let plan = rewriter.plan(for: object, in: context)
            return writeObject(tape, at: index, depth: depth) { writer, key, value in
                // A usual object's keys are plain ASCII without escapes.
                let name = String(decoding: tape.rawBytes(key), as: UTF8.self)
                switch rewriter.rewrite(member: name, value: TapeValue(tape: tape, index: value), plan: plan) {
                case .kept: return writer.write(tape, at: value, depth: depth + 1)
                case .rewritten(let inner):
                    return writer.write(tape, at: value, depth: depth + 1, rewriter: rewriter, context: inner)
                case .replaced(let text):
                    writer.append(string: text)
                    return true
                }
            }
        case .array:
            return writeArray(tape, at: index, depth: depth) { writer, element in
                writer.write(tape, at: element, depth: depth + 1, rewriter: rewriter, context: rewriter.elementContext)
            }
        case .string, .number, .true, .false, .null:
            return write(tape, at: index, depth: depth)
        }
    }
}

/// An object parsed by Foundation, looked up for a rewriter.
private struct FoundationObject: JSONObjectLookup {
    let members: [String: Any]

    func contains(_ key: String) -> Bool { members[key] != nil }
    func string(_ key: String) -> String? { members[key] as? String }
}

/// A member's value parsed by Foundation.
private struct FoundationValue: JSONValueLookup {
    let value: Any

    var string: String? { value as? String }
    var isObject: Bool { value is [String: Any] }
}

/// An object on a token tape whose keys are plain ASCII and whose strings all spell Unicode, looked up for a
/// rewriter by its keys' bytes.
private struct TapeObject: JSONObjectLookup {
    let tape: JSONTape
    let index: Int

    /// `nil` when a key is not plain ASCII, or a member's string has escapes that do not spell Unicode (Foundation
    /// reads those its own way, so the document is left to it).
    init?(tape: JSONTape, index: Int) {
        guard !tape.tokens[index].isUnusual else { return nil }
        self.tape = tape
        self.index = index
        var key = index + 1
        while key < Int(tape.tokens[index].second) {
            let value = tape.tokens[key + 1]
            if value.kind == .string, value.isUnusual, tape.string(key + 1) == nil { return nil }
            key = tape.next(after: key + 1)
        }
    }

    /// The token index of the value of the first member `key`.
    private func value(_ key: String) -> Int? {
        var member = index + 1
        while member < Int(tape.tokens[index].second) {
            if tape.key(member, equals: key) { return member + 1 }
            member = tape.next(after: member + 1)
        }
        return nil
    }

    func contains(_ key: String) -> Bool { value(key) != nil }

    func string(_ key: String) -> String? {
        value(key).flatMap { TapeValue(tape: tape, index: $0).string }
    }
}

/// A value on a token tape.
private struct TapeValue: JSONValueLookup {
    let tape: JSONTape
    let index: Int

    var string: String? { tape.tokens[index].kind == .string ? tape.string(index) : nil }
    var isObject: Bool { tape.tokens[index].kind == .object }
}
