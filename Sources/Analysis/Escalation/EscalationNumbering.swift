/// The escalation graph's links with their nodes numbered — in the order the links name them, a fan-out's members
/// where its first link stands — made once per graph and shared by every goal's `EscalationSearch.Edges`, which
/// numbers only the goal's own edges after them: `report` searches two goals over one graph of a million links.
struct EscalationNumbering: Sendable {
    /// Each node, by number.
    let nodes: [EscalationNode]
    /// Per node: whether it is an identity.
    let isIdentity: [Bool]
    let numbers: [EscalationNode: Int]
    /// Per link: the number of the node it leaves.
    let from: [Int]
    /// Per link: the number of the node it leads to, or for a fan-out link -1 - the fan-out's index.
    let to: [Int]
    /// Per link: whether it is a primitive (costs 1).
    let primitive: [Bool]
    /// Per fan-out: its members' numbers (none when no link names it).
    let fanOutMembers: [[Int]]

    init(_ links: [EscalationLink], fanOuts: [[EscalationNode]]) {
        var numbers: [EscalationNode: Int] = [:], nodes: [EscalationNode] = []
        func number(_ node: EscalationNode) -> Int {
            if let known = numbers[node] { return known }
            numbers[node] = nodes.count
            nodes.append(node)
            return nodes.count - 1
        }
        var from: [Int] = [], to: [Int] = [], primitive: [Bool] = []
        from.reserveCapacity(links.count)
        to.reserveCapacity(links.count)
        primitive.reserveCapacity(links.count)
        var fanOutMembers = Array(repeating: [Int](), count: fanOuts.count)
        var numbered = Array(repeating: false, count: fanOuts.count)
        for link in links {
            from.append(number(link.edge.from))
            if let fanOut = link.fanOut {
                if !numbered[fanOut] {
                    numbered[fanOut] = true
                    fanOutMembers[fanOut] = fanOuts[fanOut].map(number)
                }
                to.append(-1 - fanOut)
            } else {
                to.append(number(link.edge.to))
            }
            primitive.append(link.edge.isPrimitive)
        }
        self.nodes = nodes
        isIdentity = nodes.map(\.isIdentity)
        self.numbers = numbers
        self.from = from
        self.to = to
        self.primitive = primitive
        self.fanOutMembers = fanOutMembers
    }
}
