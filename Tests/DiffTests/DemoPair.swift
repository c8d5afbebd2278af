import Foundation
import Model
import Snapshot
import TestSupport

/// Two copies of `samples/demo` in a temporary directory: `old`, unchanged, and `new`, which differs by exactly
/// one membership (Sofia Alvarez left Developers), one role added to a group policy (Manager on Developers' sandbox
/// policy), one new direct policy (Administrator on cloud-object-storage in prod for Lena Fischer) and one deleted
/// instance (events-sandbox), fetched a week later.
struct DemoPair {
    static let demo = Samples.demo

    static let developers = DemoIDs.developers
    static let sofia = DemoIDs.sofia
    static let lena = DemoIDs.lena
    static let sandboxPolicy = DemoIDs.sandboxPolicy
    static let newPolicy = "0c5b7e1e-5d2a-4f7e-9a51-3f6f0b9d2c11"
    static let deletedInstance = DemoIDs.eventsSandbox
    static let prod = DemoIDs.prodResourceGroup
    static let manager = "crn:v1:bluemix:public:iam::::serviceRole:Manager"
    static let newFetchedAt = "2026-11-27T09:00:00Z"

    let root: URL
    var old: URL { root.appendingPathComponent("old") }
    var new: URL { root.appendingPathComponent("new") }

    /// Creates the pair; `edited: false` makes `new` an identical copy.
    init(edited: Bool = true) throws {
        root = try TemporaryDirectory.make("iamgraph-diff-tests")
        try FileManager.default.copyItem(at: Self.demo, to: old)
        try FileManager.default.copyItem(at: Self.demo, to: new)
        if edited { try Self.edit(new) }
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    static func load(_ directory: URL) throws -> IAMAccount {
        try AccountLoader.load(directory: directory).account
    }

    /// Applies the four edits to the snapshot at `directory` and reseals it.
    static func edit(_ directory: URL) throws {
        try editJSON(directory, CollectionKind.accessGroupMembers.fileName) { (groups: inout [String: Any]) in
            groups[developers] = (groups[developers] as! [[String: Any]]).filter { $0["iam_id"] as? String != sofia }
        }
        try editJSON(directory, CollectionKind.accessPolicies.fileName) { (policies: inout [[String: Any]]) in
            let index = policies.firstIndex { $0["id"] as? String == sandboxPolicy }!
            var control = policies[index]["control"] as! [String: Any]
            var grant = control["grant"] as! [String: Any]
            grant["roles"] = (grant["roles"] as! [Any]) + [["role_id": manager]]
            control["grant"] = grant
            policies[index]["control"] = control
            policies.append(newDirectPolicy)
        }
        try editJSON(directory, CollectionKind.resourceInstances.fileName) { (instances: inout [[String: Any]]) in
            instances.removeAll { $0["guid"] as? String == deletedInstance }
        }
        try Resealer(fetchedAt: newFetchedAt).reseal(directory)
    }

    static var newDirectPolicy: [String: Any] { [
        "id": newPolicy,
        "type": "access",
        "state": "active",
        "description": "Temporary: bucket migration",
        "created_at": "2026-11-26T10:00:00.000Z",
        "subject": ["attributes": [["key": "iam_id", "operator": "stringEquals", "value": lena]]],
        "control": ["grant": ["roles": [["role_id": "crn:v1:bluemix:public:iam::::role:Administrator"]]]],
        "resource": ["attributes": [
            ["key": "accountId", "operator": "stringEquals", "value": "b8d158e0846b1b49b73e8295c18bbdb9"],
            ["key": "serviceName", "operator": "stringEquals", "value": "cloud-object-storage"],
            ["key": "resourceGroupId", "operator": "stringEquals", "value": prod],
        ]],
    ] }

    static func editJSON<T>(_ directory: URL, _ file: String, _ change: (inout T) throws -> Void) throws {
        let url = directory.appendingPathComponent(file)
        var content = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! T
        try change(&content)
        try JSONSerialization.data(withJSONObject: content).write(to: url)
    }
}
