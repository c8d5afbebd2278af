@testable import Analysis
import Foundation
import Model
@testable import Reports
import Testing
import TestSupport

/// Context-based restrictions on grants (issue 15 item 7): which CBR rules restrict what a grant reaches, and how
/// the identity tables say so. The demo has an enforced rule on the instance key-protect-prod (zones office-network
/// and ci-runners) and a report-only rule on every secrets-manager instance (zone office-network).
@Suite struct NetworkRestrictionTests {
    static let kmsRule = "c3e5a7b9d1f2a4b6c8d0e2f4a6b8c0d2"
    static let secretsRule = "d4f6b8c0e2a3b5c7d9e1f3a5b7c9d1e3"
    static let sandbox = "d3bf2872e24571e5480ee69f0ccdcbbc"

    /// The rules on a target of `attributes` (`key=value`, `stringEquals`): rule id, mode, partial.
    func rules(_ attributes: [String: String]) throws -> [String] {
        let target = PolicyTarget(resource: attributes.map { PolicyAttribute(key: $0.key, value: .string($0.value)) })
        return try DemoAccount.index.networkRestrictions.restricting(target).map {
            "\($0.rule.id.prefix(4)) \($0.rule.enforcementMode.rawValue)\($0.partial ? " partial" : "")\($0.restrictsAll ? " restricts" : "")"
        }
    }

