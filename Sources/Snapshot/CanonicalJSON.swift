import Foundation

/// The one way iamgraph writes JSON files: sorted keys, pretty printing, unescaped slashes and a final newline, so
/// equal values always give equal bytes — the bytes Foundation's `JSONSerialization` gives with those options, written
/// by our own `CanonicalJSONWriter`.
package enum CanonicalJSON {
    /// Serializes a JSON value (as produced by `JSONSerialization`, or built of Swift values) canonically.
    package static func data(_ value: Any) throws -> Data {
        var writer = CanonicalJSONWriter()
        try writer.write(value)
        var bytes = writer.bytes
        bytes.append(0x0A)
        return Data(bytes)
    }

    /// What Foundation's `JSONSerialization` writes for `value` with the canonical options: the reference
    /// `data(_:)` is byte-identical to (the tests and the benchmark compare the two).
    package static func foundationData(_ value: Any) throws -> Data {
        var data = try JSONSerialization.data(
            withJSONObject: value, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes, .fragmentsAllowed])
        data.append(0x0A)
        return data
    }

    /// Serializes an `Encodable` value canonically (through Foundation's encoder with the same options).
    package static func data<T: Encodable>(encoding value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// Parses JSON text into Foundation values.
    package static func parse(_ data: Data) throws -> Any {
        try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    /// Sorts raw items by the string value of `idKey`; ties (duplicate or missing ids) keep an order fixed by their
    /// canonical bytes, so the result never depends on the order the API returned them in.
    package static func sortedItems(_ items: [Any], idKey: String) throws -> [Any] {
        // A string id is its own description: only other ids pay for `String(describing:)`.
        let keyed = items.map { item in
            (id: ((item as? [String: Any])?[idKey]).map { $0 as? String ?? "\($0)" } ?? "", item: item)
        }
        let byID = Dictionary(grouping: keyed, by: \.id)
        var result: [Any] = []
        result.reserveCapacity(items.count)
        for id in byID.keys.sorted() {
            let group = byID[id]!
            if group.count == 1 {
                result.append(group[0].item)
            } else {
                // Only ties pay for serialization.
                result += try group.map { (bytes: try data($0.item), item: $0.item) }
                    .sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }.map(\.item)
            }
        }
        return result
    }
}
