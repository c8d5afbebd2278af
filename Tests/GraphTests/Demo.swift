import Foundation
import Model
import Testing
import TestSupport

/// `samples/demo` for the graph tests (its ids are in `DemoIDs`).
enum Demo {
    static var account: IAMAccount { get throws { try DemoSample.account() } }

    static func group(named name: String) throws -> AccessGroup {
        try #require(account.accessGroups.first { $0.name == name })
    }
}
