import Model
import Testing
import TestSupport

/// Names as users type them: a first name, a prefix, any case; several answers are listed, never guessed.
@Suite struct LookupTests {
    @Test func aFirstNameOrAWordPrefixFindsTheOneIdentity() throws {
        let account = try DemoSample.account()
        for query in ["Sofia", "sofia", "SOFIA ALV", "alvarez", "sofia.alvarez@acme.example.com", DemoIDs.sofia] {
            #expect(try Lookup.identity(query, in: account).iamID == DemoIDs.sofia, "\(query)")
        }
    }

    @Test func severalAnswersAreListedSortedNeverGuessed() throws {
        let account = try DemoSample.account()
        #expect {
            try Lookup.accessGroup("d", in: account)
        } throws: { error in
            guard case .ambiguous("access group", "d", let candidates) = error as? Lookup.Failure else { return false }
            return candidates == ["Data Engineers (\(DemoIDs.dataEngineers))", "Developers (\(DemoIDs.developers))"]
        }
        #expect(try Lookup.accessGroup("dev", in: account).id == DemoIDs.developers)
        #expect(try Lookup.accessGroup("ENGINEERS", in: account).id == DemoIDs.dataEngineers)
        #expect(try Lookup.instance("KEY-PROTECT", in: account).instanceID == DemoIDs.kmsInstance)
        #expect(throws: Lookup.Failure.notFound(what: "identity", query: "zzz", unknownCollection: false)) {
            try Lookup.identity("zzz", in: account)
        }
    }

    @Test func anExactNameWinsOverLongerNamesItPrefixes() throws {
        let account = try DemoSample.account()
        // "Developers" is exact; "Data Engineers" does not start with it.
        #expect(try Lookup.accessGroup("developers", in: account).id == DemoIDs.developers)
        // An exact id always wins, even when it is also a prefix of names.
        #expect(try Lookup.accessGroup(DemoIDs.admins, in: account).id == DemoIDs.admins)
    }
}
