import Foundation
import Testing
@testable import Model

@Suite struct PolicyTargetTests {
    static func attr(_ key: String, _ value: String, _ op: String = "stringEquals") -> PolicyAttribute {
        PolicyAttribute(key: key, operator: op, value: .string(value))
    }

    static let account = attr("accountId", "acct")

    static func target(_ attributes: PolicyAttribute..., tags: [PolicyAttribute] = []) -> PolicyTarget {
        PolicyTarget(resource: [account] + attributes, tags: tags)
    }

    @Test func classifiesEveryPolicyTypeOfTheDocs() {
        #expect(Self.target().scope == .everything)
        #expect(Self.target(Self.attr("serviceType", "service")).scope == .allIAMEnabledServices)
        #expect(Self.target(Self.attr("serviceType", "platform_service")).scope == .allAccountManagement)
        #expect(Self.target(Self.attr("service_group_id", "IAM")).scope == .allIAMAccountManagement)
        #expect(Self.target(Self.attr("serviceName", "iam-groups")).scope == .accountManagementService("iam-groups"))
        #expect(Self.target(Self.attr("resourceGroupId", "rg1")).scope == .resourceGroupResources("rg1"))
        #expect(Self.target(Self.attr("serviceType", "service"), Self.attr("resourceGroupId", "rg1")).scope
                == .resourceGroupResources("rg1"))
        #expect(Self.target(Self.attr("resourceType", "resource-group"), Self.attr("resource", "rg1")).scope
                == .resourceGroupItself("rg1"))
        #expect(Self.target(Self.attr("serviceName", "kms"), Self.attr("resourceGroupId", "rg1")).scope
                == .serviceInResourceGroup(service: "kms", resourceGroup: "rg1"))
        #expect(Self.target(Self.attr("serviceName", "kms")).scope == .serviceInAccount("kms"))
        #expect(Self.target(Self.attr("serviceName", "kms"), Self.attr("serviceInstance", "g1")).scope
                == .instance(service: "kms", guid: "g1"))
        #expect(Self.target(Self.attr("serviceName", "cloud-object-storage"), Self.attr("serviceInstance", "g1"),
                            Self.attr("resourceType", "bucket"), Self.attr("resource", "logs")).scope
                == .subResource(service: "cloud-object-storage", instance: "g1", resourceType: "bucket", resource: "logs"))
    }

    @Test func labelsUseTheDocsWordsAndShowQualifiers() {
        let names = ["rg1": "prod"]
        let label = { (t: PolicyTarget) in t.label(resourceGroupName: { names[$0] }, instanceName: { _ in nil }) }
        #expect(label(Self.target(Self.attr("serviceType", "service"))) == "All IAM-enabled services (all resources in the account)")
        #expect(label(Self.target(Self.attr("resourceGroupId", "rg1"))) == "All resources in resource group prod")
        #expect(label(Self.target(Self.attr("serviceName", "kms"), Self.attr("region", "us-south"))) == "kms across the account (region us-south)")
        #expect(label(Self.target(Self.attr("serviceName", "kms"), Self.attr("resourceGroupId", "rg1"),
                                  tags: [Self.attr("env", "prod")])) == "kms in resource group prod (tag:env prod)")
        #expect(label(Self.target(Self.attr("serviceType", "platform_service"))) == "All account management services")
    }

    @Test func labelsSayWhatTheirOperatorsMean() {
        let names = ["rg1": "prod", "rg2": "dev"]
        let label = { (t: PolicyTarget) in t.label(resourceGroupName: { names[$0] }, homeAccount: "acct") }
        #expect(label(Self.target(PolicyAttribute(key: "resourceGroupId", operator: "stringExists", value: .bool(true))))
                == "All resources in any resource group")
        #expect(label(Self.target(Self.attr("resourceGroupId", "true", "stringExists"))) == "All resources in any resource group")
        #expect(label(Self.target(PolicyAttribute(key: "resourceGroupId", operator: "stringExists", value: .bool(false))))
                == "All resources in no resource group")
        #expect(label(Self.target(PolicyAttribute(key: "resourceGroupId", operator: "stringEqualsAnyOf", value: .list(["rg1", "rg2"]))))
                == "All resources in any of resource groups prod, dev")
        #expect(label(Self.target(Self.attr("serviceName", "kms*", "stringMatch"))) == "services matching kms* across the account")
        #expect(label(Self.target(PolicyAttribute(key: "serviceName", operator: "stringMatchAnyOf", value: .list(["kms*", "cos"])),
                                  Self.attr("resourceGroupId", "rg1")))
                == "services matching any of kms*, cos in resource group prod")
        #expect(label(Self.target(Self.attr("serviceName", "kms"), Self.attr("region", "us-*", "stringMatch")))
                == "kms across the account (region matching us-*)")
        #expect(label(Self.target(Self.attr("resourceType", "resource-group"), Self.attr("resource", "*", "stringMatch")))
                == "Resource groups matching * itself")
        // A policy on another account's id says so; on this one, nothing is added.
        let foreign = PolicyTarget(resource: [Self.attr("accountId", "other"), Self.attr("serviceName", "kms")])
        #expect(label(foreign) == "kms across the account (in account other, not this account)")
        #expect(foreign.isForeign(to: "acct"))
        #expect(!Self.target(Self.attr("serviceName", "kms")).isForeign(to: "acct"))
        #expect(label(Self.target(Self.attr("serviceName", "kms"))) == "kms across the account")
    }

    static func instance(service: String = "kms", region: String = "us-south", group: String = "rg1", guid: String = "g1") throws -> ResourceInstance {
        let crn = "crn:v1:bluemix:public:\(service):\(region):a/acct:\(guid)::"
        return try JSONDecoder().decode(ResourceInstance.self, from: Data("""
            {"id":"\(crn)","crn":"\(crn)","guid":"\(guid)","name":"n","resource_group_id":"\(group)","region_id":"\(region)"}
            """.utf8))
    }

    @Test func matchingHonoursEveryOperator() throws {
        let kms = try Self.instance()
        #expect(Self.target(Self.attr("serviceName", "kms")).match(kms) == .full)
        #expect(Self.target(Self.attr("serviceName", "cos")).match(kms) == .none)
        #expect(Self.target(Self.attr("serviceName", "k?s", "stringMatch")).match(kms) == .full)
        #expect(Self.target(Self.attr("serviceName", "k*", "stringMatch")).match(kms) == .full)
        #expect(Self.target(Self.attr("serviceName", "x*", "stringMatch")).match(kms) == .none)
        #expect(PolicyTarget(resource: [PolicyAttribute(key: "serviceName", operator: "stringEqualsAnyOf",
                                                        value: .list(["cos", "kms"]))]).match(kms) == .full)
        #expect(PolicyTarget(resource: [PolicyAttribute(key: "serviceName", operator: "stringMatchAnyOf",
                                                        value: .list(["cos*", "km?"]))]).match(kms) == .full)
        #expect(PolicyTarget(resource: [PolicyAttribute(key: "serviceInstance", operator: "stringExists",
                                                        value: .bool(true))]).match(kms) == .full)
        #expect(PolicyTarget(resource: [PolicyAttribute(key: "serviceInstance", operator: "stringExists",
                                                        value: .bool(false))]).match(kms) == .none)
    }

    @Test func matchingUsesTheCRNsServiceRegionAccountAndGUID() throws {
        let kms = try Self.instance()
        #expect(Self.target(Self.attr("region", "us-south")).match(kms) == .full)
        #expect(Self.target(Self.attr("region", "eu-de")).match(kms) == .none)
        #expect(Self.target(Self.attr("serviceInstance", "g1")).match(kms) == .full)
        #expect(Self.target(Self.attr("serviceInstance", "g2")).match(kms) == .none)
        #expect(PolicyTarget(resource: [Self.attr("accountId", "other")]).match(kms) == .none)
    }

    @Test func serviceTypeAndResourceGroupWildcard() throws {
        let kms = try Self.instance()
        #expect(Self.target(Self.attr("serviceType", "service")).match(kms) == .full)
        #expect(Self.target(Self.attr("serviceType", "platform_service")).match(kms) == .none)
        #expect(Self.target(Self.attr("resourceGroupId", "*")).match(kms) == .full)
        #expect(Self.target(Self.attr("serviceName", "kms"), Self.attr("resourceGroupId", "*")).match(kms) == .full)
        #expect(Self.target(Self.attr("resourceGroupId", "rg2")).match(kms) == .none)
        #expect(Self.target(Self.attr("service_group_id", "IAM")).match(kms) == .none)
        #expect(Self.target().match(kms) == .full)
    }

    @Test func subResourcesAndTagsArePartial() throws {
        let kms = try Self.instance()
        #expect(Self.target(Self.attr("serviceInstance", "g1"), Self.attr("resourceType", "key")).match(kms) == .partial)
        #expect(Self.target(Self.attr("serviceName", "kms"), tags: [Self.attr("env", "prod")]).match(kms) == .partial)
        #expect(Self.target(Self.attr("resourceType", "resource-group"), Self.attr("resource", "rg1")).match(kms) == .none)
    }

    @Test func wildcardsAreDetectedOnlyForStringMatch() {
        #expect(Self.target(Self.attr("resource", "dev-*", "stringMatch")).usesWildcards)
        #expect(!Self.target(Self.attr("resource", "dev-*")).usesWildcards)
    }

    @Test(arguments: [("a*c", "abbbc", true), ("a*c", "ac", true), ("a?c", "abc", true), ("a?c", "ac", false),
                      ("*", "", true), ("a*", "b", false), ("*b*", "abc", true), ("a*b*c", "axbyc", true)])
    func globSemantics(pattern: String, text: String, expected: Bool) {
        #expect(Glob.matches(pattern, text) == expected)
    }
}
