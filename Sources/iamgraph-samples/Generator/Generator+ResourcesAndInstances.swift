import Foundation

/// Resource groups and service instances.
extension Generator {
    mutating func makeResourceGroups() {
        var combos: [String] = []
        for team in Catalog.teams {
            for env in Catalog.environments { combos.append(Catalog.slug(team) + "-" + env) }
        }
        rng.shuffle(&combos)
        for index in 0..<max(1, size.resourceGroups) {
            let name = index == 0 ? "Default" : Self.uniqueName(index - 1, combos, separator: "-")
            let created = index == 0 ? accountStart + 7 : time(from: accountStart + SynthTime.day,
                                                               to: SynthTime.now - 30 * SynthTime.day)
            resourceGroups.append(ResourceGroupRecord(id: rng.hex(32), name: name, created: created))
        }
        var order = Array(resourceGroups.indices)
        rng.shuffle(&order)
        resourceGroupTable = ZipfTable(count: order.count, order: order)
        instancesByGroup = Array(repeating: [], count: resourceGroups.count)
    }

    func resourceGroupsJSON() -> [JSON] {
        let quota = String(accountID.reversed())
        return resourceGroups.enumerated().map { index, group in
            [
                "id": group.id,
                "crn": resourceGroupCRN(group.id),
                "account_id": accountID,
                "name": group.name,
                "state": "ACTIVE",
                "default": index == 0,
                "quota_id": quota,
                "quota_url": "/v2/quota_definitions/" + quota,
                "payment_methods_url": "/v2/resource_groups/\(group.id)/payment_methods",
                "resource_linkages": [Any](),
                "teams_url": "/v2/resource_groups/\(group.id)/teams",
                "created_at": SynthTime.millis(group.created, index * 37 % 1000),
                "updated_at": SynthTime.millis(group.created, index * 37 % 1000),
            ]
        }
    }

    mutating func makeInstances() {
        instancesByService = Array(repeating: [], count: Catalog.services.count)
        let weights = Catalog.services.map(\.weight)
        let core = Catalog.coreServices.compactMap { name in Catalog.services.firstIndex { $0.name == name } }
        var names: [String: Int] = [:]
        let clusterAlphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        for index in 0..<size.instances {
            let service = index < core.count ? core[index] : rng.weighted(weights)
            let spec = Catalog.services[service]
            let group = resourceGroupTable.draw(&rng)
            let region = spec.global ? "global" : regions[regionTable.draw(&rng)]
            let guid = spec.clusterIDs ? rng.string(20, from: clusterAlphabet) : rng.uuid()
            let crn = "crn:v1:bluemix:public:\(spec.name):\(region):a/\(accountID):\(guid)::"
            let groupName = resourceGroups[group].name
            let base = spec.short + "-" + (group == 0 ? "shared" : groupName)
            let n = (names[base] ?? 0) + 1
            names[base] = n
            let created = time(from: max(accountStart, resourceGroups[group].created) + SynthTime.hour)
            instances.append(InstanceRecord(guid: guid, crn: crn, name: n == 1 ? base : "\(base)-\(n)",
                                            service: service, resourceGroup: group, created: created))
            instancesByGroup[group].append(index)
            instancesByService[service].append(index)
        }
    }

    func instancesJSON() -> [JSON] {
        var rng = stream(0x1257)
        let catalogIDs = Catalog.services.map { _ in rng.uuid() }
        let planIDs = Catalog.services.map { _ in [rng.uuid(), rng.uuid()] }
        return instances.map { instance in
            let spec = Catalog.services[instance.service]
            let group = resourceGroups[instance.resourceGroup]
            let region = instance.crn.split(separator: ":", omittingEmptySubsequences: false)[5]
            let plan = planIDs[instance.service][rng.int(2)]
            let creator = users[rng.chance(0.5) ? admins[rng.int(admins.count)] : rng.int(users.count)].iamID
            let created = SynthTime.nanos(instance.created, rng.int(1_000_000_000))
            let updatedTime = rng.chance(0.3) ? instance.created : time(from: instance.created, rng: &rng)
            let updated = SynthTime.nanos(updatedTime, rng.int(1_000_000_000))
            let state = rng.chance(0.97) ? "active" : (rng.chance(0.5) ? "inactive" : "provisioning")
            let escaped = instance.crn.replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: "/", with: "%2F")
            return [
                "id": instance.crn,
                "guid": instance.guid,
                "crn": instance.crn,
                "url": "/v2/resource_instances/" + instance.guid,
                "name": instance.name,
                "region_id": region,
                "account_id": accountID,
                "resource_group_id": group.id,
                "resource_group_crn": resourceGroupCRN(group.id),
                "resource_id": spec.clusterIDs || spec.name.hasPrefix("databases-") ? spec.name : catalogIDs[instance.service],
                "resource_plan_id": plan,
                "target_crn": "crn:v1:bluemix:public:globalcatalog::::deployment:\(plan)%3A\(region)",
                "state": state,
                "type": "service_instance",
                "sub_type": spec.clusterIDs ? "kubernetes" as Any : NSNull(),
                "locked": false,
                "allow_cleanup": false,
                "created_at": created,
                "created_by": creator,
                "updated_at": updated,
                "updated_by": creator,
                "deleted_at": NSNull(),
                "deleted_by": "",
                "scheduled_reclaim_at": NSNull(),
                "restored_at": NSNull(),
                "dashboard_url": "https://cloud.ibm.com/services/\(spec.name)/\(escaped)",
                "last_operation": [
                    "type": "create", "state": "succeeded", "async": false, "cancelable": false, "poll": false,
                    "description": "Completed create instance operation", "updated_at": created,
                ] as JSON,
                "plan_history": [["resource_plan_id": plan, "start_date": created] as JSON],
                "parameters": JSON(),
                "resource_keys_url": "/v2/resource_instances/\(instance.guid)/resource_keys",
            ]
        }
    }

    func time(from: Int, rng: inout SplitMix64) -> Int {
        from + rng.int(max(1, SynthTime.now - SynthTime.hour - from))
    }
}
