import Foundation
import Testing
@testable import Model

@Suite struct PolicyNormalizationTests {
    func decode(_ json: String) throws -> Policy {
        try JSONDecoder().decode(RawPolicy.self, from: Data(json.utf8)).normalized
    }

    @Test func v2PolicyKeepsSubjectRolesResourceTagsRuleAndPattern() throws {
        let policy = try decode("""
        {"id":"p1","type":"access","state":"active",
         "subject":{"attributes":[{"key":"iam_id","operator":"stringEquals","value":"IBMid-1"}]},
         "control":{"grant":{"roles":[{"role_id":"crn:v1:bluemix:public:iam::::role:Viewer"}]}},
         "resource":{"attributes":[{"key":"accountId","operator":"stringEquals","value":"a1"},
                                   {"key":"serviceName","operator":"stringEqualsAnyOf","value":["kms","hs-crypto"]},
                                   {"key":"resource","operator":"stringExists","value":true}],
                     "tags":[{"key":"env","operator":"stringEquals","value":"prod"}]},
         "rule":{"operator":"and","conditions":[
            {"key":"{{environment.attributes.day_of_week}}","operator":"dayOfWeekAnyOf","value":["1+00:00","2+00:00"]},
            {"key":"{{environment.attributes.current_time}}","operator":"timeGreaterThanOrEquals","value":"09:00:00+00:00"}]},
         "pattern":"time-based-conditions:weekly:custom-hours","template":{"id":"tpl-1","version":"1"}}
        """)
        #expect(policy.origin == .v2)
        #expect(policy.subjectValue("iam_id") == "IBMid-1")
        #expect(policy.roleIDs == ["crn:v1:bluemix:public:iam::::role:Viewer"])
        #expect(policy.resourceAttribute("serviceName")?.value == .list(["kms", "hs-crypto"]))
        #expect(policy.resourceAttribute("resource")?.value == .bool(true))
        #expect(policy.resourceTags == [PolicyAttribute(key: "env", value: .string("prod"))])
        #expect(policy.rule?.conditions.count == 2)
        #expect(policy.rule?.isTimeBased == true)
        #expect(policy.pattern == "time-based-conditions:weekly:custom-hours")
        #expect(policy.templateID == "tpl-1")
        #expect(!policy.isPlaceholder)
    }

    @Test func singleConditionRuleIsOneCondition() throws {
        let policy = try decode("""
        {"id":"p1","type":"access","subject":{"attributes":[]},"control":{"grant":{"roles":[]}},"resource":{"attributes":[]},
         "rule":{"key":"{{environment.attributes.current_date}}","operator":"dateTimeLessThan","value":"2027-01-01T00:00:00+00:00"}}
        """)
        #expect(policy.rule == .condition(PolicyAttribute(key: "{{environment.attributes.current_date}}",
                                                          operator: "dateTimeLessThan", value: .string("2027-01-01T00:00:00+00:00"))))
    }

    @Test func v1PolicyIsNormalizedToTheSameShape() throws {
        let policy = try decode("""
        {"id":"p9","type":"access","subjects":[{"attributes":[{"name":"access_group_id","value":"AccessGroupId-1"}]}],
         "roles":[{"role_id":"crn:v1:bluemix:public:iam::::serviceRole:Manager","display_name":"Manager"}],
         "resources":[{"attributes":[{"name":"accountId","operator":"stringEquals","value":"a1"},
                                     {"name":"resourceGroupId","value":"rg1"},{"name":"serviceName","value":"containers-kubernetes"}],
                       "tags":[{"name":"team","value":"blue","operator":"stringEquals"}]}],
         "state":"active"}
        """)
        #expect(policy.origin == .v1)
        #expect(policy.subject == [PolicyAttribute(key: "access_group_id", operator: "stringEquals", value: .string("AccessGroupId-1"))])
        #expect(policy.roleIDs == ["crn:v1:bluemix:public:iam::::serviceRole:Manager"])
        #expect(policy.resourceAttribute("resourceGroupId")?.operator == "stringEquals")
        #expect(policy.resourceAttribute("serviceName")?.value == .string("containers-kubernetes"))
        #expect(policy.resourceTags.first?.key == "team")
        #expect(policy.rule == nil)
    }

    @Test func v1PlaceholderOfAV2PolicyIsRecognised() throws {
        let placeholder = try decode("""
        {"id":"p5","type":"access","subjects":[{"attributes":[{"name":"iam_id","value":"unsupported version"}]}],
         "roles":[{"role_id":"crn:v1:bluemix:public:iam::::role:UnsupportedVersion"}],
         "resources":[{"attributes":[]}],"href":"https://iam.cloud.ibm.com/v2/policies/p5"}
        """)
        #expect(placeholder.isPlaceholder)
    }

    @Test func authorizationKeepsItsServiceSubject() throws {
        let policy = try decode("""
        {"id":"a1","type":"authorization",
         "subject":{"attributes":[{"key":"serviceName","operator":"stringEquals","value":"cloud-object-storage"},
                                  {"key":"accountId","operator":"stringEquals","value":"a1"},
                                  {"key":"serviceInstance","operator":"stringEquals","value":"guid-1"}]},
         "control":{"grant":{"roles":[{"role_id":"crn:v1:bluemix:public:iam::::serviceRole:Reader"}]}},
         "resource":{"attributes":[{"key":"serviceName","operator":"stringEquals","value":"kms"}]}}
        """)
        #expect(policy.isAuthorization)
        #expect(policy.subjectValue("serviceName") == "cloud-object-storage")
        #expect(policy.subjectValue("serviceInstance") == "guid-1")
    }
}
