extension AccessEffect {
    /// A part of an effect's sentence (`sentenceLayout(listing:_:)`).
    package enum SentencePart: Sendable {
        /// Words of the sentence's own, printable ASCII that no writer escapes or cleans: " members of ", " on ",
        /// " (policy ", …
        case words(StaticString)
        /// A count in decimal: of the holders, or of those not listed.
        case count(Int)
        /// The name of the holder at this index of `holders`.
        case holderName(Int)
        /// `direction`'s raw value, "gained" or "lost".
        case direction
        /// The role at this index of `roles`.
        case role(Int)
        /// `targetLabel`.
        case targetLabel
        /// `way.words`: "access group Ops".
        case wayWords
        /// `way.via`: "via access group Ops", or "directly".
        case via
        /// The first 8 characters of `policyID`.
        case policyPrefix
        /// `condition`, which the layout names only when there is one.
        case condition
    }

    /// What the parts of `sentence(name:listing:)` are, in order, which the sentence is the parts joined (each
    /// holder's name as `name` gives it): for a writer of hundreds of thousands of effects that writes each part as it
    /// is, escaped or cleaned alone, without joining a `String` of the sentence.
    package func sentenceLayout(listing limit: Int = 3, _ part: (SentencePart) throws -> Void) rethrows {
        let via: Bool
        if holders.count == 1, let holder = holders.first {
            try part(.holderName(0))
            via = holder.kind != .everyone
        } else if path.count == 1, case .accessGroup = path[0] {
            try part(.count(holders.count))
            try part(.words(" members of "))
            try part(.wayWords)
            via = false
        } else {
            try part(.count(holders.count))
            try part(.words(" holders"))
            via = true
        }
        try part(.words(" "))
        try part(.direction)
        try part(.words(" "))
        for index in roles.indices {
            if index > 0 { try part(.words(" + ")) }
            try part(.role(index))
        }
        try part(.words(" on "))
        try part(.targetLabel)
        if via {
            try part(.words(" "))
            try part(.via)
        }
        try part(.words(" (policy "))
        try part(.policyPrefix)
        try part(.words(")"))
        if condition != nil {
            try part(.words(", only when "))
            try part(.condition)
        }
        guard holders.count > 1, limit > 0 else { return }
        try part(.words(": "))
        for index in holders.indices.prefix(limit) {
            if index > 0 { try part(.words(", ")) }
            try part(.holderName(index))
        }
        if holders.count > limit {
            try part(.words(" and "))
            try part(.count(holders.count - limit))
            try part(.words(" more"))
        }
    }
}
