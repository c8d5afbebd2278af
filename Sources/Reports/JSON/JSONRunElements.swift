/// The elements of a long array written a run at a time on two threads (`OrderedRuns`), each thread with its own
/// `State` (caches it does not share): the same bytes as `JSONElements` writing them one by one.
struct JSONRunElements<State>: JSONWritable {
    /// Consecutive ranges of the elements' indices, from 0 to their count (`OrderedRuns.ranges`).
    let runs: [Range<Int>]
    /// Makes a thread's state, on that thread.
    let state: @Sendable () -> State
    /// Writes element `index` with the thread's state.
    let element: @Sendable (Int, inout State, inout JSONWriter) throws -> Void

    func write(to json: inout JSONWriter) throws {
        try json.array(runs: runs, state: state, element: element)
    }
}
