import Model

/// Readable names for what policies refer to by id, as the analyses and their reports show them.
extension AccessIndex {
    /// The short name of a role CRN: the role list's `display_name`, else the CRN's last segment.
    package func roleName(_ crn: String) -> String {
        account.rolesByCRN[crn]?.shortName ?? RoleName.fromCRN(crn)
    }

    /// The role names a policy grants, joined: "Viewer, Reader".
    package func roleNames(of policy: Policy) -> String {
        // A closure, not `map(roleName)`: the partially applied method would copy the whole index for every call.
        policy.roleIDs.map { roleName($0) }.joined(separator: ", ")
    }

    /// The target's label in the docs' words, with resource group and instance names the snapshot knows.
    package func label(of target: PolicyTarget) -> String {
        target.label(resourceGroupName: { account.resourceGroupsByID[$0]?.name },
                     instanceName: { account.instancesByGUID[$0]?.name }, homeAccount: account.accountID)
    }

    /// The name of whoever an IAM id stands for, as every report writes it: a user's, service ID's or trusted
    /// profile's display name, followed by the user's email (`Alex Kim <alex@example.com>`) or the IAM id
    /// (`deployer (iam-ServiceId-…)`) when another identity of the snapshot has the same name; else the name an access
    /// group's member list gives it.
    package func name(ofIAMID iamID: String) -> String? {
        guard let identity = account.identity(iamID: iamID) else { return memberName(ofIAMID: iamID) }
        return name(of: identity, iamID: iamID)
    }

    /// `name(ofIAMID:)` of an identity already looked up by its IAM id, `iamID`.
    func name(of identity: Identity, iamID: String) -> String {
        let name = identity.name
        // Most accounts' names are all distinct: no lowercased copy is made to find that out.
        guard !sharedNames.isEmpty, sharedNames.contains(name.lowercased()) else { return name }
        if let email = identity.email, email.lowercased() != name.lowercased() { return "\(name) <\(email)>" }
        return "\(name) (\(iamID))"
    }

    /// `name(ofIAMID:)` of an IAM id the snapshot's identity lists lack: the name an access group's member list gives it.
    func memberName(ofIAMID iamID: String) -> String? {
        groupsOfMember[iamID]?.lazy.compactMap(\.member.name).first
    }
}
