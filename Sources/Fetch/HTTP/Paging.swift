import Foundation
import Snapshot

extension Paging {
    /// The query parameters that ask for the largest page.
    var pageSizeQuery: [URLQueryItem] {
        switch self {
        case .pageToken: [URLQueryItem(name: "pagesize", value: "100")]
        case .offset, .start, .nextURL, .limitPageToken: [URLQueryItem(name: "limit", value: "100")]
        case .none: []
        }
    }

    /// The query parameter that carries a cursor.
    var cursorParameter: String? {
        switch self {
        case .pageToken, .limitPageToken: "pagetoken"
        case .offset: "offset"
        case .start: "start"
        case .nextURL(let parameter): parameter
        case .none: nil
        }
    }

    /// Whether lists are fetched page by page.
    var isPaged: Bool { cursorParameter != nil }

    /// The number of items in the whole list, where the API reports it on every page: Access Groups' `total_count`,
    /// User Management's `total_results` (Resource Controller reports none).
    package func reportedTotal(in response: [String: Any]) -> Int? {
        let total: Any?
        switch self {
        case .offset: total = response["total_count"]
        case .nextURL: total = response["total_results"]
        case .pageToken, .limitPageToken, .start, .none: total = nil
        }
        return (total as? Int).flatMap { $0 >= 0 ? $0 : nil }
    }

    /// The next page's cursor from a response, or `nil` on the last page.
    package func nextCursor(in response: [String: Any]) -> String? {
        switch self {
        case .pageToken, .limitPageToken:
            return (response["next"] as? String).flatMap { Self.query($0, "pagetoken") }
        case .offset:
            return ((response["next"] as? [String: Any])?["href"] as? String).flatMap { Self.query($0, "offset") }
        case .start:
            guard let next = response["next"] as? [String: Any] else { return nil }
            return (next["start"] as? String) ?? (next["href"] as? String).flatMap { Self.query($0, "start") }
        case .nextURL(let parameter):
            return (response["next_url"] as? String).flatMap { Self.query($0, parameter) }
        case .none:
            return nil
        }
    }

    private static func query(_ url: String, _ name: String) -> String? {
        URLComponents(string: url)?.queryItems?.first { $0.name == name }?.value.flatMap { $0.isEmpty ? nil : $0 }
    }
}
