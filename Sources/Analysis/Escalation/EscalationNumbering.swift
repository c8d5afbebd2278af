/// The escalation graph's links with their nodes numbered — in the order the links name them, a fan-out's members
/// where its first link stands — made while the graph makes its links (a node's number is looked up where the link is
/// made, often from a cache the maker keeps per identity, holder or resource, rather than by hashing both ends of
/// every link afterwards), and shared by every goal's `EscalationSearch.Edges`, which numbers only the goal's own
/// edges after them: `report` searches two goals over one graph of a million links.
struct EscalationNumbering: Sendable {
    /// Each node, by number.
    private(set) var nodes: [EscalationNode] = []
    /// Per node: whether it is an identity.
    private(set) var isIdentity: [Bool] = []
    private(set) var numbers: [EscalationNode: Int] = [:]
    /// Per link: the number of the node it leaves.
    private(set) var from: [Int] = []
    /// Per link: the number of the node it leads to, or for a fan-out link -1 - the fan-out's index.
    private(set) var to: [Int] = []
    /// Per link: whether it is a primitive (costs 1).
    private(set) var primitive: [Bool] = []
    /// Per fan-out: its members' numbers (none when no link names it).
    private(set) var fanOutMembers: [[Int]] = []
    /// Per fan-out: whether a link has named it (and so its members are numbered).
    private var fanOutNamed: [Bool] = []

    /// - Parameter expectedNodes: about how many nodes the links name, so that the table is made its size at once
    ///   rather than grown by rehashing every node.
    init(expectedNodes: Int) {
        numbers.reserveCapacity(expectedNodes)
        nodes.reserveCapacity(expectedNodes)
        isIdentity.reserveCapacity(expectedNodes)
    }

    /// The node's number, the next one if it has none yet.
    mutating func number(_ node: EscalationNode) -> Int {
        if let known = numbers[node] { return known }
        numbers[node] = nodes.count
        nodes.append(node)
        isIdentity.append(node.isIdentity)
        return nodes.count - 1
    }

    /// The node's number through a cache its caller keeps for it (negative until known): a node a link names many
    /// times (an identity, a holder, an account resource) is hashed once.
    mutating func number(_ node: EscalationNode, cachedIn slot: inout Int) -> Int {
        if slot < 0 { slot = number(node) }
        return slot
    }

    /// Records the next link, from and to numbered nodes.
    mutating func link(from source: Int, to target: Int, primitive isPrimitive: Bool) {
        from.append(source)
        to.append(target)
        primitive.append(isPrimitive)
    }

    /// Records the next link, from a numbered node into every member of fan-out `fanOut` (of `fanOuts`' members),
    /// numbering the members if no link named the fan-out before.
    mutating func link(from source: Int, toEvery fanOut: Int, of fanOuts: [[EscalationNode]], primitive isPrimitive: Bool) {
        if fanOutNamed.count < fanOuts.count {
            fanOutNamed += Array(repeating: false, count: fanOuts.count - fanOutNamed.count)
            fanOutMembers += Array(repeating: [], count: fanOuts.count - fanOutMembers.count)
        }
        if !fanOutNamed[fanOut] {
            fanOutNamed[fanOut] = true
            fanOutMembers[fanOut] = fanOuts[fanOut].map { number($0) }
        }
        link(from: source, to: -1 - fanOut, primitive: isPrimitive)
    }

    /// Makes the fan-out table as long as `fanOuts` (fan-outs no link names have no members here).
    mutating func finish(fanOuts count: Int) {
        if fanOutMembers.count < count { fanOutMembers += Array(repeating: [], count: count - fanOutMembers.count) }
    }
}
