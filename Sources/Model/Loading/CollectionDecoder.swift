import Foundation
import Snapshot

/// Decodes the collection files of a loaded snapshot into typed items, item by item, recording a problem (file, JSON
/// path, expectation) for every item or file that does not decode, and for duplicate ids.
struct CollectionDecoder {
    /// The files, each taken (and so freed once decoded) by the decoder that decodes its collection.
    let files: CollectionFiles
    private(set) var problems: [ValidationProblem] = []
    /// Collections whose file did not decode at all.
    private(set) var unreadable: Set<CollectionKind> = []
    private let decoder = SnapshotDecoder()

    init(_ files: CollectionFiles) { self.files = files }

    /// A `list` collection; `id` gives each item's id for the duplicate check.
    mutating func list<T: Decodable>(_ kind: CollectionKind, _ type: T.Type, id: (T) -> String) -> [T] {
        guard let data = files.take(kind), let items = decode([Lossy<T>].self, kind, data) else { return [] }
        let values = collect(items, kind)
        checkDuplicates(values, kind, path: "$", id: id)
        return values
    }

    /// A `per-parent` collection: parent id → items.
    mutating func perParent<T: Decodable>(_ kind: CollectionKind, _ type: T.Type, id: (T) -> String) -> [String: [T]] {
        guard let data = files.take(kind), let groups = decode([String: [Lossy<T>]].self, kind, data) else { return [:] }
        var result: [String: [T]] = [:]
        for parent in groups.keys.sorted() {
            let values = collect(groups[parent]!, kind)
            checkDuplicates(values, kind, path: JSONPath.appending(parent, to: "$"), id: id)
            result[parent] = values
        }
        return result
    }

    /// An `object` collection.
    mutating func object<T: Decodable>(_ kind: CollectionKind, _ type: T.Type) -> T? {
        guard let data = files.take(kind) else { return nil }
        return decode(T.self, kind, data)
    }

    /// `roles.json`: the three arrays, each role tagged with its kind.
    mutating func roles() -> [Role] {
        struct RoleFile: Decodable {
            let system: [Lossy<Role>]?
            let service: [Lossy<Role>]?
            let custom: [Lossy<Role>]?
            enum CodingKeys: String, CodingKey {
                case system = "system_roles", service = "service_roles", custom = "custom_roles"
            }
        }
        guard let data = files.take(.roles), let file = decode(RoleFile.self, .roles, data) else { return [] }
        var roles: [Role] = []
        for (items, kind, key) in [(file.system, Role.Kind.system, "system_roles"), (file.service, .service, "service_roles"),
                                   (file.custom, .custom, "custom_roles")] {
            let values = collect(items ?? [], .roles).map { role -> Role in
                var role = role
                role.kind = kind
                return role
            }
            // A system or service role is listed once per service whose actions for it differ (`service_name`).
            checkDuplicates(values, .roles, path: JSONPath.appending(key, to: "$")) { $0.crn + ($0.serviceName.map { " for " + $0 } ?? "") }
            roles += values
        }
        return roles
    }

    /// A volatile file, decoded; problems name the volatile file.
    mutating func volatile<T: Decodable>(_ data: Data?, file: String, _ type: T.Type) -> T? {
        guard let data else { return nil }
        do {
            return try decoder.decode(T.self, from: data)
        } catch {
            problems.append(ValidationProblem(file: file, decodingError: error))
            return nil
        }
    }

    mutating func report(_ problem: ValidationProblem) { problems.append(problem) }

    private mutating func decode<T: Decodable>(_ type: T.Type, _ kind: CollectionKind, _ data: Data) -> T? {
        do {
            return try decoder.decode(T.self, from: data)
        } catch {
            problems.append(ValidationProblem(file: kind.fileName, decodingError: error))
            unreadable.insert(kind)
            return nil
        }
    }

    private mutating func collect<T>(_ items: [Lossy<T>], _ kind: CollectionKind) -> [T] {
        items.compactMap { item in
            switch item.result {
            case .success(let value): return value
            case .failure(let error):
                problems.append(ValidationProblem(file: kind.fileName, decodingError: error))
                return nil
            }
        }
    }

    private mutating func checkDuplicates<T>(_ values: [T], _ kind: CollectionKind, path: String, id: (T) -> String) {
        var seen: [String: Int] = [:]
        seen.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            let key = id(value)
            if let first = seen[key] {
                problems.append(ValidationProblem(file: kind.fileName, path: "\(path)[\(index)].\(kind.idKey)",
                    "duplicate id \"\(key)\": already used by \(path)[\(first)]; expected each \(kind.idKey) once"))
            } else {
                seen[key] = index
            }
        }
    }
}
