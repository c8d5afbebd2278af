/// A way to gain access one does not hold yet by using access one holds on IAM itself or on a compute resource, as
/// IBM's documented roles and actions allow it (docs/escalation.md cites the pages).
package enum EscalationPrimitive: String, Sendable, Hashable, CaseIterable, Codable {
    /// Adds itself to an access group (IAM Access Groups, `iam-groups.members.add`) and gains its access.
    case addGroupMember = "add-group-member"
    /// Creates an API key for a service ID (IAM Identity, `iam-identity.apikey.create`) and acts as it.
    case createServiceIDAPIKey = "create-service-id-api-key"
    /// Edits a trusted profile's trust — claim rules, compute-resource links, identities (IAM Identity,
    /// `iam-identity.profile.update`) — and assumes it.
    case editProfileTrust = "edit-profile-trust"
    /// Assigns access (`iam.policy.create`, which the Administrator role carries) on a scope, granting itself any
    /// role there.
    case assignAccess = "assign-access"
    /// Runs a workload on a cluster or Code Engine project that a trusted profile's compute-resource link trusts
    /// (Writer or Manager there) and assumes the profile from it.
    case runTrustedWorkload = "run-trusted-workload"
    /// Creates service credentials (a resource key) on an instance and gains the data access of the credential's
    /// role.
    case createServiceCredentials = "create-service-credentials"

    /// The IAM action the step uses, as IBM documents it; nil where IBM documents roles but no single IAM action
    /// (deploying on a cluster or Code Engine project, creating service credentials), so the step is always inferred
    /// from role names.
    package var action: String? {
        switch self {
        case .addGroupMember: "iam-groups.members.add"
        case .createServiceIDAPIKey: "iam-identity.apikey.create"
        case .editProfileTrust: "iam-identity.profile.update"
        case .assignAccess: "iam.policy.create"
        case .runTrustedWorkload, .createServiceCredentials: nil
        }
    }

    /// The role names IBM documents as carrying the action: used when the snapshot's role list gives no actions for
    /// the role on that service (the step is then marked inferred from the role name).
    var documentedRoles: Set<String> {
        switch self {
        case .addGroupMember: ["Administrator", "Editor"]
        case .createServiceIDAPIKey, .editProfileTrust: ["Administrator", "Operator"]
        case .assignAccess: ["Administrator"]
        case .runTrustedWorkload: ["Writer", "Manager"]
        case .createServiceCredentials: ["Administrator", "Editor"]
        }
    }

    /// "adds itself to the access group", for a step's text.
    package var verb: String {
        switch self {
        case .addGroupMember: "adds itself to"
        case .createServiceIDAPIKey: "creates an API key for"
        case .editProfileTrust: "edits the trust of"
        case .assignAccess: "assigns itself"
        case .runTrustedWorkload: "runs a workload trusted by"
        case .createServiceCredentials: "creates service credentials on"
        }
    }
}
