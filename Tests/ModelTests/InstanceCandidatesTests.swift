import Foundation
import Testing
@testable import Model

/// `InstanceCandidates`: the candidates are a superset of the instances a target matches, and `hasPositions(for:)`
/// says exactly whether `positions(for:)` is empty.
@Suite struct InstanceCandidatesTests {
    static func attr(_ key: String, _ value: String, _ op: String = "stringEquals") -> PolicyAttribute {
        PolicyAttribute(key: key, operator: op, value: .string(value))
    }

    static func instance(_ guid: String, service: String, group: String) throws -> ResourceInstance {
        let crn = "crn:v1:bluemix:public:\(service):us-south:a/acct:\(guid)::"
        let json = #"{"id": "\#(crn)", "guid": "\#(guid)", "crn": "\#(crn)", "resource_group_id": "\#(group)"}"#
        return try JSONDecoder().decode(ResourceInstance.self, from: Data(json.utf8))
    }

    static let targets: [[PolicyAttribute]] = [
        [],
        [attr("serviceName", "kms")],
        [attr("serviceName", "containers-kubernetes")],
        [attr("serviceName", "codeengine"), attr("resourceGroupId", "rg1")],
        [attr("serviceName", "kms"), attr("resourceGroupId", "rg2")],
        [attr("serviceName", "kms"), attr("resourceGroupId", "rg-none")],
        [attr("resourceGroupId", "rg1")],
        [attr("resourceGroupId", "rg-none")],
        [attr("serviceName", "kms"), attr("serviceInstance", "g1")],
        [attr("serviceName", "kms"), attr("serviceInstance", "g-none")],
        [attr("serviceInstance", "g*", "stringMatch")],
        [attr("serviceName", "k*", "stringMatch")],
        [attr("serviceName", "nothing*")],
        [attr("serviceName", "kms", "stringMatch"), attr("serviceName", "absent")],
        [attr("serviceName", "absent"), attr("serviceName", "kms", "stringMatch")],
        [attr("resourceGroupId", "rg1", "stringExists"), attr("serviceName", "kms")],
        [PolicyAttribute(key: "serviceName", operator: "stringEqualsAnyOf", value: .list(["kms", "absent"]))],
    ]

    @Test(arguments: [false, true])
    func hasPositionsSaysWhetherThereAreAny(noInstances: Bool) throws {
        let instances = noInstances ? [] : [
            try Self.instance("g1", service: "kms", group: "rg1"),
            try Self.instance("g2", service: "kms", group: "rg2"),
            try Self.instance("g3", service: "containers-kubernetes", group: "rg1"),
            try Self.instance("g4", service: "codeengine", group: "rg2"),
        ]
        let candidates = InstanceCandidates(instances)
        for attributes in Self.targets {
            let target = PolicyTarget(resource: [Self.attr("accountId", "acct")] + attributes)
            let positions = candidates.positions(for: target)
            #expect(candidates.hasPositions(for: target) == !positions.isEmpty, "\(attributes)")
            for position in instances.indices where target.match(instances[position]) != .none {
                #expect(positions.contains(position), "\(attributes) misses \(instances[position].instanceID)")
            }
        }
    }
}
