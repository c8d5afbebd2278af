import GraphValues

/// The members of a node that stands for several identities or groups (an access group drawn with its member count,
/// a tier's holders grouped by target), as its tooltip lists them and the HTML explorer's search reads them: the
/// first `shown` by name, each with its email when it has one, then "and M more".
enum MemberList {
    /// Most members an access group's node lists by name.
    static let shown = 20
    /// Most holders a grouped node lists: all of a large account's (synthetic XL's largest tier has a few thousand),
    /// so that the explorer's search finds each; a bound all the same, whatever the snapshot holds.
    static let everyHolder = 10_000

    static func text(_ members: [Node], shown: Int = shown) -> String {
        let entries = members.map { member in
            guard let email = member.attributes["email"], email != member.label else { return member.label }
            return "\(member.label) <\(email)>"
        }.sorted()
        let listed = entries.prefix(shown).joined(separator: ", ")
        return entries.count > shown ? listed + ", and \(entries.count - shown) more" : listed
    }
}
