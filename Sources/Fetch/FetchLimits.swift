import Foundation

/// How much of a server's JSON a fetch accepts before it gives up on a collection: the bounds a hostile or broken
/// server could otherwise push to exhaust memory or time. Each default is far above what a real account produces;
/// crossing one fails that collection (exit 6) with a message naming the limit. The size of one response is bounded
/// by the transport (`HTTPTransport.Options.maxResponseBytes`).
package struct FetchLimits: Sendable, Equatable {
    /// JSON values (objects, arrays and their elements) in one response, counted before it is parsed: parsed JSON
    /// takes far more memory than its text (about a kilobyte a value with Foundation's parser on Linux), so a small
    /// body of tiny values must not be parsed at all. A real page of 100 items holds about 10,000.
    package var maxValuesPerResponse: Int
    /// JSON values across all the pages of one listing, which are all held until the collection is written: about
    /// 100,000 items of a real account.
    package var maxValuesPerListing: Int
    /// Items on one page of a paged listing (the fetcher asks for 100).
    package var maxItemsPerPage: Int
    /// Pages of one listing; a listing whose API reports its total also stops after `total + 1` pages.
    package var maxPagesPerListing: Int

    package init(maxValuesPerResponse: Int = 100_000, maxValuesPerListing: Int = 5_000_000,
                maxItemsPerPage: Int = 1_000, maxPagesPerListing: Int = 5_000) {
        self.maxValuesPerResponse = maxValuesPerResponse
        self.maxValuesPerListing = maxValuesPerListing
        self.maxItemsPerPage = maxItemsPerPage
        self.maxPagesPerListing = maxPagesPerListing
    }
}

extension Int {
    /// The number with thousands separators, the same in every locale (`1,000,000`), for messages about limits.
    var groupedDigits: String { formatted(.number.locale(Locale(identifier: "en_US"))) }
}
