import Analysis
import Snapshot

extension DiffJSON {
    /// A string's contents as JSON writes them between its quotes (`JSONPrimitives.appendStringContents`), escaped
    /// once for text that millions of grants repeat: a holder's name, a role's words, a way's. Escaping goes character
    /// by character, so the escaped parts of a sentence, one after another, are the escaped sentence.
    struct EscapedText: Sendable {
        let bytes: [UInt8]

        init(_ text: String) {
            var bytes: [UInt8] = []
            JSONPrimitives.appendStringContents(text, to: &bytes)
            self.bytes = bytes
        }
    }

    /// A role's words in its grants' sentences (`AccessChange.SentencePart`), escaped once per role.
    struct RoleWords: Sendable {
        let roleOnTarget: EscapedText
        let policyNote: EscapedText

        init(_ grant: GrantedRole) {
            roleOnTarget = EscapedText(grant.roleOnTarget)
            policyNote = EscapedText(grant.policyNote)
        }
    }

    /// A way's `path` member, written once at a grant's or an effect's level, and its `via` words escaped: what the
    /// grants and effects through one way (`HeldPath`) share.
    struct WayBytes {
        let path: JSONFragment
        let via: EscapedText
    }
}
