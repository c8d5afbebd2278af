import Analysis
import Model

extension DiffJSON {
    /// The members of every role's grants (role, policy, target: `Grant.shared`), written once for the whole diff as
    /// the bytes around each grant's own members (`JSONWriter.runs`), and each role's words in its grants' sentences
    /// (`RoleWords`), by `GrantedRole.number`: a role thousands of holders gained has its target written once. All of
    /// it is two arrays of bytes (each made on a thread of its own, neither copied into the other) and one of offsets,
    /// shared read-only by the threads that write the changes and read
    /// through pointers (`withContents(_:)`): a grant retains nothing of the table, which both threads would
    /// otherwise retain and release for each grant.
    struct GrantTable: Sendable {
        /// The nesting level of a grant: an element of `gained` or `lost` (3), in an element of `access` (2), in the
        /// document (1). Written at another, a grant is written whole.
        static let depth = 4
        /// The words every sentence uses (`Word`), then the runs and words of the first `half` roles, one after another.
        private let first: [UInt8]
        /// The runs and words of the other roles, one after another: made on another thread, and not copied after the
        /// first's.
        private let second: [UInt8]
        /// How many roles `first` holds.
        private let half: Int
        /// For each role, `Part.allCases.count + 1` offsets into `first` or `second`: where each of its parts begins,
        /// and where the last ends; -1 for a role written whole.
        private let offsets: [Int]

        /// A role's parts in `bytes`, in this order: the four runs around a grant's own members (which are
        /// `Grant.Own`'s, in its order), then its words.
        private enum Part: Int, CaseIterable {
            case beforePath, beforeText, beforeVia, afterVia, roleOnTarget, policyNote
        }

        /// The words of a sentence that are not a role's, a way's or a holder's, at the start of `bytes`.
        enum Word: String, CaseIterable {
            case space = " ", gained, lost
        }

        /// The runs and words of each of `grants`' grants, made on two threads.
        init(_ grants: [GrantedRole]) throws {
            var words: [UInt8] = []
            for word in Word.allCases { words += word.rawValue.utf8 }
            half = grants.count / 2
            let later = Concurrent { [half] in Result { try Self.parts(of: grants[half...], after: []) } }
            let first = try Self.parts(of: grants[..<half], after: words), second = try later.value.get()
            self.first = first.bytes
            self.second = second.bytes
            offsets = first.offsets + second.offsets
        }

        /// `bytes` followed by the parts of `grants`' roles one after another, and where each part begins.
        private static func parts(of grants: ArraySlice<GrantedRole>, after bytes: [UInt8]) throws -> (bytes: [UInt8], offsets: [Int]) {
            var bytes = bytes, offsets: [Int] = []
            offsets.reserveCapacity(grants.count * (Part.allCases.count + 1))
            for grant in grants {
                let (runs, order) = try JSONWriter.runs(shared: Grant.shared(grant), own: Grant.Own.keys, depth: depth)
                // The own members come in their keys' order, which is `Grant.Own`'s: a role whose runs were cut in
                // another order is written whole.
                guard order == Array(Grant.Own.all.indices) else {
                    offsets += repeatElement(-1, count: Part.allCases.count + 1)
                    continue
                }
                let words = RoleWords(grant)
                for part in runs + [words.roleOnTarget.bytes, words.policyNote.bytes] {
                    offsets.append(bytes.count)
                    bytes += part
                }
                offsets.append(bytes.count)
            }
            return (bytes, offsets)
        }

        /// Calls `body` with the table's contents, valid for the call.
        func withContents<Result>(_ body: (Contents) throws -> Result) rethrows -> Result {
            try first.withUnsafeBufferPointer { first in
                try second.withUnsafeBufferPointer { second in
                    try offsets.withUnsafeBufferPointer { offsets in
                        try body(Contents(first: first, second: second, half: half, offsets: offsets))
                    }
                }
            }
        }

        /// The table read through pointers (`withContents(_:)`).
        struct Contents {
            private let first: UnsafeBufferPointer<UInt8>
            private let second: UnsafeBufferPointer<UInt8>
            private let half: Int
            private let offsets: UnsafeBufferPointer<Int>
            /// The words of `Word`, in its order.
            let space, gained, lost: UnsafeBufferPointer<UInt8>

            fileprivate init(first: UnsafeBufferPointer<UInt8>, second: UnsafeBufferPointer<UInt8>, half: Int,
                             offsets: UnsafeBufferPointer<Int>) {
                self.first = first
                self.second = second
                self.half = half
                self.offsets = offsets
                var start = 0
                var words: [UnsafeBufferPointer<UInt8>] = []
                for word in Word.allCases {
                    let end = start + word.rawValue.utf8.count
                    words.append(UnsafeBufferPointer(rebasing: first[start..<end]))
                    start = end
                }
                (space, gained, lost) = (words[0], words[1], words[2])
            }

            /// Whether role `number` is in the table: written through its runs, not whole.
            func holds(_ number: Int) -> Bool {
                let first = number * (Part.allCases.count + 1)
                return number >= 0 && first < offsets.count && offsets[first] >= 0
            }

            /// The bytes of `part` of role `number`, which the table holds.
            private func part(_ part: Part, of number: Int) -> UnsafeBufferPointer<UInt8> {
                let start = number * (Part.allCases.count + 1) + part.rawValue
                return UnsafeBufferPointer(rebasing: (number < half ? first : second)[offsets[start]..<offsets[start + 1]])
            }

            /// Role `number`'s words in its grants' sentences.
            func words(of number: Int) -> (roleOnTarget: UnsafeBufferPointer<UInt8>, policyNote: UnsafeBufferPointer<UInt8>) {
                (part(.roleOnTarget, of: number), part(.policyNote, of: number))
            }

            /// Writes a grant of role `number`, which the table holds, through its runs, `value` writing its own
            /// members; `json` is at the table's `depth`.
            func write(role number: Int, to json: inout JSONWriter,
                       value: (Grant.Own, inout JSONWriter) throws -> Void) rethrows {
                json.append(written: part(.beforePath, of: number))
                try json.inMembers { json in
                    try value(.path, &json)
                    json.append(written: part(.beforeText, of: number))
                    try value(.text, &json)
                    json.append(written: part(.beforeVia, of: number))
                    try value(.via, &json)
                    json.append(written: part(.afterVia, of: number))
                }
            }
        }
    }
}
