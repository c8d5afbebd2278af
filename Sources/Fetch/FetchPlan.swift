import Foundation
import Snapshot

/// Which collections to fetch and in what order of dependency: independent lists first, all at once; members and
/// rules of each group and links, rules and identities of each profile as soon as their parents are known; roles
/// once the services named by policies and instances are known. Every request goes through the client's limiter, so
/// `--concurrency` bounds what is in flight whatever the plan starts.
package struct FetchPlan: Sendable {
    let client: APIClient
    let catalog: EndpointCatalog
    /// `--identity`: only that identity's groups and policies (and roles to name them).
    let identity: String?
    let statistics: FetchStatistics
    let events: @Sendable (FetchEvent) -> Void
    private let normalizer = CollectionNormalizer()

    /// Fetches every collection. Each one is normalized (sorted and serialized, the CPU-heavy part of a fetch) as soon
    /// as it arrives, overlapping the requests still in flight instead of following them all. A collection's parsed
    /// content is held only until it is normalized: what later requests need from it (parent ids, the services
    /// roles are asked for, policy template references) is taken out as it arrives (`Dependencies`).
    func run() async throws -> [CollectionOutcome<NormalizedCollection>] {
        let first = CollectionKind.startingAtOnce(identityScoped: identity != nil)
        let total = CollectionKind.fetched(identityScoped: identity != nil).count
        statistics.update { $0.collectionsTotal = total }
        var dependencies = Dependencies()
        var normalized: [CollectionOutcome<NormalizedCollection>] = []
        try await withThrowingTaskGroup(of: Step.self) { group in
            for kind in first { group.addTask { .fetched(try await fetch(kind)) } }
            for try await step in group {
                switch step {
                case .fetched(let outcome):
                    report(outcome)
                    startDependents(of: outcome, dependencies: &dependencies, in: &group)
                    group.addTask { .normalized(await normalizer.normalize(outcome)) }
                case .normalized(let outcome):
                    normalized.append(outcome)
                }
            }
        }
        return normalized
    }

    /// What the collections that wait for others need from those that arrived, gathered as they arrive.
    private struct Dependencies {
        /// The collections that arrived (read or not).
        var arrived: Set<CollectionKind> = []
        /// The `/v2/roles` queries the policies and instances that arrived call for.
        var roleQueries = RoleQueries()
        /// The policy templates the referring collections that were read name.
        var templateIDs = Set<String>()
        /// Whether any referring collection was read.
        var referringRead = false
        /// The referring collections that could not be read, by name.
        var referringUnread: [String] = []
    }

    /// Starts the collections that were waiting for `outcome`: members and rules of its groups, links, rules and
    /// identities of its profiles, roles once every collection naming services arrived, policy template versions
    /// once every collection referring to templates did.
    private func startDependents(of outcome: CollectionOutcome<JSONTree>, dependencies: inout Dependencies,
                                 in group: inout ThrowingTaskGroup<Step, any Error>) {
        let fetchedKinds = CollectionKind.fetched(identityScoped: identity != nil)
        let items = (try? outcome.result.get().value) as? [Any]
        dependencies.arrived.insert(outcome.kind)
        let children = fetchedKinds.filter { $0.parent == outcome.kind }
        let parentFailure: CollectionFailure? = if case .failure(let failure) = outcome.result { failure } else { nil }
        for kind in children {
            let parents = kind.fetchedParents(items, accountID: catalog.accountID)
            group.addTask { .fetched(try await perParent(kind, parents: parents, parent: outcome.kind, parentFailure: parentFailure)) }
        }
        if outcome.kind == .accessGroups, let identity {
            let groups = Self.ids(items)
            group.addTask { .fetched(try await identityPolicies(identity, groups: groups)) }
        }
        let rolesInputs = fetchedKinds.filter(\.namesServices)
        if outcome.kind.holdsPolicies { dependencies.roleQueries.add(policies: items ?? []) }
        if outcome.kind == .resourceInstances { dependencies.roleQueries.add(instances: items ?? []) }
        if rolesInputs.contains(outcome.kind), rolesInputs.allSatisfy(dependencies.arrived.contains) {
            let queries = dependencies.roleQueries.queries
            group.addTask { .fetched(try await roles(queries: queries)) }
        }
        let referring = PolicyTemplateReferences.sources.filter(fetchedKinds.contains)
        if referring.contains(outcome.kind) {
            switch outcome.result {
            case .success(let content):
                dependencies.referringRead = true
                dependencies.templateIDs.formUnion(PolicyTemplateReferences.ids(in: content.value as? [Any] ?? [], of: outcome.kind))
            case .failure:
                dependencies.referringUnread.append(outcome.kind.name)
            }
        }
        if fetchedKinds.contains(.policyTemplateVersions), referring.contains(outcome.kind),
           referring.allSatisfy(dependencies.arrived.contains) {
            let templates = dependencies
            group.addTask {
                .fetched(try await policyTemplateVersions(templates.templateIDs.sorted(), anyRead: templates.referringRead,
                                                          unread: templates.referringUnread.sorted()))
            }
        }
    }

    /// What a task of the plan produced.
    private enum Step: Sendable {
        /// A collection as the API gave it, which other collections' requests may depend on.
        case fetched(CollectionOutcome<JSONTree>)
        /// A collection in snapshot file form.
        case normalized(CollectionOutcome<NormalizedCollection>)
    }

    private func report(_ outcome: CollectionOutcome<JSONTree>) {
        statistics.update { $0.collectionsDone += 1 }
        switch outcome.result {
        case .success(let content):
            events(.collection(outcome.kind, status: .ok, items: Self.count(content.value, outcome.kind), message: outcome.remark))
        case .failure(let failure):
            events(.collection(outcome.kind, status: failure.status, items: 0, message: failure.message))
        }
    }

    // MARK: collections

    private func fetch(_ kind: CollectionKind) async throws -> CollectionOutcome<JSONTree> {
        var endpoint = catalog.endpoint(kind)
        if kind == .accessGroups, let identity { endpoint = endpoint.adding([URLQueryItem(name: "iam_id", value: identity)]) }
        if kind.holdsPolicies { return try await policies(kind, filters: [[]]) }
        var repeated: [String] = []
        var result = try await outcome(kind, endpoint.source(pages: 1)) { pages in
            switch kind.shape {
            case .object:
                pages = 1
                return JSONTree(value: try await client.jsonObject(endpoint))
            case .list, .perParent, .roles:
                let (items, count) = try await client.list(endpoint)
                pages = count
                let unique = RepeatedItems(items, idKey: kind.idKey)
                repeated = unique.ids
                return JSONTree(value: unique.items)
            }
        }
        result.remark = RepeatedItems.remark(repeated)
        return result
    }

    /// v2 and v1 listings of one policy type, for each filter (identity scope asks per subject), merged.
    private func policies(_ kind: CollectionKind, filters: [[URLQueryItem]]) async throws -> CollectionOutcome<JSONTree> {
        let v2 = catalog.endpoint(kind)
        var remark: String?
        var repeated: [String] = []
        var result = try await outcome(kind, v2.adding(filters.first ?? []).source(pages: 0)) { pages in
            var v2Lists: [[Any]] = [], v1Lists: [[Any]] = []
            for filter in filters {
                // The v1 listing runs alongside the v2 one; its failure only loses v1-only policies, so it is a remark.
                async let legacy = listing(catalog.v1(v2).adding(filter))
                let (items, count) = try await client.list(v2.adding(filter))
                // One listing repeating an id is a server fault; the same policy under two filters is not.
                let unique = RepeatedItems(items, idKey: kind.idKey)
                repeated += unique.ids
                v2Lists.append(unique.items)
                pages += count
                switch await legacy {
                case .success(let listing):
                    v1Lists.append(listing.items.value as? [Any] ?? [])
                    pages += listing.pages
                case .failure(let failure as CollectionFailure):
                    remark = "v1 listing failed (policies only v1 returns may be missing): \(failure.message)"
                case .failure(let error):
                    throw error
                }
            }
            return JSONTree(value: PolicyMerge.merge(v2: PolicyMerge.union(v2Lists), v1: PolicyMerge.union(v1Lists)))
        }
        let remarks = [remark, RepeatedItems.remark(repeated)].compactMap { $0 }
        result.remark = remarks.isEmpty ? nil : remarks.joined(separator: "; ")
        return result
    }

    /// A list fetched with its outcome as a value, for `async let`.
    private func listing(_ endpoint: Endpoint) async -> Result<(items: JSONTree, pages: Int), any Error> {
        do {
            let (items, pages) = try await client.list(endpoint)
            return .success((JSONTree(value: items), pages))
        } catch {
            return .failure(error)
        }
    }

    private func identityPolicies(_ iamID: String, groups: [String]) async throws -> CollectionOutcome<JSONTree> {
        let filters = [[URLQueryItem(name: "iam_id", value: iamID)]]
            + groups.map { [URLQueryItem(name: "access_group_id", value: $0)] }
        return try await policies(.accessPolicies, filters: filters)
    }

    /// A per-parent collection, or its failure when its parent collection could not be read.
    private func perParent(_ kind: CollectionKind, parents: [String], parent: CollectionKind,
                           parentFailure: CollectionFailure?) async throws -> CollectionOutcome<JSONTree> {
        if let failure = parentFailure {
            return CollectionOutcome(kind: kind, source: catalog.endpoint(kind).source(pages: 0),
                                     result: .failure(.failed(0, "not fetched: \(parent.name) is \(failure.status.rawValue)")))
        }
        return try await children(kind, of: parents)
    }

    /// The versions of every policy template in `templateIDs`, which the referring collections name. A referring
    /// collection that could not be read (`unread`) may name more: the remark says so, as the collection may then lack
    /// templates; when none could be read (`anyRead` false), the versions are unknown (failed), never an empty
    /// collection.
    private func policyTemplateVersions(_ templateIDs: [String], anyRead: Bool,
                                        unread: [String]) async throws -> CollectionOutcome<JSONTree> {
        if !anyRead, !unread.isEmpty {
            // Nothing that could name a template was read: the versions are unknown, not "none".
            return CollectionOutcome(kind: .policyTemplateVersions, source: catalog.endpoint(.policyTemplateVersions).source(pages: 0),
                                     result: .failure(.failed(0, "not fetched: \(unread.joined(separator: ", ")) could not be read")))
        }
        var result = try await children(.policyTemplateVersions, of: templateIDs)
        if !unread.isEmpty {
            let remark = "templates named by \(unread.joined(separator: ", ")) (not read) may be missing"
            result.remark = [result.remark, remark].compactMap { $0 }.joined(separator: "; ")
        }
        return result
    }

    /// A per-parent collection: one listing per parent id, all at once. A parent whose listing fails fails the whole
    /// collection, unless the collection reads a missing parent as unknown
    /// (`CollectionKind.readsMissingParentsAsUnknown`): then that parent is left out and named in the remark, and only
    /// when no parent could be read does the collection fail.
    private func children(_ kind: CollectionKind, of parents: [String]) async throws -> CollectionOutcome<JSONTree> {
        let template = catalog.endpoint(kind)
        var repeated: [String] = []
        var unread = UnreadParents([])
        var result = try await outcome(kind, template.source(pages: 0)) { pages in
            let results = try await withThrowingTaskGroup(of: Children.self) { group in
                for parent in parents {
                    group.addTask {
                        do {
                            let (items, count) = try await client.list(template.forParent(parent))
                            let unique = RepeatedItems(items, idKey: kind.idKey)
                            return Children(parent: parent, listing: .success(JSONTree(value: unique.items)),
                                            repeated: unique.ids, pages: count)
                        } catch let failure as CollectionFailure where kind.readsMissingParentsAsUnknown {
                            return Children(parent: parent, listing: .failure(failure), repeated: [], pages: 0)
                        }
                    }
                }
                var collected: [Children] = []
                for try await result in group { collected.append(result) }
                return collected.sorted { $0.parent < $1.parent }
            }
            pages = results.reduce(0) { $0 + $1.pages }
            repeated = results.flatMap(\.repeated)
            var read: [(String, Any)] = []
            var failures: [(parent: String, failure: CollectionFailure)] = []
            for child in results {
                switch child.listing {
                case .success(let items): read.append((child.parent, items.value))
                case .failure(let failure): failures.append((child.parent, failure))
                }
            }
            if read.isEmpty, let first = failures.first { throw first.failure }
            unread = UnreadParents(failures)
            // `parents` holds each id once, so no key comes twice; were one to, the first would be kept.
            return JSONTree(value: Dictionary(read, uniquingKeysWith: { first, _ in first }))
        }
        let remarks = [RepeatedItems.remark(repeated),
                       unread.remark(of: parents.count, parents: kind.parent?.name ?? "parent")].compactMap { $0 }
        result.remark = remarks.isEmpty ? nil : remarks.joined(separator: "; ")
        return result
    }

    /// One parent's items of a per-parent collection, or why they could not be read.
    private struct Children: Sendable {
        let parent: String
        let listing: Result<JSONTree, CollectionFailure>
        /// Ids the server listed more than once for this parent.
        let repeated: [String]
        let pages: Int
    }

    /// The account's roles and those of each query (`RoleQueries`: per service, per authorization pair, per
    /// service group), all requested at once and merged in a fixed order (the account's first, then the queries'
    /// order) whatever order the responses arrive in.
    private func roles(queries roleQueries: [[URLQueryItem]]) async throws -> CollectionOutcome<JSONTree> {
        let endpoint = catalog.endpoint(.roles)
        let queries = [[]] + roleQueries
        return try await outcome(.roles, endpoint.source(pages: 0)) { pages in
            let responses = try await withThrowingTaskGroup(of: (Int, JSONTree).self) { group in
                for (index, query) in queries.enumerated() {
                    group.addTask { (index, JSONTree(value: try await client.jsonObject(endpoint.adding(query)))) }
                }
                var collected: [(Int, JSONTree)] = []
                for try await response in group { collected.append(response) }
                return collected.sorted { $0.0 < $1.0 }.compactMap { index, tree -> (service: String?, body: [String: Any])? in
                    (tree.value as? [String: Any]).map { (Self.service(askedFor: queries[index]), $0) }
                }
            }
            pages = responses.count
            return JSONTree(value: RoleMerge.merge(responses))
        }
    }

    /// The service a `/v2/roles` query asked for: its `service_name` when that is its only filter (a per-service
    /// listing, whose actions RoleMerge keeps per service); `nil` for the account's, an authorization pair's or a
    /// service group's listing.
    private static func service(askedFor query: [URLQueryItem]) -> String? {
        guard query.count == 1, query[0].name == "service_name" else { return nil }
        return query[0].value
    }

    /// Runs a collection's fetch, turning a `CollectionFailure` into an unavailable outcome; other errors (e.g.
    /// authentication) stop the whole fetch.
    private func outcome(_ kind: CollectionKind, _ source: SnapshotWriter.Source,
                         _ body: (inout Int) async throws -> JSONTree) async throws -> CollectionOutcome<JSONTree> {
        var pages = 0
        var source = source
        do {
            let content = try await body(&pages)
            source.pages = pages
            return CollectionOutcome(kind: kind, source: source, result: .success(content))
        } catch let failure as CollectionFailure {
            source.pages = pages
            return CollectionOutcome(kind: kind, source: source, result: .failure(failure))
        }
    }

    /// The ids of a parent listing, each once (a listing the server repeated an id in is deduplicated already); an
    /// empty id, which no request path can name, is skipped like a missing one.
    package static func ids(_ items: [Any]?) -> [String] {
        var seen = Set<String>()
        return (items ?? []).compactMap { ($0 as? [String: Any])?["id"] as? String }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    private static func count(_ content: Any, _ kind: CollectionKind) -> Int {
        switch content {
        case let list as [Any]: list.count
        case let object as [String: Any] where kind.shape == .perParent: object.values.reduce(0) { $0 + (($1 as? [Any])?.count ?? 0) }
        case let object as [String: Any] where kind.shape == .roles: RoleArrays.keys.reduce(0) { $0 + ((object[$1] as? [Any])?.count ?? 0) }
        default: 1
        }
    }
}
