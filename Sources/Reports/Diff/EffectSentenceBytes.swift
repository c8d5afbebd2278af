import Analysis

extension AccessEffect {
    /// Appends the sentence (`sentence(listing:)`) to `bytes` from its parts (`sentenceLayout(listing:_:)`), no
    /// `String` made of it: its own words and counts as they are (printable ASCII), each part from the snapshots
    /// through `text` — cleaned for a terminal, or as it is for a cell escaped whole.
    func appendSentence(listing limit: Int = 3, to bytes: inout [UInt8], text: (String, inout [UInt8]) -> Void) {
        sentenceLayout(listing: limit) { part in
            switch part {
            case .words(let words): words.withUTF8Buffer { bytes.append(contentsOf: $0) }
            case .count(let count): bytes.append(contentsOf: String(count).utf8)
            case .holderName(let index): text(holders[index].displayName, &bytes)
            case .direction: bytes.append(contentsOf: direction.rawValue.utf8)
            case .role(let index): text(roles[index], &bytes)
            case .targetLabel: text(targetLabel, &bytes)
            case .wayWords: text(way.words, &bytes)
            case .via: text(way.via, &bytes)
            case .policyPrefix: text(String(policyID.prefix(8)), &bytes)
            case .condition: text(condition ?? "", &bytes)
            }
        }
    }
}
