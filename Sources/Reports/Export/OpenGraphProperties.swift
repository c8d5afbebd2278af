import GraphValues

/// Writes the `properties` object of OpenGraph's nodes (or of its edges) member by member, in the order of the keys'
/// UTF-8 bytes, without a dictionary of boxed values per element: a node's or edge's attributes under their export
/// names (`ExportAttributes`), every flag as a boolean, and the members every element of its sort has (`extras`:
/// a node's `name` and `iamgraph_kind`, an edge's `label` and `roles`), which win over an attribute of the same
/// export name. The flags' and extras' keys are sorted and written once; an attribute's export name and key are
/// made once per writer (one per writing thread).
struct OpenGraphProperties {
    /// A member every element has: a flag, or one of the extras (its position in `extras`).
    private enum Fixed {
        case flag(Flags)
        case extra(Int)
    }

    /// The flags' and extras' members, sorted by key.
    private let fixed: [(name: String, key: JSONKey, value: Fixed)]
    /// Each attribute key seen so far, with its export name and that name's key.
    private var named: [String: (name: String, key: JSONKey)] = [:]

    /// The writer of properties whose extra members are named `extras`, in the order `write`'s `extra` is asked for
    /// them; the names must be distinct and not flags' names.
    init(extras: [String]) {
        let flags = Flags.named.map { flag, name in (name: name, key: JSONKey(name), value: Fixed.flag(flag)) }
        let extraMembers = extras.enumerated().map { position, name in
            (name: name, key: JSONKey(name), value: Fixed.extra(position))
        }
        fixed = (flags + extraMembers).sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// Writes the members of the properties object (`JSONWriter.object(inOrder:)`'s body) of an element with
    /// `attributes` and `flags`; `extra(i)` is the value of `extras[i]`. Of two attributes with one export name
    /// (`warning` renamed `warning_text`, and `warning_text`), the one named so wins.
    mutating func write(_ attributes: [String: String], flags: Flags, extra: (Int) -> OpenGraphJSON.Property,
                        to json: inout JSONWriter) throws {
        var members: [(name: String, key: JSONKey, value: String, renamed: Bool)] = []
        members.reserveCapacity(attributes.count)
        for (key, value) in attributes {
            let export = exportName(key)
            members.append((export.name, export.key, value, export.name != key))
        }
        members.sort { a, b in
            a.name == b.name ? a.renamed && !b.renamed : a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
        }
        var next = 0
        /// Writes the attributes whose names come before `limit` (all when `nil`), the last of each name only.
        func attributeMembers(before limit: String?) throws {
            while next < members.count, limit.map({ members[next].name.utf8.lexicographicallyPrecedes($0.utf8) }) ?? true {
                if next + 1 == members.count || members[next + 1].name != members[next].name {
                    try json.member(members[next].key, members[next].value)
                }
                next += 1
            }
        }
        for member in fixed {
            try attributeMembers(before: member.name)
            while next < members.count, members[next].name == member.name { next += 1 }  // the fixed member wins
            switch member.value {
            case .flag(let flag): try json.member(member.key, flags.contains(flag))
            case .extra(let position): try json.member(member.key, extra(position))
            }
        }
        try attributeMembers(before: nil)
    }

    /// The export name of the attribute `key`, and that name's key, made once.
    private mutating func exportName(_ key: String) -> (name: String, key: JSONKey) {
        if let known = named[key] { return known }
        let name = ExportAttributes.name(key)
        let made = (name: name, key: JSONKey(name))
        named[key] = made
        return made
    }
}
