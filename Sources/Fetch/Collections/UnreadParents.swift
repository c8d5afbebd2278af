/// The parents of a per-parent collection whose own listing could not be read, for a collection that may lack them
/// (`CollectionKind.readsMissingParentsAsUnknown`): they are left out of the file and named in the manifest's remark.
struct UnreadParents {
    /// Each unread parent's id and why it could not be read, in id order.
    let failures: [(parent: String, failure: CollectionFailure)]

    init(_ failures: [(parent: String, failure: CollectionFailure)]) {
        self.failures = failures.sorted { $0.parent < $1.parent }
    }

    /// The remark naming the unread parents (the first five), or `nil` when every parent was read.
    func remark(of total: Int, parents: String) -> String? {
        guard !failures.isEmpty else { return nil }
        let named = failures.prefix(5).map { parent, failure in
            "\"\(parent.prefix(100))\" (\(failure.status.rawValue)\(failure.httpStatus > 0 ? ", HTTP \(failure.httpStatus)" : ""))"
        }.joined(separator: ", ")
        let more = failures.count > 5 ? " and \(failures.count - 5) more" : ""
        return "not read for \(failures.count) of \(total) \(parents) items, which are left out (unknown, not "
            + "empty): \(named)\(more)"
    }
}
