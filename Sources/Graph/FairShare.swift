/// A budget split between claimants by weight, none given more than it asks for (weighted max-min fairness, "water
/// filling"): every claimant is guaranteed its weighted part of the budget, and what a small claimant leaves goes to
/// the others in proportion to their weights.
///
/// The overview splits its node budget this way between the privilege tiers (so a large upper tier cannot starve
/// the ones below) and a tier's part between the kinds of holder (so a tier of hundreds of access groups still
/// names its service IDs).
enum FairShare {
    /// The part of `budget` each claimant gets: `demands[i]` at most, the sum at most `budget`. What is left below one
    /// apiece goes one each, largest part first, ties to the earlier claimant. `weights` has one positive weight per
    /// demand.
    static func split(_ budget: Int, demands: [Int], weights: [Int]) -> [Int] {
        precondition(demands.count == weights.count && weights.allSatisfy { $0 > 0 })
        var shares = Array(repeating: 0, count: demands.count)
        var left = max(0, budget)
        while left > 0 {
            let open = demands.indices.filter { shares[$0] < demands[$0] }
            guard !open.isEmpty else { break }
            let weight = open.reduce(0) { $0 + weights[$1] }
            // Each open claimant's exact part of what is left, capped at what it still asks for.
            let exact = open.map { (index: $0, part: Double(left) * Double(weights[$0]) / Double(weight)) }
            var given = 0
            for (index, part) in exact {
                let whole = min(Int(part), demands[index] - shares[index])
                shares[index] += whole
                given += whole
            }
            if given == 0 {
                // Less than one each: one apiece, largest part first.
                for entry in exact.sorted(by: { ($0.part, $1.index) > ($1.part, $0.index) }).prefix(left) {
                    shares[entry.index] += 1
                    given += 1
                }
            }
            left -= given
        }
        return shares
    }
}
