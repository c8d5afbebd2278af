/// What the two snapshots of a diff are called in its reports: a directory, or `REV:PATH` for a git revision.
public struct DiffSources: Sendable, Equatable {
    public let old: String
    public let new: String

    public init(old: String, new: String) {
        self.old = old
        self.new = new
    }
}
