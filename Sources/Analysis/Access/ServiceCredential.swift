import Model

/// A service credential (resource key) on an instance, as a holder of access: whoever has its secret acts as its
/// backing service ID, so it holds what that service ID's policies grant on the instance.
package struct ServiceCredential: Sendable, Hashable {
    /// The key's id (its CRN).
    package let id: String
    package let name: String
    /// The role the key was created with (`iam_role_crn`), by name (`Writer`), when known.
    package let role: String?
    /// The backing service ID's IAM id (`iam-ServiceId-…`).
    package let serviceIDIAMID: String

    /// The keys on `instance` that name a backing service ID, by that service ID's IAM id.
    static func onInstance(_ instance: ResourceInstance, in account: IAMAccount) -> [String: [ServiceCredential]] {
        var result: [String: [ServiceCredential]] = [:]
        for key in account.resourceKeys where key.instance?.serviceInstance == instance.instanceID {
            guard let serviceID = key.serviceID else { continue }
            let role = key.roleCRN.flatMap { $0.split(separator: ":", omittingEmptySubsequences: false).last }.map(String.init)
            let credential = ServiceCredential(id: key.id, name: key.name ?? key.guid ?? key.id, role: role,
                                               serviceIDIAMID: "iam-" + serviceID)
            result[credential.serviceIDIAMID, default: []].append(credential)
        }
        return result
    }
}
