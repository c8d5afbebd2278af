extension Manifest {
    /// Whether every collection was fetched (`ok`).
    package var isComplete: Bool {
        collections.values.allSatisfy { $0.status == .ok }
    }

    /// The collections (manifest names, sorted) that `previous` holds and this manifest does not: replacing
    /// `previous` by this snapshot would lose them.
    package func collectionsLost(replacing previous: Manifest) -> [String] {
        previous.collections.filter { $0.value.status == .ok && collections[$0.key]?.status != .ok }.keys.sorted()
    }
}
