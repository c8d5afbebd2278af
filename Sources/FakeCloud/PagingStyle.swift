import Foundation

/// How one IBM Cloud API pages its lists: request parameters, cursor form and response envelope.
enum PagingStyle: Sendable {
    /// IAM Identity lists: `pagesize` / `pagetoken`; `next` is an absolute URL string, absent on the last page.
    case identity
    /// IAM Identity templates and assignments: `limit` / `pagetoken`; the envelope of `identity`.
    case identityTemplates
    /// Access groups and members: `limit` / `offset`; `next: {"href"}` (absolute), plus `first`, `last`,
    /// `previous`, `total_count`.
    case offset
    /// Policies, policy templates and assignments: `limit` / `start`; `next: {"href", "start"}`.
    case start
    /// Resource instances: `limit` / `start`; `next_url` is a relative URL, `null` on the last page; `rows_count`.
    case resourceController
    /// Users: `limit` / `_start`; `next_url` (relative) carries `_start` and is absent on the last page;
    /// `total_results`, `first_url`.
    case users

    /// The largest page any of these APIs serves; larger requests are capped to it.
    static let maxLimit = 100

    /// The page size when the client does not ask for one.
    var defaultLimit: Int {
        switch self {
        case .identity, .identityTemplates: 20
        case .offset, .start: 50
        case .resourceController, .users: 100
        }
    }

    /// The query parameter that asks for a page size.
    var limitParameter: String { self == .identity ? "pagesize" : "limit" }

    /// The query parameter that carries the cursor.
    var cursorParameter: String {
        switch self {
        case .identity, .identityTemplates: "pagetoken"
        case .offset: "offset"
        case .start, .resourceController: "start"
        case .users: "_start"
        }
    }

    /// The cursor that leads to the page at `offset`: the plain offset for `offset` paging, an opaque token otherwise.
    func cursor(for offset: Int) -> String {
        guard self != .offset else { return String(offset) }
        let token = Data("fake-ibmcloud:\(offset)".utf8).base64EncodedString()
        return token.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The offset a cursor leads to, or `nil` for a cursor this server never issued.
    func offset(of cursor: String) -> Int? {
        guard self != .offset else { return Int(cursor).flatMap { $0 >= 0 ? $0 : nil } }
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
              let text = String(data: data, encoding: .utf8), text.hasPrefix("fake-ibmcloud:"),
              let offset = Int(text.dropFirst("fake-ibmcloud:".count)), offset >= 0 else { return nil }
        return offset
    }
}
