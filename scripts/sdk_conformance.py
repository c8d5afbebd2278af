"""Checks fake-ibmcloud (serving a snapshot) against IBM's own Python SDK, `ibm-platform-services`.

Run by scripts/sdk-conformance inside its virtual environment:
`python sdk_conformance.py BASE_URL SNAPSHOT_DIR ENDPOINTS_JSON`, where ENDPOINTS_JSON is what
`fake-ibmcloud --list-endpoints` prints: every collection's endpoint, from `CollectionKind.endpoint`.
For every list method and pager iamgraph's fetcher relies on, it calls the SDK against the fake cloud, runs every
response (and every item a pager yields) through the SDK model's `from_dict`, and compares the item counts with the
snapshot's files. Endpoints that name their SDK call (`sdk`: module, client, method, model, and for a list the SDK
pages itself its pager and the pager's item model; `parent_argument` for a per-parent list) are checked from the
listing alone: the method is called with the endpoint's query as keyword arguments (those it takes), once per parent
the snapshot holds, through its pager or, for a paged list without one, page by page along the listing's `paging`
(page-size and cursor parameters, where `next` is); the fields a parameter `reveals` must be served as the snapshot
holds them. So a new collection needs no edit here. The roles and the policies (v1 and v2 of each type) are checked by
hand below. A listed collection checked neither way is a failure, so a new collection cannot go unchecked. It prints
one table row per endpoint and exits non-zero if any check failed.
"""

import importlib
import inspect
import json
import os
import sys

from ibm_cloud_sdk_core.authenticators import IAMAuthenticator
from ibm_platform_services import iam_policy_management_v1 as policy_v1
from ibm_platform_services import resource_controller_v2 as rc_v2


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

        self.policies = service(policy_v1.IamPolicyManagementV1)

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
        """The endpoints that name their SDK call, checked from the listing alone (see the module's docstring)."""
        for entry in self.endpoints:
            sdk = entry.get("sdk")
            if sdk is None:
                continue
            module = importlib.import_module("ibm_platform_services." + sdk["module"])
            client = self.service(getattr(module, sdk["client"]))
            self.check("GET %s" % entry["path"].replace("{account}", "{id}"), entry["collection"],
                       lambda check, entry=entry, module=module, client=client: self.generic(check, entry, module, client))

    def generic(self, check, entry, module, client):
        """One endpoint's check; returns the number of items served."""
        sdk = entry["sdk"]
        method = getattr(client, sdk["method"])
        model = getattr(module, sdk["model"])
        arguments = self.arguments(entry, method)
        if entry["shape"] == "object":
            self.parse(check, model, method(**arguments).get_result())
            return 1
        paging = entry.get("paging")
        if paging:
            arguments[_argument(paging["limit"])] = 100
        parents = [None]
        if sdk.get("parent_argument"):
            parents = sorted(self.content(entry["collection"]) or {})
        items = []
        for parent in parents:
            call = dict(arguments)
            if parent is not None:
                call[sdk["parent_argument"]] = parent
            if sdk.get("pager"):
                self.parse(check, model, method(**call).get_result())
                pager = getattr(module, sdk["pager"])
                items += self.pager(check, pager(client=client, **_accepted(pager.__init__, call)),
                                    getattr(module, sdk["pager_item_model"]), None)
            elif paging:
                items += self.pages(check, model, entry["items_key"],
                                    lambda cursor, call=call: method(**call, **_cursor(paging, cursor)),
                                    lambda result: _next_cursor(paging, result))
            else:
                result = method(**call).get_result()
                self.parse(check, model, result)
                items += result.get(entry["items_key"]) or []
        self.check_revealed(check, entry, items)
        return len(items)

    def arguments(self, entry, method):
        """The endpoint's query as the method's keyword arguments (those it takes), `account_id` when the path has it."""
        arguments = {"account_id": self.account} if "{account}" in entry["path"] else {}
        for name, value in entry["query"].items():
            arguments[name] = self.account if value == "{account}" else True if value == "true" else value
        return _accepted(method, arguments)

    def check_revealed(self, check, entry, items):
        """The fields a query parameter reveals are served on as many items as the snapshot holds them."""
        content = self.content(entry["collection"]) or []
        stored = [item for items in content.values() for item in items] if isinstance(content, dict) else content
        for field in entry.get("reveals") or []:
            served = sum(1 for item in items if field in item)
            held = sum(1 for item in stored if field in item)
            if served != held:
                check.fail("response", "%d items served with %s, the snapshot holds %d" % (served, field, held))

    def run_by_hand(self):
        """The roles (listed per service, merged as the fetcher merges them) and the policies, v2 and v1 of each type."""
        acct = self.account

        for kind, collection in (("access", "access_policies"), ("authorization", "authorization_policies")):
            def v2(check, kind=kind):
                self.parse(check, policy_v1.V2PolicyCollection,
                           self.policies.list_v2_policies(acct, type=kind, format="include_last_permit",
                                                          limit=100).get_result())
                items = self.pager(check, policy_v1.V2PoliciesPager(client=self.policies, account_id=acct, type=kind,
                                                                    format="include_last_permit", limit=100),
                                   policy_v1.V2Policy, None)
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

    # -- helpers ---------------------------------------------------------------------------------------------------

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


def _argument(parameter):
    """The SDK's keyword argument for a query parameter (User Management's `_start` is `start`)."""
    return parameter.lstrip("_")


def _accepted(function, arguments):
    """The arguments `function` takes."""
    parameters = inspect.signature(function).parameters
    return {name: value for name, value in arguments.items() if name in parameters}


def _cursor(paging, cursor):
    """The keyword argument carrying `cursor` (none on the first page); an offset is a number."""
    if not cursor:
        return {}
    return {_argument(paging["cursor"]): int(cursor) if paging["cursor"] == "offset" else cursor}


def _next_cursor(paging, result):
    """The cursor of the next page, from where the listing's paging says the response has it."""
    where, parameter = paging["next"], paging["cursor"]
    if where == "url":
        return _query(result.get("next") or "", parameter)
    if where == "next_url":
        return _query(result.get("next_url") or "", parameter)
    following = result.get("next") or {}
    if where == "href":
        return _query(following.get("href") or "", parameter)
    return following.get("start")


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
