import Analysis
import Foundation
import Model
import Testing
import TestSupport

/// `samples/demo`, indexed and reported on once for the analysis tests, its ids in `DemoIDs`. A demo that
/// cannot be read fails the tests that use it, not the test process.
enum DemoAccount {
    private static let indexed = Result { AccessIndex(try DemoSample.account()) }
    private static let reported = Result { FindingsReport(try indexed.get()) }

    static var account: IAMAccount { get throws { try DemoSample.account() } }
    static var index: AccessIndex { get throws { try indexed.get() } }
    static var report: FindingsReport { get throws { try reported.get() } }

    static func instance(_ guid: String) throws -> ResourceInstance { try #require(account.instancesByGUID[guid]) }
}
