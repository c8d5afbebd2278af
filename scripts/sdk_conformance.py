"""Checks fake-ibmcloud (serving a snapshot) against IBM's own Python SDK, `ibm-platform-services`.

Run by scripts/sdk-conformance inside its virtual environment:
`python sdk_conformance.py BASE_URL SNAPSHOT_DIR ENDPOINTS_JSON`, where ENDPOINTS_JSON is what
`fake-ibmcloud --list-endpoints` prints: every collection's endpoint, from `CollectionKind.endpoint`.
For every list method and pager iamgraph's fetcher relies on, it calls the SDK against the fake cloud, runs every
response (and every item a pager yields) through the SDK model's `from_dict`, and compares the item counts with the
snapshot's files. Endpoints that name their SDK call (`sdk`: module, client, method, model) are checked generically
(one call with `account_id`); the others by hand below. A listed collection checked neither way is a failure, so a
new collection cannot go unchecked. It prints one table row per endpoint and exits non-zero if any check failed.
"""

import importlib
import json
import os
import sys

from ibm_cloud_sdk_core.authenticators import IAMAuthenticator
from ibm_platform_services import account_management_v4 as account_v4
from ibm_platform_services import context_based_restrictions_v1 as cbr
from ibm_platform_services import iam_access_groups_v2 as groups_v2
from ibm_platform_services import iam_identity_v1 as identity_v1
from ibm_platform_services import iam_policy_management_v1 as policy_v1
from ibm_platform_services import resource_controller_v2 as rc_v2
from ibm_platform_services import resource_manager_v2 as rm_v2
from ibm_platform_services import user_management_v1 as users_v1


class Check:
    """One row of the table: an endpoint, whether every response parsed, whether its pager agreed, the counts."""

    def __init__(self, endpoint, collection=None):
        self.endpoint = endpoint
        self.collection = collection
        self.parse = "ok"
        self.pager = "-"
        self.served = 0
        self.expected = None
        self.problems = []

    def fail(self, what, problem):
        self.problems.append("%s: %s" % (what, problem))
        if what == "pager":
            self.pager = "FAIL"
        else:
            self.parse = "FAIL"

    @property
    def ok(self):
        return not self.problems and (self.expected is None or self.expected == self.served)


