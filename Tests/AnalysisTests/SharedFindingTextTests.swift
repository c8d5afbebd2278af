@testable import Analysis
import Foundation
import Model
import Testing
import TestSupport

/// What findings name is made once per report and shared (`ComputedPerKey`, `ComputedPerNumber`): a policy's grant
/// text, an identity's or a policy subject's entity. Shared values are the ones made afresh, for hostile keys, for ids
/// no identity has, and from two threads.
@Suite struct SharedFindingTextTests {
    /// Each key gets the value made from it, even keys with quotes, line breaks, escape sequences or a megabyte of
    /// text; a key asked for again is not made again.
    @Test func valuesAreMadeOncePerKey() {
        let made = Counter()
        let values = ComputedPerKey<String, String> { key in
            made.add()
            return "<" + key + ">"
        }
        let keys = ["", "\"quoted\"", "line\nbreak", "\u{1B}[31mred\u{1B}[0m", "<b>html</b>", String(repeating: "x", count: 1 << 20)]
        for key in keys + keys {
            #expect(values[key] == "<" + key + ">")
        }
        #expect(made.count == keys.count)
    }

    /// Each number gets the value made from it, whichever order numbers are first asked in (a large one before the
    /// smaller ones); a number asked for again is not made again.
    @Test func valuesAreMadeOncePerNumber() {
        let made = Counter()
        let values = ComputedPerNumber<String> { number in
            made.add()
            return "row \(number)"
        }
        let numbers: [Int32] = [7, 0, 3, 7, 1_000, 2, 0, 3, 999]
        for number in numbers {
            #expect(values[number] == "row \(number)")
        }
        #expect(made.count == Set(numbers).count)
    }

    /// Two threads asking for the same numbers at once get the same values.
    @Test func threadsShareTheNumberedValues() async {
        let values = ComputedPerNumber<String> { "row \($0)" }
        let numbers = (0..<2_000).map(Int32.init)
        async let first = numbers.map { values[$0] }
        async let second = numbers.reversed().map { values[$0] }
        let (a, b) = await (first, second)
        #expect(a == numbers.map { "row \($0)" })
        #expect(b == numbers.reversed().map { "row \($0)" })
    }

    /// Two threads asking for the same keys at once get the same values.
    @Test func threadsShareTheValues() async {
        let values = ComputedPerKey<Int32, String> { "row \($0)" }
        let keys = (0..<2_000).map(Int32.init)
        async let first = keys.map { values[$0] }
        async let second = keys.reversed().map { values[$0] }
        let (a, b) = await (first, second)
        #expect(a == keys.map { "row \($0)" })
        #expect(b == keys.reversed().map { "row \($0)" })
    }

    /// The grant text of every row, and the entity of every subject and of ids no identity has (hostile ones
    /// included), are what the index makes of them, whether asked for once or twice.
    @Test(arguments: ["demo", "enterprise"])
    func sharedTextIsTheIndexs(_ sample: String) throws {
        let index = AccessIndex(try sample == "demo" ? DemoSample.account() : EnterpriseSample.account())
        let context = FindingContext(index, options: FindingsOptions())
        let table = context.policies
        for row in table.rows.indices.map(Int32.init) {
            let expected = "\(index.roleNames(of: table.policies[Int(row)])) on \(index.label(of: table.target(of: row)))"
            #expect(context.grantText(row) == expected)
            #expect(context.grantText(row) == expected)
            #expect(context.policy(row) == FindingEntity(table.policies[Int(row)]))
            // A row's subject is its group's entity, else its IAM id's identity, as `group(_:)` and `identity(_:)`
            // name them.
            let identity = table.iamID(of: row).map(context.identity)
            #expect(context.identity(ofRow: row) == identity)
            #expect(context.subject(of: row) == (table.group(of: row).map(context.group) ?? identity))
        }
        let unknown = ["IBMid-nobody", "iam-ServiceId-missing", "iam-Profile-missing", "", "\u{1B}]0;title\u{07}\n\"x\""]
        for iamID in index.subjects + unknown {
            let name = index.name(ofIAMID: iamID)
            let expected = switch index.account.identity(iamID: iamID) {
            case .serviceID(let serviceID): FindingEntity(.serviceID, id: serviceID.id, name: name)
            case .trustedProfile(let profile): FindingEntity(.trustedProfile, id: profile.id, name: name)
            case .user: FindingEntity(.user, id: iamID, name: name)
            case nil: FindingEntity(FindingEntity.kind(of: SubjectKind(iamID: iamID, in: index.account)), id: iamID, name: name)
            }
            #expect(context.identity(iamID) == expected, "\(iamID)")
            #expect(context.identity(iamID) == expected, "\(iamID)")
        }
        for (position, iamID) in index.subjects.enumerated() {
            #expect(context.identity(ofSubject: Int32(position)) == context.identity(iamID), "\(iamID)")
        }
    }
}

/// How many times something happened, counted from any thread.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = 0

    func add() { lock.withLock { stored += 1 } }
    var count: Int { lock.withLock { stored } }
}
