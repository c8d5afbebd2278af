import Model

/// Who an effective-access change is about: an identity, a compute resource allowed to assume a trusted profile, or
/// everyone (the Public Access group).
package struct AccessHolder: Sendable, Hashable, Comparable {
    package enum Kind: String, Sendable, Hashable, Codable {
        case user
        case serviceID = "service_id"
        case trustedProfile = "trusted_profile"
        /// A compute resource (a CRN) listed among the identities that may assume a trusted profile.
        case computeResource = "compute_resource"
        /// Everyone, unauthenticated users included: grants of the Public Access group.
        case everyone
    }

    package let kind: Kind
    /// The IAM id (a CRN for a compute resource; the Public Access group's id for everyone).
    package let iamID: String
    /// What a reviewer recognises: the identity's name as `AccessIndex.name(ofIAMID:)` writes it everywhere (the
    /// display name, with the email or IAM id when two identities share it).
    package let name: String

    package init(kind: Kind, iamID: String, name: String) {
        self.kind = kind
        self.iamID = iamID
        self.name = name
    }

    /// Everyone: the holder of the Public Access group's grants.
    package static let everyone = AccessHolder(kind: .everyone, iamID: AccessGroup.publicAccessID, name: "everyone")

    /// The holder an IAM id stands for, named from the first index that knows it (the new snapshot's, then the old
    /// one's, so that a removed identity keeps its name).
    init(iamID: String, in indexes: [AccessIndex]) {
        self.iamID = iamID
        if iamID.hasPrefix("crn:") {
            kind = .computeResource
        } else {
            let account = (indexes.first { $0.account.identity(iamID: iamID) != nil } ?? indexes[0]).account
            kind = switch SubjectKind(iamID: iamID, in: account) {
            case .user: .user
            case .serviceID: .serviceID
            case .trustedProfile: .trustedProfile
            }
        }
        let knowing = indexes.first { $0.account.identity(iamID: iamID) != nil }
        name = knowing?.name(ofIAMID: iamID) ?? indexes.lazy.compactMap { $0.name(ofIAMID: iamID) }.first ?? iamID
    }

    /// "Alice Lee", "service ID ci-deployer", "trusted profile ops", "everyone (Public Access)".
    package var displayName: String {
        switch kind {
        case .user: name
        case .serviceID: "service ID \(name)"
        case .trustedProfile: "trusted profile \(name)"
        case .computeResource: "compute resource \(name)"
        case .everyone: "everyone (Public Access)"
        }
    }

    /// Everyone first, then by name and IAM id.
    package static func < (a: AccessHolder, b: AccessHolder) -> Bool { a.sortKey < b.sortKey }

    /// What `<` compares, for sorting many holders with each key made once: everyone first, the name lowercased,
    /// the IAM id.
    var sortKey: (Int, String, String) { (kind == .everyone ? 0 : 1, name.lowercased(), iamID) }
}

/// One role on one target that a holder gained or lost, with the path by which it holds (or held) it. What the
/// changes of one role share is described once (`grant`), so a change is a few words of memory however many holders
/// gain or lose the same role.
package struct AccessChange: Sendable, Hashable {
    package enum Direction: String, Sendable, Hashable, Codable {
        case gained, lost
    }

    /// What made the change: the policy (its source grants something else) or the holder's way to the policy (a
    /// membership or trusted-profile identity that appeared or disappeared).
    enum Origin: Sendable, Hashable {
        case policy
        case path
    }

    package let direction: Direction
    /// The role, its policy and target, shared by every change of it.
    package let grant: GrantedRole
    /// The holder's way to the policy, shared by every change of the holder through it.
    package let way: HeldPath
    /// What made the change.
    let origin: Origin

    package var roleID: String { grant.roleID }
    /// The role's short name, e.g. `Administrator`.
    package var role: String { grant.role }
    package var policyID: String { grant.policyID }
    package var target: PolicyTarget { grant.target }
    /// The target in the docs' words, with the snapshot's resource group and instance names.
    package var targetLabel: String { grant.targetLabel }
    /// The policy's conditions (time-based or other rule) in words (`ConditionText`), if any.
    package var condition: String? { grant.condition }
    /// Whether the role is privileged on the target (`PrivilegedRoles`).
    package var isPrivileged: Bool { grant.isPrivileged }
    /// The holder's way to the policy; empty for a policy assigned to the holder itself.
    package var path: [AccessStep] { way.steps }

    /// `grant` gained or lost through `way`, made by `origin`.
    init(_ direction: Direction, _ grant: GrantedRole, through way: HeldPath, by origin: Origin) {
        self.direction = direction
        self.grant = grant
        self.way = way
        self.origin = origin
    }

    /// "via access group Ops (dynamic, rule data-eng)", or "directly".
    package var via: String { way.via }

    /// The sentence a reviewer reads: "Alice Lee gained Administrator on kms in resource group prod via
    /// access group Ops (policy 1c2f3a4b)".
    package func sentence(for holder: AccessHolder) -> String {
        sentence(for: holder, named: holder.displayName)
    }

    /// `sentence(for:)`, with the holder's `displayName` made once for all its changes.
    package func sentence(for holder: AccessHolder, named name: String) -> String {
        var length = 0
        sentenceParts(for: holder, named: name) { length += $0.utf8.count }
        var text = ""
        text.reserveCapacity(length)
        sentenceParts(for: holder, named: name) { text += $0 }
        return text
    }

    /// Calls `part` with the parts of `sentence(for:named:)` in order, which the sentence is the parts joined: for a
    /// writer of millions of changes that writes them without joining them.
    package func sentenceParts(for holder: AccessHolder, named name: String, _ part: (String) throws -> Void) rethrows {
        try sentenceLayout(for: holder) { kind in
            switch kind {
            case .holderName: try part(name)
            case .space: try part(" ")
            case .direction: try part(direction.rawValue)
            case .roleOnTarget: try part(grant.roleOnTarget)
            case .via: try part(way.via)
            case .policyNote: try part(grant.policyNote)
            }
        }
    }

    /// What the sentence's parts are, in order (`sentenceParts(for:named:)`): for a writer that keeps each part's
    /// text made once — the holder's name per holder, the role's words per role, the way's per way.
    package func sentenceLayout(for holder: AccessHolder, _ part: (SentencePart) throws -> Void) rethrows {
        try part(.holderName)
        try part(.space)
        try part(.direction)
        try part(.space)
        try part(.roleOnTarget)
        if holder.kind != .everyone && !way.via.isEmpty {
            try part(.space)
            try part(.via)
        }
        try part(.policyNote)
    }

    /// A part of a change's sentence (`sentenceLayout(for:_:)`).
    package enum SentencePart: Sendable {
        /// The holder's `displayName`.
        case holderName
        /// One space.
        case space
        /// `gained` or `lost`.
        case direction
        /// `GrantedRole.roleOnTarget`.
        case roleOnTarget
        /// `HeldPath.via`.
        case via
        /// `GrantedRole.policyNote`.
        case policyNote
    }
}

/// What one holder gained and lost.
package struct IdentityAccessChanges: Sendable, Hashable {
    package let holder: AccessHolder
    package let gained: [AccessChange]
    package let lost: [AccessChange]

    package init(holder: AccessHolder, gained: [AccessChange], lost: [AccessChange]) {
        self.holder = holder
        self.gained = gained
        self.lost = lost
    }

    /// How many changes: the lost and the gained.
    var count: Int { lost.count + gained.count }

    /// The change at `position` of `lost + gained`, without joining them.
    func change(at position: Int) -> AccessChange {
        position < lost.count ? lost[position] : gained[position - lost.count]
    }
}