class Conformance:
    def __init__(self, base, snapshot, endpoints):
        self.endpoints = endpoints
        self.base = base
        self.snapshot = snapshot
        with open(os.path.join(snapshot, "manifest.json"), encoding="utf-8") as f:
            self.manifest = json.load(f)
        self.account = self.manifest["account_id"]
        self.checks = []
        authenticator = IAMAuthenticator("sdk-conformance", url=base)

        def service(cls):
            client = cls(authenticator=authenticator)
            client.set_service_url(base)
            return client

        self.service = service

        self.identity = service(identity_v1.IamIdentityV1)
        self.groups = service(groups_v2.IamAccessGroupsV2)
        self.policies = service(policy_v1.IamPolicyManagementV1)
        self.controller = service(rc_v2.ResourceControllerV2)
        self.manager = service(rm_v2.ResourceManagerV2)
        self.users = service(users_v1.UserManagementV1)
        self.accounts = service(account_v4.AccountManagementV4)
        self.cbr = service(cbr.ContextBasedRestrictionsV1)

    # -- snapshot side ---------------------------------------------------------------------------------------------

    def content(self, collection):
        """The collection's file content, or None when the manifest does not list it as ok."""
        entry = self.manifest["collections"].get(collection)
        if entry is None or entry.get("status") != "ok":
            return None
        with open(os.path.join(self.snapshot, entry["file"]), encoding="utf-8") as f:
            return json.load(f)

    def expected_count(self, collection, check):
        """The collection's item count as the snapshot's manifest records it."""
        entry = self.manifest["collections"].get(collection)
        if entry is None or entry.get("status") != "ok":
            check.fail("snapshot", "collection %s is not in the snapshot" % collection)
            return None
        return entry["items"]

    # -- running ---------------------------------------------------------------------------------------------------

    def check(self, endpoint, collection, body):
        """Runs `body(check)`, which returns the number of items served; records any exception as a failure."""
        check = Check(endpoint, collection)
        self.checks.append(check)
        if collection is not None:
            check.expected = self.expected_count(collection, check)
        try:
            check.served = body(check)
        except Exception as error:  # noqa: BLE001 -- every failure is a row of the report
            check.fail("call", "%s: %s" % (type(error).__name__, error))
        return check

    @staticmethod
    def parse(check, model, result, what="response"):
        if model in LAST_PAGE_NULL_NEXT_URL and result.get("next_url", "") is None:
            # Resource Controller's last page carries `"next_url": null` (IBM's API reference shows it so), which
            # these SDK models declare a required string: the one tolerance of this script.
            result = dict(result, next_url="")
        try:
            model.from_dict(result)
        except Exception as error:  # noqa: BLE001
            check.fail(what, "%s.from_dict: %s" % (model.__name__, error))

    def pages(self, check, model, key, call, cursor_of):
        """Walks a listing by hand (for APIs without an SDK pager), parsing every page; returns the items."""
        items, cursor, seen = [], None, set()
        for _ in range(10000):
            result = call(cursor).get_result()
            self.parse(check, model, result)
            items += result.get(key) or []
            cursor = cursor_of(result)
            if not cursor:
                return items
            if cursor in seen:
                raise RuntimeError("paging loop at cursor %r" % cursor)
            seen.add(cursor)
        raise RuntimeError("more than 10000 pages")

    def pager(self, check, pager, item_model, expected):
        """Walks an SDK pager, parsing every item; fails unless it yields as many items as `expected`."""
        items = pager.get_all()
        for index, item in enumerate(items):
            self.parse(check, item_model, item, "pager item %d" % index)
        check.pager = "ok"
        if expected is not None and len(items) != expected:
            check.fail("pager", "yielded %d items, expected %d" % (len(items), expected))
        return items

    # -- the endpoints ---------------------------------------------------------------------------------------------

    def run(self):
        self.run_by_hand()
        self.run_generic()
        checked = {check.collection for check in self.checks}
        for entry in self.endpoints:
            if entry["collection"] not in checked:
                check = Check("GET %s" % entry["path"])
                check.fail("script", "collection %s is listed by fake-ibmcloud but checked by no rule of this script"
                           % entry["collection"])
                self.checks.append(check)

    def run_generic(self):
        """The endpoints that name their SDK call: one call with `account_id`, the answer through the SDK's model."""
        for entry in self.endpoints:
            sdk = entry.get("sdk")
            if sdk is None:
                continue
            module = importlib.import_module("ibm_platform_services." + sdk["module"])
            client = self.service(getattr(module, sdk["client"]))
            model = getattr(module, sdk["model"])

            def body(check, client=client, sdk=sdk, model=model, entry=entry):
                result = getattr(client, sdk["method"])(account_id=self.account).get_result()
                self.parse(check, model, result)
                if entry["shape"] == "object":
                    return 1
                return len(result.get(entry["items_key"]) or [])
            self.check("GET %s" % entry["path"].replace("{account}", "{id}"), entry["collection"], body)

    def run_by_hand(self):
        acct = self.account
        token = lambda result: _query((result.get("next") or ""), "pagetoken")  # noqa: E731

        def account(check):
            self.parse(check, account_v4.AccountResponse, self.accounts.get_account(acct).get_result())
            return 1
        self.check("GET /v4/accounts/{id}", "account", account)

        def users(check):
            result = self.users.list_users(acct, limit=100, include_settings=True).get_result()
            self.parse(check, users_v1.UserList, result)
            items = self.pager(check, users_v1.UsersPager(client=self.users, account_id=acct, limit=100,
                                                            include_settings=True),
                               users_v1.UserProfile, check.expected)
            missing = [u.get("iam_id") for u in items if "settings" not in u and self.has_settings(u)]
            if missing:
                check.fail("response", "users without settings despite include_settings=true: %s" % missing[:3])
            return len(items)
        self.check("GET /v2/accounts/{id}/users", "users", users)

        def service_ids(check):
            return len(self.pages(check, identity_v1.ServiceIdList, "serviceids",
                                  lambda c: self.identity.list_service_ids(account_id=acct, pagesize=100, pagetoken=c),
                                  token))
        self.check("GET /v1/serviceids/", "service_ids", service_ids)

        profiles = []

        def trusted_profiles(check):
            profiles.extend(self.pages(check, identity_v1.TrustedProfilesList, "profiles",
                                       lambda c: self.identity.list_profiles(acct, pagesize=100, pagetoken=c), token))
            return len(profiles)
        self.check("GET /v1/profiles", "trusted_profiles", trusted_profiles)

        def per_profile(call, model, key):
            def body(check):
                total = 0
                for profile in profiles:
                    result = call(profile["id"]).get_result()
                    self.parse(check, model, result)
                    total += len(result.get(key) or [])
                return total
            return body
        self.check("GET /v1/profiles/{id}/links", "trusted_profile_links",
                   per_profile(self.identity.list_links, identity_v1.ProfileLinkList, "links"))
        self.check("GET /v1/profiles/{id}/rules", "trusted_profile_rules",
                   per_profile(self.identity.list_claim_rules, identity_v1.ProfileClaimRuleList, "rules"))
        self.check("GET /v1/profiles/{id}/identities", "trusted_profile_identities",
                   per_profile(self.identity.get_profile_identities, identity_v1.ProfileIdentitiesResponse, "identities"))

        def api_keys(check):
            return len(self.pages(check, identity_v1.ApiKeyList, "apikeys",
                                  lambda c: self.identity.list_api_keys(account_id=acct, scope="account", pagesize=100,
                                                                        pagetoken=c), token))
        self.check("GET /v1/apikeys", "api_keys", api_keys)

        def identity_settings(check):
            self.parse(check, identity_v1.AccountSettingsResponse,
                       self.identity.get_account_settings(account_id=acct).get_result())
            return 1
        self.check("GET /v1/accounts/{id}/settings/identity", "identity_settings", identity_settings)

        groups = []

        def access_groups(check):
            self.parse(check, groups_v2.GroupsList,
                       self.groups.list_access_groups(acct, show_federated=True, limit=100).get_result())
            groups.extend(self.pager(check, groups_v2.AccessGroupsPager(client=self.groups, account_id=acct, limit=100,
                                                                        show_federated=True),
                                     groups_v2.Group, check.expected))
            return len(groups)
        self.check("GET /v2/groups", "access_groups", access_groups)

        def members(check):
            total = 0
            for group in groups:
                self.parse(check, groups_v2.GroupMembersList,
                           self.groups.list_access_group_members(group["id"], membership_type="all", verbose=True,
                                                                 limit=100).get_result())
                total += len(self.pager(check, groups_v2.AccessGroupMembersPager(
                    client=self.groups, access_group_id=group["id"], membership_type="all", verbose=True, limit=100),
                    groups_v2.ListGroupMembersResponseMember, None))
            check.pager = "ok" if groups else "-"
            return total
        self.check("GET /v2/groups/{id}/members", "access_group_members", members)

        def group_rules(check):
            total = 0
            for group in groups:
                result = self.groups.list_access_group_rules(group["id"]).get_result()
                self.parse(check, groups_v2.RulesList, result)
                total += len(result.get("rules") or [])
            return total
        self.check("GET /v2/groups/{id}/rules", "access_group_rules", group_rules)

        def group_settings(check):
            self.parse(check, groups_v2.AccountSettings, self.groups.get_account_settings(acct).get_result())
            return 1
        self.check("GET /v2/groups/settings", "access_group_settings", group_settings)

        v2_counts = {}
        for kind, collection in (("access", "access_policies"), ("authorization", "authorization_policies")):
            def v2(check, kind=kind):
                self.parse(check, policy_v1.V2PolicyCollection,
                           self.policies.list_v2_policies(acct, type=kind, format="include_last_permit",
                                                          limit=100).get_result())
                items = self.pager(check, policy_v1.V2PoliciesPager(client=self.policies, account_id=acct, type=kind,
                                                                    format="include_last_permit", limit=100),
                                   policy_v1.V2Policy, None)
                v2_counts[kind] = len(items)
                return len(items)
            self.check("GET /v2/policies?type=%s" % kind, None, v2)

            def v1(check, kind=kind, collection=collection):
                self.parse(check, policy_v1.PolicyCollection,
                           self.policies.list_policies(acct, type=kind, format="include_last_permit",
                                                       limit=100).get_result())
                items = self.pager(check, policy_v1.PoliciesPager(client=self.policies, account_id=acct, type=kind,
                                                                  format="include_last_permit", limit=100),
                                   policy_v1.Policy, None)
                # The snapshot holds every v2 policy plus the v1-only ones; v1 lists all of them (placeholders too).
                return len(items)
            self.check("GET /v1/policies?type=%s" % kind, collection, v1)

        def roles(check):
            # Counted as the fetcher merges them: a role once per crn, again for a service whose listing gives it
            # other actions (a system role's actions differ per service).
            served = {}

            def add(result, per_service):
                for key in ("system_roles", "custom_roles", "service_roles"):
                    for role in result.get(key) or []:
                        listed = served.setdefault((key, role.get("crn")), [])
                        actions = role.get("actions") or []
                        if not listed or (per_service and actions not in listed):
                            listed.append(actions)

            result = self.policies.list_roles(account_id=acct).get_result()
            self.parse(check, policy_v1.RoleCollection, result)
            add(result, False)
            for service in self.role_services():
                result = self.policies.list_roles(account_id=acct, service_name=service).get_result()
                self.parse(check, policy_v1.RoleCollection, result)
                add(result, True)
            for source, group in self.authorization_sources():
                query = {"policy_type": "authorization", "source_service_name": source}
                if group:
                    query = {"service_group_id": group}
                result = self.policies.list_roles(account_id=acct, **query).get_result()
                self.parse(check, policy_v1.RoleCollection, result)
                add(result, False)
            return sum(len(listed) for listed in served.values())
        self.check("GET /v2/roles", "roles", roles)

        def templates(check):
            self.parse(check, policy_v1.PolicyTemplateCollection,
                       self.policies.list_policy_templates(acct, limit=100).get_result())
            return len(self.pager(check, policy_v1.PolicyTemplatesPager(client=self.policies, account_id=acct,
                                                                        limit=100),
                                  policy_v1.PolicyTemplate, check.expected))
        self.check("GET /v1/policy_templates", "policy_templates", templates)

        def assignments(check):
            self.parse(check, policy_v1.PolicyTemplateAssignmentCollection,
                       self.policies.list_policy_assignments("1.0", acct, limit=100).get_result())
            items = self.pager(check, policy_v1.PolicyAssignmentsPager(client=self.policies, version="1.0",
                                                                       account_id=acct, limit=100),
                               policy_v1.PolicyTemplateAssignmentItemsPolicyAssignmentV1, check.expected)
            return len(items)
        self.check("GET /v1/policy_assignments?version=1.0", "policy_assignments", assignments)

        def policy_template_versions(check):
            # One listing per template the snapshot holds versions of (the fetcher asks for those assignments,
            # templates and policies refer to), through the SDK's pager.
            total = 0
            for template_id in sorted(self.content("policy_template_versions") or {}):
                self.parse(check, policy_v1.PolicyTemplateVersionsCollection,
                           self.policies.list_policy_template_versions(template_id, limit=100).get_result())
                total += len(self.pager(check, policy_v1.PolicyTemplateVersionsPager(
                    client=self.policies, policy_template_id=template_id, limit=100), policy_v1.PolicyTemplate, None))
            check.pager = "ok" if total else "-"
            return total
        self.check("GET /v1/policy_templates/{id}/versions", "policy_template_versions", policy_template_versions)

        def group_templates(check):
            self.parse(check, groups_v2.ListTemplatesResponse,
                       self.groups.list_templates(acct, limit=100).get_result())
            return len(self.pager(check, groups_v2.TemplatesPager(client=self.groups, account_id=acct, limit=100),
                                  groups_v2.GroupTemplate, check.expected))
        self.check("GET /v1/group_templates", "access_group_templates", group_templates)

        def group_assignments(check):
            # The SDK has no pager for assignments: walked by hand through `next.href`'s offset.
            offset = lambda result: _query(((result.get("next") or {}).get("href") or ""), "offset")  # noqa: E731
            items = self.pages(check, groups_v2.ListTemplateAssignmentResponse, "assignments",
                               lambda c: self.groups.list_assignments(acct, limit=100, offset=int(c) if c else None),
                               offset)
            for index, item in enumerate(items):
                self.parse(check, groups_v2.TemplateAssignmentResponse, item, "item %d" % index)
            return len(items)
        self.check("GET /v1/group_assignments", "access_group_assignments", group_assignments)

        for path, collection, method, model, key, item_model in (
                ("/v1/profile_templates", "trusted_profile_templates", self.identity.list_profile_templates,
                 identity_v1.TrustedProfileTemplateList, "profile_templates", identity_v1.TrustedProfileTemplateResponse),
                ("/v1/profile_assignments/", "trusted_profile_assignments", self.identity.list_trusted_profile_assignments,
                 identity_v1.TemplateAssignmentListResponse, "assignments", identity_v1.TemplateAssignmentResponse),
                ("/v1/account_settings_templates", "account_settings_templates",
                 self.identity.list_account_settings_templates, identity_v1.AccountSettingsTemplateList,
                 "account_settings_templates", identity_v1.AccountSettingsTemplateResponse),
                ("/v1/account_settings_assignments/", "account_settings_assignments",
                 self.identity.list_account_settings_assignments, identity_v1.TemplateAssignmentListResponse,
                 "assignments", identity_v1.TemplateAssignmentResponse)):
            def identity_templates(check, method=method, model=model, key=key, item_model=item_model):
                # IAM Identity's template APIs page by `limit` and `pagetoken` (no SDK pager).
                items = self.pages(check, model, key,
                                   lambda c: method(account_id=acct, limit=100 if key == "assignments" else "100",
                                                    pagetoken=c), token)
                for index, item in enumerate(items):
                    self.parse(check, item_model, item, "item %d" % index)
                return len(items)
            self.check("GET " + path, collection, identity_templates)

        def resource_groups(check):
            result = self.manager.list_resource_groups(account_id=acct).get_result()
            self.parse(check, rm_v2.ResourceGroupList, result)
            return len(result.get("resources") or [])
        self.check("GET /v2/resource_groups", "resource_groups", resource_groups)

        def instances(check):
            self.parse(check, rc_v2.ResourceInstancesList, self.controller.list_resource_instances(limit=100).get_result())
            return len(self.pager(check, rc_v2.ResourceInstancesPager(client=self.controller, limit=100),
                                  rc_v2.ResourceInstance, check.expected))
        self.check("GET /v2/resource_instances", "resource_instances", instances)

        def resource_keys(check):
            self.parse(check, rc_v2.ResourceKeysList, self.controller.list_resource_keys(limit=100).get_result())
            return len(self.pager(check, rc_v2.ResourceKeysPager(client=self.controller, limit=100),
                                  rc_v2.ResourceKey, check.expected))
        self.check("GET /v2/resource_keys", "resource_keys", resource_keys)

        def identity_providers(check):
            result = self.identity.list_idps(acct).get_result()
            self.parse(check, identity_v1.ListIdpsResponse, result)
            return len(result.get("idps") or [])
        self.check("GET /v1/idps/", "identity_providers", identity_providers)

        def login_settings(check):
            self.parse(check, identity_v1.AccountLoginSettings, self.identity.get_login_settings(acct).get_result())
            return 1
        self.check("GET /v2/loginsettings/{id}", "login_settings", login_settings)

        def zones(check):
            result = self.cbr.list_zones(acct).get_result()
            self.parse(check, cbr.ZoneList, result)
            return len(result.get("zones") or [])
        self.check("GET /v1/zones (cbr)", "cbr_zones", zones)

        def cbr_rules(check):
            result = self.cbr.list_rules(acct).get_result()
            self.parse(check, cbr.RuleList, result)
            return len(result.get("rules") or [])
        self.check("GET /v1/rules (cbr)", "cbr_rules", cbr_rules)

        def cbr_settings(check):
            self.parse(check, cbr.AccountSettings, self.cbr.get_account_settings(acct).get_result())
            return 1
        self.check("GET /v1/account_settings/{id} (cbr)", "cbr_account_settings", cbr_settings)

    # -- helpers ---------------------------------------------------------------------------------------------------

    def has_settings(self, user):
        """Whether the snapshot's user carries `settings` (then the listing with include_settings must too)."""
        for item in self.content("users") or []:
            if item.get("iam_id") == user.get("iam_id"):
                return "settings" in item
        return False

    def policies_raw(self):
        return (self.content("access_policies") or []) + (self.content("authorization_policies") or [])

    def role_services(self):
        names = set()
        for policy in self.policies_raw():
            for part in [policy.get("resource") or {}, policy.get("subject") or {}] + (policy.get("resources") or []):
                for attribute in part.get("attributes") or []:
                    key = attribute.get("key") or attribute.get("name")
                    value = attribute.get("value")
                    if key == "serviceName" and isinstance(value, str) and "*" not in value:
                        names.add(value)
        for instance in self.content("resource_instances") or []:
            parts = (instance.get("crn") or instance.get("id") or "").split(":")
            if len(parts) > 4 and parts[4]:
                names.add(parts[4])
        return sorted(names)

    def authorization_sources(self):
        """(source service, None) for each authorization policy's source service; (None, id) per service group."""
        pairs = set()
        for policy in self.content("authorization_policies") or []:
            for attribute in (policy.get("subject") or {}).get("attributes") or []:
                if attribute.get("key") == "serviceName" and isinstance(attribute.get("value"), str):
                    pairs.add((attribute["value"], None))
        for policy in self.content("access_policies") or []:
            for attribute in (policy.get("resource") or {}).get("attributes") or []:
                if attribute.get("key") == "service_group_id" and isinstance(attribute.get("value"), str):
                    pairs.add((None, attribute["value"]))
        return sorted(pairs, key=lambda p: (p[0] or "", p[1] or ""))

    def report(self):
        rows = [("endpoint", "SDK parse", "pager", "served", "snapshot")]
        for c in self.checks:
            rows.append((c.endpoint, c.parse, c.pager, str(c.served), "-" if c.expected is None else str(c.expected)))
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        print("SDK conformance of %s (%s)" % (self.snapshot, self.base))
        for index, row in enumerate(rows):
            print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
            if index == 0:
                print("  ".join("-" * w for w in widths))
        failed = [c for c in self.checks if not c.ok]
        for c in failed:
            problems = c.problems or ["served %d items, the snapshot holds %s" % (c.served, c.expected)]
            for problem in problems[:3]:
                print("FAIL %s: %s" % (c.endpoint, problem), file=sys.stderr)
            if len(problems) > 3:
                print("FAIL %s: ... and %d more" % (c.endpoint, len(problems) - 3), file=sys.stderr)
        return not failed


LAST_PAGE_NULL_NEXT_URL = (rc_v2.ResourceInstancesList, rc_v2.ResourceKeysList)


def _query(url, name):
    from urllib.parse import parse_qs, urlparse
    values = parse_qs(urlparse(url).query).get(name)
    return values[0] if values else None


def main():
    if len(sys.argv) != 4:
        print("usage: sdk_conformance.py BASE_URL SNAPSHOT_DIR ENDPOINTS_JSON", file=sys.stderr)
        return 2
    with open(sys.argv[3], encoding="utf-8") as f:
        endpoints = json.load(f)
    conformance = Conformance(sys.argv[1], sys.argv[2], endpoints)
    conformance.run()
    return 0 if conformance.report() else 1


if __name__ == "__main__":
    sys.exit(main())
