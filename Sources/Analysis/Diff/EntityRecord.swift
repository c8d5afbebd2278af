/// One entity as a snapshot diff sees it: a stable id, a label, and the fields whose change matters. Fields are
/// compared by key (ids, CRNs, attribute sets) and shown by text (names), so renaming a resource group does not make
/// every policy on it look changed.
struct EntityRecord {
    let kind: EntityChange.Kind
    let id: String
    let label: String
    let fields: [Field]

    struct Field {
        let name: String
        let value: Value

        /// A single value compared by `key`, shown as `text`.
        static func single(_ name: String, key: String?, text: String?) -> Field {
            Field(name: name, value: .single(key: key, text: text))
        }

        /// A single value compared and shown as itself.
        static func single(_ name: String, _ value: String?) -> Field {
            single(name, key: value, text: value)
        }

        /// A set of elements compared by key, each shown as `text(key)`.
        static func elements(_ name: String, _ keys: [String], text: (String) -> String = { $0 }) -> Field {
            Field(name: name, value: .elements(Dictionary(keys.map { ($0, text($0)) }, uniquingKeysWith: { first, _ in first })))
        }
    }

    enum Value {
        case single(key: String?, text: String?)
        /// Key → text.
        case elements([String: String])
    }

    /// The changes from `old` to `new`, records matched by id; sorted by kind, label and id.
    static func changes(old: [EntityRecord], new: [EntityRecord]) -> [EntityChange] {
        let before = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [EntityChange] = []
        for record in after.values {
            guard let previous = before[record.id] else {
                changes.append(EntityChange(kind: record.kind, action: .added, id: record.id, label: record.label))
                continue
            }
            let fields = record.fieldChanges(from: previous)
            if !fields.isEmpty {
                changes.append(EntityChange(kind: record.kind, action: .changed, id: record.id, label: record.label,
                                            fields: fields))
            }
        }
        for record in before.values where after[record.id] == nil {
            changes.append(EntityChange(kind: record.kind, action: .removed, id: record.id, label: record.label))
        }
        return changes.sorted { ($0.label, $0.id) < ($1.label, $1.id) }
    }

    /// How this record's fields differ from `old`'s (both built with the same options, so with the same fields).
    private func fieldChanges(from old: EntityRecord) -> [EntityChange.FieldChange] {
        let previous = Dictionary(old.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        return fields.compactMap { field in
            switch (previous[field.name], field.value) {
            case (.single(let oldKey, let oldText)?, .single(let newKey, let newText)):
                return oldKey == newKey ? nil : .value(field: field.name, old: oldText, new: newText)
            case (.elements(let oldElements)?, .elements(let newElements)):
                let added = newElements.filter { oldElements[$0.key] == nil }.values.sorted()
                let removed = oldElements.filter { newElements[$0.key] == nil }.values.sorted()
                return added.isEmpty && removed.isEmpty ? nil : .elements(field: field.name, added: added, removed: removed)
            default:
                return nil
            }
        }
    }
}
