/// One page cut from a list, rendered in the envelope of its API's paging style.
struct Page {
    let style: PagingStyle
    let items: [RawJSON]
    /// Position of the page's first item in the list.
    let offset: Int
    let limit: Int
    /// Offset of the page the `next` cursor leads to, `nil` on the last page.
    let nextOffset: Int?
    /// The paging fault that shaped this page's `next` cursor, if any.
    let fault: FaultKind?

    /// How a paging fault bends the `next` cursor.
    enum Bend {
        /// The first page's cursor leads to offset `limit` (an empty page when the list is shorter), and every later
        /// page's is the very cursor that led to it, so a client that follows cursors blindly fetches the second
        /// page forever.
        case loop
        /// Every page's cursor leads to the next `limit` items, past the end of the list too: new cursors forever.
        case endless
    }

    /// Cuts the page `request` asks for out of `all`, its cursor bent by `bend`; with `flood`, the page carries that
    /// many tiny items (`{"id": "flood-1"}`…) instead of its own. Only the page's own items are read from `all`, so a
    /// lazily mapped list costs what the page holds, not what the list holds.
    init<Items: RandomAccessCollection<RawJSON>>(_ style: PagingStyle, of all: Items, for request: APIRequest,
                                                 bend: Bend?, flood: Int?) throws(APIError) {
        self.style = style
        var limit = style.defaultLimit
        if let text = request.query(style.limitParameter) {
            guard let asked = Int(text), asked >= 1 else {
                throw .badRequest("Invalid \(style.limitParameter) \"\(text)\": expected an integer from 1 to \(PagingStyle.maxLimit).")
            }
            limit = min(asked, PagingStyle.maxLimit)
        }
        var offset = 0
        if let cursor = request.query(style.cursorParameter), !cursor.isEmpty {
            guard let decoded = style.offset(of: cursor) else {
                throw .badRequest("Invalid \(style.cursorParameter) \"\(cursor)\".")
            }
            offset = decoded
        }
        let start = min(offset, all.count)
        let end = min(start + limit, all.count)
        self.items = flood.map { count in (0..<max(0, count)).map { ["id": .string("flood-\($0 + 1)")] } }
            ?? Array(all[all.index(all.startIndex, offsetBy: start)..<all.index(all.startIndex, offsetBy: end)])
        self.offset = offset
        self.limit = limit
        switch bend {
        case .loop?:
            nextOffset = offset == 0 ? limit : offset
            fault = offset != 0 ? .pagingLoop : nil
        case .endless?:
            // A crafted cursor near the largest offset ends the listing rather than overflow.
            let (next, overflow) = offset.addingReportingOverflow(limit)
            nextOffset = overflow ? nil : next
            fault = !overflow && next >= all.count ? .endlessPaging : nil
        case nil:
            nextOffset = end < all.count ? end : nil
            fault = nil
        }
        total = all.count
    }

    /// Items in the whole list.
    let total: Int

    /// The response body, with the items under `key`; absolute URLs start with `base`.
    func body(key: String, request: APIRequest, base: String) -> RawJSON {
        let parameter = style.cursorParameter
        func absolute(_ offset: Int?) -> String {
            request.url(setting: parameter, to: offset.map(style.cursor(for:)), base: base)
        }
        func relative(_ offset: Int?) -> String {
            request.url(setting: parameter, to: offset.map(style.cursor(for:)))
        }
        let previousOffset = offset > 0 ? max(0, offset - limit) : nil
        var members: [String: RawJSON] = [key: .array(items)]
        switch style {
        case .identity, .identityTemplates:
            members["limit"] = .int(limit)
            members["offset"] = .int(offset)
            members["first"] = .string(absolute(nil))
            if let previousOffset { members["previous"] = .string(absolute(previousOffset)) }
            if let nextOffset { members["next"] = .string(absolute(nextOffset)) }
        case .offset:
            members["limit"] = .int(limit)
            members["offset"] = .int(offset)
            members["total_count"] = .int(total)
            members["first"] = ["href": .string(absolute(0))]
            members["last"] = ["href": .string(absolute(total == 0 ? 0 : (total - 1) / limit * limit))]
            if let previousOffset { members["previous"] = ["href": .string(absolute(previousOffset))] }
            if let nextOffset { members["next"] = ["href": .string(absolute(nextOffset))] }
        case .start:
            members["limit"] = .int(limit)
            members["first"] = ["href": .string(absolute(nil))]
            if let previousOffset {
                members["previous"] = ["href": .string(absolute(previousOffset)),
                                       "start": .string(style.cursor(for: previousOffset))]
            }
            if let nextOffset {
                members["next"] = ["href": .string(absolute(nextOffset)), "start": .string(style.cursor(for: nextOffset))]
            }
        case .resourceController:
            members["rows_count"] = .int(items.count)
            members["next_url"] = nextOffset.map { .string(relative($0)) } ?? .null
        case .users:
            members["total_results"] = .int(total)
            members["limit"] = .int(limit)
            members["first_url"] = .string(relative(nil))
            if let nextOffset { members["next_url"] = .string(relative(nextOffset)) }
        }
        return .object(members)
    }
}
