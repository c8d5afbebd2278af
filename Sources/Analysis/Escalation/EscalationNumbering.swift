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

    /// - Parameter expectedNodes: about how many nodes the links name, so that the table is made its size at once
    ///   rather than grown by rehashing every node.
    init(_ links: [EscalationLink], fanOuts: [[EscalationNode]], expectedNodes: Int) {
        var numbers: [EscalationNode: Int] = [:], nodes: [EscalationNode] = []
        numbers.reserveCapacity(expectedNodes)
        nodes.reserveCapacity(expectedNodes)
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
        // Links are read in place; a run of links from one node (a holder's primitives, a member's groups) looks its
        // number up once, and so does a run into one node (every identity's link into Public Access).
        var last: (node: EscalationNode, number: Int)?, lastTo: (node: EscalationNode, number: Int)?
        links.withUnsafeBufferPointer { links in
            for position in links.indices {
                let source: Int
                if let last, last.node == links[position].edge.from {
                    source = last.number
                } else {
                    source = number(links[position].edge.from)
                    last = (links[position].edge.from, source)
                }
                from.append(source)
                if let fanOut = links[position].fanOut {
                    if !numbered[fanOut] {
                        numbered[fanOut] = true
                        fanOutMembers[fanOut] = fanOuts[fanOut].map(number)
                    }
                    to.append(-1 - fanOut)
                } else if let lastTo, lastTo.node == links[position].edge.to {
                    to.append(lastTo.number)
                } else {
                    let target = number(links[position].edge.to)
                    lastTo = (links[position].edge.to, target)
                    to.append(target)
                }
                primitive.append(links[position].edge.isPrimitive)
            }
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
