/// The account's and the services' roles, custom roles included.
extension Generator {
    mutating func makeRoles() {
        for spec in Catalog.customRoles.prefix(size.customRoles) {
            customRoleNames.append(spec.0)
            customRolesByService[spec.3, default: []].append(spec.0)
        }
    }

    func rolesJSON() -> JSON {
        var rng = stream(0x7011)
        let system: [JSON] = Catalog.platformRoles.map {
            ["crn": platformRole($0.0), "display_name": $0.0, "description": $0.1, "actions": $0.2]
        }
        var service: [JSON] = Catalog.genericServiceRoles.map {
            ["crn": serviceRole($0.0), "display_name": $0.0, "description": $0.1, "actions": $0.2]
        }
        for (index, spec) in Catalog.services.enumerated() where !instancesByService[index].isEmpty {
            for role in spec.roles {
                service.append(["crn": specificRole(spec.name, role.0), "display_name": role.1,
                                "description": "As a \(role.1), you can perform \(spec.short) actions: "
                                    + role.2.joined(separator: ", ") + ".",
                                "actions": role.2])
            }
        }
        let custom: [JSON] = Catalog.customRoles.prefix(size.customRoles).map { spec in
            let id = rng.uuid()
            let created = time(from: accountStart + 30 * SynthTime.day, rng: &rng)
            let by = users[admins[rng.int(admins.count)]].iamID
            return [
                "id": id, "name": spec.0, "display_name": spec.1, "description": spec.2, "account_id": accountID,
                "service_name": spec.3, "actions": spec.4, "crn": customRole(spec.0),
                "created_at": SynthTime.millis(created, rng.int(1000)), "created_by_id": by,
                "last_modified_at": SynthTime.millis(created, rng.int(1000)), "last_modified_by_id": by,
                "href": "\(iam)/v2/roles/\(id)",
            ]
        }
        return ["system_roles": system, "service_roles": service, "custom_roles": custom]
    }

    /// Roles for a grant on a service (or on all services when `service` is nil), at a random level.
    mutating func serviceGrant(_ service: Int?, custom forceCustom: Bool = false) -> [String] {
        let level = rng.weighted([55, 30, 15])
        var roles: [String]
        switch level {
        case 0: roles = [[platformRole("Viewer"), serviceRole("Reader")], [serviceRole("Reader")],
                         [platformRole("Viewer")]][rng.weighted([6, 3, 1])]
        case 1: roles = [[platformRole("Editor"), serviceRole("Writer")], [platformRole("Operator"), serviceRole("Writer")],
                         [serviceRole("Writer")]][rng.int(3)]
        default: roles = rng.chance(0.7) ? [platformRole("Administrator"), serviceRole("Manager")] : [serviceRole("Manager")]
        }
        if let service {
            let spec = Catalog.services[service]
            if !spec.roles.isEmpty, rng.chance(0.15) {
                roles = [specificRole(spec.name, rng.pick(spec.roles).0)] + (rng.chance(0.5) ? [platformRole("Viewer")] : [])
            }
            if let customs = customRolesByService[spec.name], forceCustom || rng.chance(0.08) {
                roles = [customRole(rng.pick(customs))] + (rng.chance(0.3) ? [platformRole("Viewer")] : [])
            }
        }
        return roles
    }
}
