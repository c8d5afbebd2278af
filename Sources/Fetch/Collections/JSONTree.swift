/// A parsed JSON value (a tree of Foundation dictionaries, arrays, strings and numbers), passed between tasks.
/// `@unchecked Sendable` because `FoundationJSON` (or `JSONSerialization`) builds it once and nothing mutates it
/// afterwards.
package struct JSONTree: @unchecked Sendable {
    let value: Any

    package init(value: Any) {
        self.value = value
    }
}
