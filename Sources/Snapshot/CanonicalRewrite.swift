import Foundation

/// Decides, object by object, how a JSON document is rewritten on its way to canonical bytes (`CanonicalRewrite`):
/// which members keep their value, which are rewritten further, and which are replaced by a string.
///
/// A rewriter sees each object once before its members are written (`plan`), and each member through that plan
/// (`rewrite`); it never sees the text itself, so the same rewriter gives the same bytes whether the document is
/// read from its token tape or from Foundation's values.
package protocol CanonicalRewriter {
    /// What an object's parent tells it: how it is to be rewritten (array elements get `elementContext`).
    associatedtype Context
    /// What the rewriter worked out about one object from its members, before any is written.
    associatedtype Plan

    /// The context of an array's elements and of the document itself.
    var elementContext: Context { get }
    /// The plan for an object, from its members.
    func plan(for object: some JSONObjectLookup, in context: Context) -> Plan
    /// What becomes of the member `key`, whose value is `value`, of an object with `plan`.
    func rewrite(member key: String, value: some JSONValueLookup, plan: Plan) -> MemberRewrite<Context>
}

/// What becomes of one member of an object.
package enum MemberRewrite<Context> {
    /// Its value is written as it is, nothing inside it rewritten.
    case kept
    /// Its value is written rewritten in `Context` (a string or number is written as it is).
    case rewritten(Context)
    /// A string is written in place of its value.
    case replaced(String)
}

/// An object's members, looked up by key.
package protocol JSONObjectLookup {
    /// Whether the object has a member `key`, whatever its value (`null` included).
    func contains(_ key: String) -> Bool
    /// The string value of the member `key`; `nil` when there is no such member or its value is not a string.
    func string(_ key: String) -> String?
}

/// One member's value, looked at only as far as a rewriter asks.
package protocol JSONValueLookup {
    /// The value, when it is a string.
    var string: String? { get }
    /// Whether the value is an object.
    var isObject: Bool { get }
}

/// JSON text rewritten by a `CanonicalRewriter` into the canonical bytes `CanonicalJSON.data` writes for the rewritten
/// values (final line break included).
///
/// Text that is canonical already (as a snapshot's files are: strict JSON, each object's keys plain ASCII and in
/// `JSONKeyOrder`'s order, integers only) is rewritten straight from its token tape, without building Foundation
/// values; any other text is parsed by `FoundationJSON` and written from its values. Both give the same bytes (the
/// tests compare them).
package enum CanonicalRewrite {
    /// `data` rewritten, or `nil` when it is not JSON (or holds a value JSON cannot be written back as).
    package static func data<Rewriter: CanonicalRewriter>(_ data: Data, rewriter: Rewriter) -> Data? {
        fromTape(data, rewriter: rewriter) ?? fromFoundationValues(data, rewriter: rewriter)
    }

    /// `data` rewritten from its token tape, or `nil` when the text is not canonical enough to be.
    package static func fromTape<Rewriter: CanonicalRewriter>(_ data: Data, rewriter: Rewriter) -> Data? {
        data.withUnsafeBytes { bytes -> Data? in
            guard let tape = JSONTapeParser.parse(bytes) else { return nil }
            var writer = CanonicalJSONWriter(reservingCapacity: bytes.count)
            guard writer.write(tape, at: 0, depth: 0, rewriter: rewriter, context: rewriter.elementContext) else {
                return nil
            }
            writer.appendLineBreak()
            return Data(writer.bytes)
        }
    }

    /// `data` parsed into Foundation's values and rewritten from them, or `nil` when it is not JSON.
    package static func fromFoundationValues<Rewriter: CanonicalRewriter>(_ data: Data, rewriter: Rewriter) -> Data? {
        guard let value = try? FoundationJSON.parse(data) else { return nil }
        var writer = CanonicalJSONWriter()
        guard (try? writer.write(value, depth: 0, rewriter: rewriter, context: rewriter.elementContext)) != nil else {
            return nil
        }
        writer.appendLineBreak()
        return Data(writer.bytes)
    }
}
