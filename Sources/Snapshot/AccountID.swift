/// The shape of an IBM Cloud account id: 32 lowercase hexadecimal characters. An account id becomes part of request
/// paths and of the manifest, so every one that enters iamgraph (`--account`, a token's `account.bss` claim, a
/// manifest's `account_id`) is checked against it first.
package enum AccountID {
    /// The expected shape, for error messages.
    package static let shape = "32 lowercase hexadecimal characters"

    /// Whether `id` has the shape of an IBM Cloud account id.
    package static func isValid(_ id: String) -> Bool {
        id.utf8.count == 32 && id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// Why `id` is not an account id, or `nil` when it is one. The message quotes the id shortened to 64 characters,
    /// each one outside printable ASCII shown as `?`, so it is safe wherever the message is printed.
    package static func problem(_ id: String) -> String? {
        guard !isValid(id) else { return nil }
        var quoted = String(String.UnicodeScalarView(id.unicodeScalars.prefix(64).map { (0x20..<0x7F).contains($0.value) ? $0 : "?" }))
        if id.unicodeScalars.count > 64 { quoted += "…" }
        return "\"\(quoted)\" is not an IBM Cloud account id: expected \(shape)"
    }
}
