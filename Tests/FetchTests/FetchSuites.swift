import Testing

/// The fetch tests run one at a time: each starts a fake cloud and fetches from it, and many at once on two cores
/// only measure the machine's contention.
@Suite(.serialized) enum FetchSuites {}
