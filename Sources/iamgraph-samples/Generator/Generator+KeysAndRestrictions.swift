import Foundation

/// Service credentials (resource keys), context-based restrictions, identity providers and login settings, each from
/// a stream of its own so that they do not move any other collection's values.
extension Generator {
    /// Service credentials on about a quarter of the instances, each backed by one of the account's service IDs.
    func makeResourceKeys() -> [JSON] {
        guard !serviceIDs.isEmpty else { return [] }
        var rng = stream(0x15A1)
        var keys: [JSON] = []
        for instance in instances where rng.chance(0.25) {
            let spec = Catalog.services[instance.service]
            let region = instance.crn.split(separator: ":", omittingEmptySubsequences: false)[5]
            for n in 0..<(rng.chance(0.2) ? 2 : 1) {
                let guid = rng.uuid()
                let crn = "crn:v1:bluemix:public:\(spec.name):\(region):a/\(accountID):\(instance.guid):resource-key:\(guid)"
                let sid = serviceIDs[rng.int(serviceIDs.count)]
                let role = ["Reader", "Writer", "Manager"][rng.weighted([5, 3, 2])]
                let name = instance.name + (n == 0 ? "-credentials" : "-credentials-\(n + 1)")
                let created = SynthTime.nanos(instance.created + SynthTime.day + rng.int(200 * SynthTime.day), rng.int(1_000_000_000))
                let creator = users[admins[rng.int(admins.count)]].iamID
                keys.append([
                    "id": crn, "guid": guid, "crn": crn, "url": "/v2/resource_keys/" + guid, "name": name,
                    "account_id": accountID, "resource_group_id": resourceGroups[instance.resourceGroup].id,
                    "resource_id": spec.name, "source_crn": instance.crn, "state": "active",
                    "onetime_credentials": false, "iam_compatible": true, "migrated": false,
                    "credentials": [
                        "iam_apikey_description": "Auto-generated for key " + guid, "iam_apikey_name": name,
                        "iam_role_crn": "crn:v1:bluemix:public:iam::::serviceRole:" + role,
                        "iam_serviceid_crn": "crn:v1:bluemix:public:iam-identity::a/\(accountID)::serviceid:\(sid.id)",
                    ] as JSON,
                    "resource_instance_url": "/v2/resource_instances/" + instance.guid, "resource_alias_url": NSNull(),
                    "created_at": created, "created_by": creator, "updated_at": created, "updated_by": "",
                    "deleted_at": NSNull(), "deleted_by": "",
                ])
            }
        }
        return keys
    }

    /// The SAML identity provider whose realm the claim rules and dynamic group rules name, and the login settings.
    func makeIdentityProviders() -> (providers: [JSON], loginSettings: JSON) {
        var rng = stream(0x1D95)
        let created = SynthTime.seconds(accountStart + 2 * SynthTime.day)
        let domain = idp.split(separator: "/").dropFirst().first.map(String.init) ?? "sso.example.com"
        let provider: JSON = [
            "idp_id": "IdP-" + rng.uuid(), "entity_tag": "1-" + rng.hex(32), "account_id": accountID,
            "name": accountName + " SSO", "type": "saml", "active": true,
            "properties": ["entity_id": idp, "sso_url": "https://\(domain)/saml2/idp/SSOService"] as JSON,
            "share_scope": [Any](), "created_at": created, "modified_at": created,
        ]
        let alias = accountName.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return ([provider], ["alias": String(alias)])
    }

    /// Three network zones (as `/v1/zones` lists them: `addresses_preview`, not the full `addresses`) and rules on a few instances and services: mostly enforced, one report-only, one disabled.
    func makeContextBasedRestrictions() -> (zones: [JSON], rules: [JSON], settings: JSON) {
        var rng = stream(0xCB12)
        let owner = users[0].iamID
        let cbr = "https://cbr.cloud.ibm.com"
        let when = SynthTime.millis(accountStart + 30 * SynthTime.day, 0)
        func stamps(_ item: JSON) -> JSON {
            item.merging(["created_at": when, "created_by_id": owner, "last_modified_at": when, "last_modified_by_id": owner]) { a, _ in a }
        }
        let zoneSpecs: [(String, String, [JSON])] = [
            ("corporate-egress", "Corporate egress ranges", [["type": "ipRange", "value": "203.0.113.0-203.0.113.255"]]),
            ("vpn", "VPN concentrators", [["type": "ipAddress", "value": "198.51.100.10"], ["type": "ipAddress", "value": "198.51.100.11"]]),
            ("ci", "Build runners", [["type": "subnet", "value": "192.0.2.0/26"]]),
        ]
        let zones: [JSON] = zoneSpecs.map { name, description, addresses in
            let id = rng.hex(32)
            return stamps([
                "id": id, "crn": "crn:v1:bluemix:public:context-based-restrictions::a/\(accountID)::zone:\(id)",
                "name": name, "description": description, "address_count": addresses.count, "excluded_count": 0,
                "addresses_preview": addresses, "href": "\(cbr)/v1/zones/\(id)",
            ])
        }
        let zoneIDs = zones.compactMap { $0["id"] as? String }
        var rules: [JSON] = []
        let protected = instances.indices.filter { _ in rng.chance(0.04) }
        for (n, index) in protected.enumerated() {
            let instance = instances[index]
            let mode = n == 1 ? "report" : (n == 2 ? "disabled" : "enabled")
            let id = rng.hex(32)
            let allowed = zoneIDs.filter { _ in rng.chance(0.6) }
            rules.append(stamps([
                "id": id, "crn": "crn:v1:bluemix:public:context-based-restrictions::a/\(accountID)::rule:\(id)",
                "description": "\(instance.name) from company networks only",
                "contexts": [["attributes": [["name": "networkZoneId", "value": (allowed.isEmpty ? [zoneIDs[0]] : allowed).joined(separator: ",")]]]],
                "resources": [["attributes": [
                    ["name": "accountId", "value": accountID],
                    ["name": "serviceName", "value": Catalog.services[instance.service].name],
                    ["name": "serviceInstance", "value": instance.guid],
                ]]],
                "enforcement_mode": mode, "href": "\(cbr)/v1/rules/\(id)",
            ]))
        }
        let settings = stamps([
            "id": accountID, "crn": "crn:v1:bluemix:public:context-based-restrictions::a/\(accountID)::account-settings:\(accountID)",
            "rule_count_limit": 1000, "zone_count_limit": 500, "tags_rule_count_limit": 100,
            "current_rule_count": rules.count, "current_zone_count": zones.count, "current_tags_rule_count": 0,
            "href": "\(cbr)/v1/account_settings/\(accountID)",
        ])
        return (zones, rules, settings)
    }
}