    @Test func aRuleRestrictsAllOrPartOfWhatAGrantReaches() throws {
        // The instance the enforced rule names, or a resource inside it: all of it.
        #expect(try rules(["serviceInstance": DemoIDs.kmsInstance]) == ["c3e5 enabled restricts"])
        #expect(try rules(["serviceName": "kms", "serviceInstance": DemoIDs.kmsInstance, "resourceType": "key"])
                == ["c3e5 enabled restricts"])
        // Every kms instance, the prod resource group, every IAM-enabled service, the account: part of it.
        #expect(try rules(["serviceName": "kms"]) == ["c3e5 enabled partial"])
        #expect(try rules(["resourceGroupId": DemoIDs.prodResourceGroup]) == ["c3e5 enabled partial", "d4f6 report partial"])
        #expect(try rules(["serviceType": "service"]) == ["c3e5 enabled partial", "d4f6 report partial"])
        #expect(try rules([:]) == ["c3e5 enabled partial", "d4f6 report partial"])
        // The service the report-only rule names: all of it, but not enforced.
        #expect(try rules(["serviceName": "secrets-manager"]) == ["d4f6 report"])
    }

    /// A grant on a service in one resource group is compared with the rules of that resource group or of that
    /// service, whichever are fewer — not with every rule of the service once per resource group, which made the map
    /// of a large account (thousands of rules on single instances) quadratic.
    @Test func aGrantIsComparedOnlyWithTheFewestRulesItsTargetCanMeet() throws {
        var instances: [ResourceInstance] = [], rules: [CBRRule] = []
        for group in 0..<20 {
            for number in 0..<5 {
                let guid = "guid-\(group)-\(number)"
                instances.append(try Fixture.instance("kms \(group) \(number)", group: "rg\(group)", guid: guid))
                rules.append(try Fixture.decode(["id": "rule-\(group)-\(number)", "resources": [["attributes": [
                    ["name": "accountId", "value": Fixture.accountID], ["name": "serviceName", "value": "kms"],
                    ["name": "serviceInstance", "value": guid]]]]]))
            }
        }
        let account = IAMAccount(accountID: Fixture.accountID, fetchedAt: Timestamp(Fixture.fetchedAt), scope: .account,
                                 resourceInstances: instances, cbrRules: rules)
        let restrictions = NetworkRestrictions(account)
        let serviceInGroup = PolicyTarget(resource: [Fixture.attr("serviceName", "kms"), Fixture.attr("resourceGroupId", "rg3")])
        #expect(restrictions.candidateCount(serviceInGroup) == 5)
        #expect(restrictions.restricting(serviceInGroup).map(\.rule.id) == (0..<5).map { "rule-3-\($0)" })
        #expect(restrictions.restricting(serviceInGroup).allSatisfy { $0.partial })
        // The whole service still meets every rule; an instance only its own.
        #expect(restrictions.restricting(PolicyTarget(resource: [Fixture.attr("serviceName", "kms")])).count == 100)
        let instance = PolicyTarget(resource: [Fixture.attr("serviceName", "kms"), Fixture.attr("serviceInstance", "guid-7-2")])
        #expect(restrictions.candidateCount(instance) == 1)
        #expect(restrictions.restricting(instance).map(\.rule.id) == ["rule-7-2"])
    }

    @Test func aRuleDoesNotTouchWhatItCannotReach() throws {
        // Another kms instance, kms in another region, a resource group without the rule's instances (sandbox holds
        // no kms and no secrets-manager instance), account management.
        #expect(try rules(["serviceInstance": DemoIDs.cosInstance]).isEmpty)
        #expect(try rules(["serviceName": "kms", "region": "eu-de"]).isEmpty)
        #expect(try rules(["resourceGroupId": Self.sandbox]).isEmpty)
        #expect(try rules(["serviceType": "platform_service"]).isEmpty)
        #expect(try rules(["serviceName": "iam-groups"]).isEmpty)
        #expect(try rules(["resourceType": "resource-group", "resource": DemoIDs.prodResourceGroup]).isEmpty)
    }

    @Test func anInstanceIsProtectedByTheRulesNamingIt() throws {
        let restrictions = try DemoAccount.index.networkRestrictions
        let kms = try restrictions.protecting(DemoAccount.instance(DemoIDs.kmsInstance))
        #expect(kms.map(\.rule.id) == [Self.kmsRule])
        #expect(kms.first?.zones.map { $0.name ?? $0.id } == ["office-network", "ci-runners"])
        #expect(try restrictions.protecting(DemoAccount.instance(DemoIDs.cosInstance)).isEmpty)
    }

    @Test func identityTablesSayWhichGrantsAreNetworkRestricted() throws {
        // Sofia reaches key-protect-prod through Data Engineers.
        let report = try IdentityAccessReport(identity: DemoIDs.sofia, in: try DemoAccount.index)
        let text = String(decoding: try report.data(.text), as: UTF8.self)
        #expect(text.contains("note: Network: context-based-restrictions (CBR) rules on the grant's target"))
        let header = try #require(text.split(separator: "\n").first { $0.hasPrefix("ROLES ") })
        #expect(header.hasSuffix("NETWORK"))
        let kmsRow = try #require(text.split(separator: "\n").first { $0.hasPrefix("Reader ") && $0.contains("key-protect-prod") })
        #expect(kmsRow.hasSuffix("restricted to office-network, ci-runners (CBR rule c3e5a7b9)"))

        let markdown = String(decoding: try report.data(.markdown), as: UTF8.self)
        #expect(markdown.contains("| Network |"))
        #expect(markdown.contains("restricted to office-network, ci-runners (CBR rule c3e5a7b9) |"))

        let csv = CSVRecords(try report.data(.csv))
        let kms = csv.rows.filter { $0["instance_id"] == DemoIDs.kmsInstance }
        #expect(!kms.isEmpty)
        #expect(kms.allSatisfy { $0["network"] == "restricted to office-network, ci-runners (CBR rule c3e5a7b9)" })
        #expect(csv.rows.contains { $0["network"] == "" })

        let json = try JSONSerialization.jsonObject(with: report.data(.json)) as! [String: Any]
        let grants = json["grants"] as! [[String: Any]]
        let restricted = try #require(grants.first { (($0["target"] as! [String: Any])["key"] as! String).contains(DemoIDs.kmsInstance) })
        let rules = try #require(restricted["network_restrictions"] as? [[String: Any]])
        #expect(rules.count == 1)
        #expect(rules.first?["rule_id"] as? String == Self.kmsRule)
        #expect(rules.first?["enforcement_mode"] as? String == "enabled")
        #expect(rules.first?["partial"] as? Bool == false)
        #expect((rules.first?["zones"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["office-network", "ci-runners"])
        // Every grant lists its rules, none for a target no rule touches.
        #expect(grants.allSatisfy { $0["network_restrictions"] is [Any] })
        #expect(grants.contains { ($0["network_restrictions"] as? [Any])?.isEmpty == true })
    }

    @Test func reportOnlyAndPartialRulesAreNamedAsSuch() throws {
        // The owner holds Administrator on all IAM-enabled services: both rules protect part of that.
        let report = try IdentityAccessReport(identity: DemoIDs.owner, in: try DemoAccount.index)
        let csv = CSVRecords(try report.data(.csv))
        let everything = try #require(csv.rows.first { $0["scope"] == "all_iam_enabled_services" })
        #expect(everything["network"] == "partly restricted to office-network, ci-runners (CBR rule c3e5a7b9); "
                + "report-only, on part, for office-network (CBR rule d4f6b8c0)")
    }

    @Test func anIdentityWithoutRestrictedGrantsHasNoNetworkColumn() throws {
        // Jordan reaches nothing a CBR rule protects.
        let report = try IdentityAccessReport(identity: DemoIDs.jordan, in: try DemoAccount.index)
        let text = String(decoding: try report.data(.text), as: UTF8.self)
        #expect(!text.contains("NETWORK") && !text.contains("note: Network"))
        #expect(CSVRecords(try report.data(.csv)).header.last == "network")
    }

    @Test func aLongListOfRulesIsCutShortInTables() throws {
        let restriction = try #require(try DemoAccount.index.networkRestrictions.restricting(PolicyTarget(resource: [])).first)
        let cell = NetworkText.cell(Array(repeating: restriction, count: 5))
        #expect(cell.hasSuffix("; + 2 more rules"))
        #expect(cell.components(separatedBy: "CBR rule").count == 4)
    }
}
