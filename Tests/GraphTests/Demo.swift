import Foundation
import Model

/// `samples/demo`, loaded once for the graph tests.
enum Demo {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples/demo")

    static let account: IAMAccount = try! AccountLoader.load(directory: directory).account

    static func group(named name: String) -> AccessGroup {
        account.accessGroups.first { $0.name == name }!
    }

    static let owner = "IBMid-6630014QXD"
    static let dynamicMember = "IBMid-310008FJ6C"
    static let deletedInstance = "2fd3b253-3d45-4041-bba2-4fab8004f163"
    static let unreachedInstance = "68205863-2053-4fca-aee9-398c4815f70a"
    static let cosInstance = "df4a01fb-7a6f-4d52-851e-28e690505e0d"
    static let kmsInstance = "d79c35df-f9c0-479b-aaf5-a6b277abd473"
    static let timeBasedPolicy = "e71feda1-f954-4414-b1b8-2e36711a5e1a"
}
