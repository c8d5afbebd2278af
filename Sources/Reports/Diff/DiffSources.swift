/// What the two snapshots of a diff are called in its reports: a directory, or `REV:PATH` for a git revision.
package struct DiffSources: Sendable, Equatable {
    package let old: String
    package let new: String

    package init(old: String, new: String) {
        self.old = old
        self.new = new
    }
}
