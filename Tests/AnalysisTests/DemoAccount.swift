import Analysis
import Foundation
import Model

/// `samples/demo`, loaded and indexed once for the analysis tests, with the ids SEEDS.md names.
enum DemoAccount {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples/demo")

    static let account: IAMAccount = try! AccountLoader.load(directory: directory).account
    static let index = AccessIndex(account)
    static let report = FindingsReport(index)

    static let publicAccess = "AccessGroupId-PublicAccess"
    static let admins = "AccessGroupId-b02c743c-4a1e-4643-9e19-484ee4b1a9f0"
    static let developers = "AccessGroupId-9e906054-2f34-471c-a8d1-080849987ba2"
    static let dataEngineers = "AccessGroupId-a7b91443-5cba-49d5-b48b-f7f295fbac2a"
    static let supportStaff = "AccessGroupId-75465a82-a3c6-4246-8f9e-b666880bff36"
    static let auditors = "AccessGroupId-dfaffba2-ed80-401a-9487-e56934360196"

    static let owner = "IBMid-6630014QXD"
    static let priya = "IBMid-55000ATR4K"
    static let jordan = "IBMid-2700112PNA"
    static let sofia = "IBMid-310008FJ6C"
    static let marcus = "IBMid-270007BN2P"
    static let bob = "IBMid-6650019HWM"

    static let cosInstance = "df4a01fb-7a6f-4d52-851e-28e690505e0d"
    static let kmsInstance = "d79c35df-f9c0-479b-aaf5-a6b277abd473"
    static let deletedInstance = "2fd3b253-3d45-4041-bba2-4fab8004f163"
    static let assistantPOC = "68205863-2053-4fca-aee9-398c4815f70a"

    static func instance(_ guid: String) -> ResourceInstance { account.instancesByGUID[guid]! }
}
