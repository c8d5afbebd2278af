import Foundation
import Model

/// `samples/enterprise`, loaded once per test process. A sample that cannot be read fails the tests that use it.
package enum EnterpriseSample {
    private static let loaded = Result { try AccountLoader.load(directory: Samples.enterprise).account }

    /// The enterprise account (200 users, 30 access groups).
    package static func account() throws -> IAMAccount { try loaded.get() }
}
