import Model

/// The roles one diff describes (`GrantedRole`), each once, numbered in the order they are described, their policies
/// numbered too.
struct DescribedRoles {
    /// Every role described so far, by `GrantedRole.number`.
    private(set) var all: [GrantedRole] = []
    private var policies = Numbering<GrantedRole.PolicyKey>()

    /// Role `roleID` of `policy`, named from the snapshot `index` reads, described and numbered.
    mutating func describe(roleID: String, of policy: Policy, in index: AccessIndex) -> GrantedRole {
        describe(GrantedRole.Words(roleID: roleID, of: policy, in: index))
    }

    /// The role `words` describe, numbered.
    mutating func describe(_ words: GrantedRole.Words) -> GrantedRole {
        let role = GrantedRole(words, number: all.count, policies: &policies)
        all.append(role)
        return role
    }
}
