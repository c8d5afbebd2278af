extension CollectionEndpoint.SDKCall {
    /// A call of `ibm_platform_services.iam_identity_v1.IamIdentityV1`.
    static func identity(method: String, model: String, pager: Pager? = nil, parentArgument: String? = nil) -> Self {
        Self(module: "iam_identity_v1", client: "IamIdentityV1", method: method, model: model, pager: pager,
             parentArgument: parentArgument)
    }

    /// A call of `ibm_platform_services.iam_access_groups_v2.IamAccessGroupsV2`.
    static func accessGroups(method: String, model: String, pager: Pager? = nil, parentArgument: String? = nil) -> Self {
        Self(module: "iam_access_groups_v2", client: "IamAccessGroupsV2", method: method, model: model, pager: pager,
             parentArgument: parentArgument)
    }

    /// A call of `ibm_platform_services.iam_policy_management_v1.IamPolicyManagementV1`.
    static func policyManagement(method: String, model: String, pager: Pager? = nil, parentArgument: String? = nil) -> Self {
        Self(module: "iam_policy_management_v1", client: "IamPolicyManagementV1", method: method, model: model,
             pager: pager, parentArgument: parentArgument)
    }

    /// A call of `ibm_platform_services.resource_controller_v2.ResourceControllerV2`.
    static func resourceController(method: String, model: String, pager: Pager? = nil) -> Self {
        Self(module: "resource_controller_v2", client: "ResourceControllerV2", method: method, model: model, pager: pager)
    }

    /// A call of `ibm_platform_services.context_based_restrictions_v1.ContextBasedRestrictionsV1`.
    static func contextBasedRestrictions(method: String, model: String) -> Self {
        Self(module: "context_based_restrictions_v1", client: "ContextBasedRestrictionsV1", method: method, model: model)
    }

    /// A call of `ibm_platform_services.account_management_v4.AccountManagementV4`.
    static func accounts(method: String, model: String) -> Self {
        Self(module: "account_management_v4", client: "AccountManagementV4", method: method, model: model)
    }
}
