/// Service names of IBM Cloud's account management services (policies on them govern the account itself).
package enum AccountManagementServices {
    /// The services IBM documents as account management services.
    package static let all: Set<String> = [
        "iam-identity", "iam-groups", "iam-access-management", "user-management", "billing", "support",
        "globalcatalog", "enterprise", "account", "iam-svcs",
    ]
    /// The IAM services among them (`service_group_id=IAM`).
    package static let iam: Set<String> = ["iam-identity", "iam-groups", "iam-access-management"]
}
