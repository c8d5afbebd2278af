import Snapshot

/// The policy lists of Policy Management v1 and v2, indexed once when the fake cloud starts: a list request finds its
/// policies (by type, version and subject filter) without looking at the others, and a page shapes only its own items,
/// so answering costs what the page holds, not what the account holds.
///
/// What each list holds is `PolicyViews`' business (v2 items; v1 items and placeholders; subject filters); this type
/// only remembers the answers' positions.
struct PolicyListing: Sendable {
    /// The API version a list request goes to.
    enum Version: Sendable, Hashable {
        case v1, v2
    }

    /// Access policies, then authorization policies, as the files hold them.
    private let policies: [RawJSON]
    /// The lists a request can ask for without subject filters, by version and `type`, and their subject indices.
    private let lists: [ListKey: IndexedList]
    /// Position of the first v2 item with each id (`GET /v2/policies/{id}`).
    private let firstV2: [String: Int]

    /// The subject attributes a request can filter on (`iam_id=`, `access_group_id=`).
    static let subjectFilters = ["iam_id", "access_group_id"]

    private struct ListKey: Hashable {
        let version: Version
        let kinds: [CollectionKind]
    }

    /// One list: its positions in `policies`, and for each subject filter and value the positions (ascending) of the
    /// items whose subject carries that value.
    private struct IndexedList: Sendable {
        var positions: [Int] = []
        var bySubject: [String: [String: [Int]]] = [:]
    }

    init(_ snapshot: ServedSnapshot) {
        let access = snapshot.items(.accessPolicies)
        policies = access + snapshot.items(.authorizationPolicies)
        let selections: [[CollectionKind]: Range<Int>] = [
            [.accessPolicies, .authorizationPolicies]: policies.indices,
            [.accessPolicies]: 0..<access.count,
            [.authorizationPolicies]: access.count..<policies.count,
        ]
        var lists: [ListKey: IndexedList] = [:]
        for (kinds, range) in selections {
            var v1 = IndexedList()
            var v2 = IndexedList()
            for position in range {
                let policy = policies[position]
                let isV2 = PolicyViews.isV2(policy)
                v1.positions.append(position)
                if isV2 { v2.positions.append(position) }
                for name in Self.subjectFilters {
                    // A value named twice in one subject still lists the policy once.
                    var seen = Set<String>()
                    for value in PolicyViews.subjectValues(of: policy, named: name) where seen.insert(value).inserted {
                        v1.bySubject[name, default: [:]][value, default: []].append(position)
                        if isV2 { v2.bySubject[name, default: [:]][value, default: []].append(position) }
                    }
                }
            }
            lists[ListKey(version: .v1, kinds: kinds)] = v1
            lists[ListKey(version: .v2, kinds: kinds)] = v2
        }
        self.lists = lists
        var firstV2: [String: Int] = [:]
        for (position, policy) in policies.enumerated() where PolicyViews.isV2(policy) {
            if let id = policy["id"]?.stringValue, firstV2[id] == nil { firstV2[id] = position }
        }
        self.firstV2 = firstV2
    }

    /// The list a `GET /v1/policies` or `/v2/policies` request asks for (its `type` and subject filters), each item
    /// shaped for `version` (usage merged back on `format=include_last_permit`, placeholders on v1) only when read.
    func list(_ version: Version, for request: APIRequest, usage: [String: RawJSON]) throws
        -> LazyMapCollection<[Int], RawJSON> {
        let kinds = try PolicyViews.kinds(for: request)
        let list = lists[ListKey(version: version, kinds: kinds)] ?? IndexedList()
        let filtered = Self.subjectFilters.compactMap { name in
            request.query(name).map { list.bySubject[name]?[$0] ?? [] }
        }
        var positions = list.positions
        if let first = filtered.first {
            positions = first
            for other in filtered.dropFirst() {
                let wanted = Set(other)
                positions = positions.filter(wanted.contains)
            }
        }
        let policies = policies
        return positions.lazy.map { position in
            let policy = policies[position]
            switch version {
            case .v1: return PolicyViews.isV2(policy) ? PolicyViews.placeholder(for: policy)
                : PolicyViews.withUsage(policy, request: request, usage: usage)
            case .v2: return PolicyViews.withUsage(policy, request: request, usage: usage)
            }
        }
    }

    /// The first v2 item with `id`, as `GET /v2/policies/{id}` serves it.
    func v2Policy(id: String) -> RawJSON? {
        firstV2[id].map { policies[$0] }
    }
}
