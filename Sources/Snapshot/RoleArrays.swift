/// The three arrays of a `/v2/roles` response, as kept in `roles.json`.
package enum RoleArrays {
    package static let keys = ["custom_roles", "service_roles", "system_roles"]
}
