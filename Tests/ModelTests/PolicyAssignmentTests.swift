import Foundation
import Model
import Testing

/// `GET /v1/policy_assignments` answers in two formats; both decode to the same assignment.
@Suite struct PolicyAssignmentTests {
    @Test func nestedTemplateOfVersion1() throws {
        let json = #"{"id":"A-1","template":{"id":"policyTemplate-1","version":"2"},"status":"succeeded"}"#
        let assignment = try JSONDecoder().decode(PolicyAssignment.self, from: Data(json.utf8))
        #expect(assignment == PolicyAssignment(id: "A-1", templateID: "policyTemplate-1", templateVersion: "2"))
    }

    @Test func topLevelTemplateFields() throws {
        let json = #"{"id":"A-2","template_id":"policyTemplate-1","template_version":"3","status":"succeeded"}"#
        let assignment = try JSONDecoder().decode(PolicyAssignment.self, from: Data(json.utf8))
        #expect(assignment == PolicyAssignment(id: "A-2", templateID: "policyTemplate-1", templateVersion: "3"))
    }
}
