import GraphValues

/// The members of a node that stands for several identities (an access group drawn with its member count, a direct
/// path), as its tooltip lists them and the HTML explorer's search reads them: the first `shown` by name, each with
/// its email when it has one, then "and M more".
enum MemberList {
    /// Most members listed by name.
    static let shown = 20

    static func text(_ members: [Node]) -> String {
        let entries = members.map { member in
            guard let email = member.attributes["email"], email != member.label else { return member.label }
            return "\(member.label) <\(email)>"
        }.sorted()
        let listed = entries.prefix(shown).joined(separator: ", ")
        return entries.count > shown ? listed + ", and \(entries.count - shown) more" : listed
    }
}
