import Foundation
import Model

/// `samples/demo`, loaded once per test process. A sample that cannot be read fails the tests that use it (they
/// `try` it), not the whole process.
package enum DemoSample {
    private static let loaded = Result { try AccountLoader.load(directory: Samples.demo).account }

    /// The demo account.
    package static func account() throws -> IAMAccount { try loaded.get() }
}
