import Snapshot

/// The API keys indexed by owner once when the fake cloud starts, so that `GET /v1/apikeys` (the caller's keys, or one
/// owner's) and `GET /v1/apikeys/details` find their keys without looking at the others.
struct APIKeyListing: Sendable {
    /// The keys in file order.
    private let keys: [RawJSON]
    /// Every key's position.
    private let allPositions: [Int]
    /// For each `iam_id` (`nil`: a key without a string `iam_id`), the positions of its keys.
    private let byOwner: [String?: [Int]]

    init(_ snapshot: ServedSnapshot) {
        keys = snapshot.items(.apiKeys)
        allPositions = Array(keys.indices)
        var byOwner: [String?: [Int]] = [:]
        for (position, key) in keys.enumerated() {
            byOwner[key["iam_id"]?.stringValue, default: []].append(position)
        }
        self.byOwner = byOwner
    }

    /// The keys a `GET /v1/apikeys` request lists: every key of the account with `scope=account`, otherwise the
    /// caller's own; with `iam_id=`, only that owner's among them.
    func keys(accountScope: Bool, caller: String?, owner: String?) -> LazyMapCollection<[Int], RawJSON> {
        let positions: [Int]
        switch (accountScope, owner) {
        case (true, nil): positions = allPositions
        case (true, let owner?): positions = byOwner[owner] ?? []
        case (false, nil): positions = byOwner[caller] ?? []
        case (false, let owner?): positions = caller == owner ? byOwner[owner] ?? [] : []
        }
        let keys = keys
        return positions.lazy.map { keys[$0] }
    }

    /// The first key `iamID` owns.
    func firstKey(of iamID: String) -> RawJSON? {
        byOwner[iamID]?.first.map { keys[$0] }
    }
}
