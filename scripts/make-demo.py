#!/usr/bin/env python3
"""Builds the bundled demo snapshot "Acme Dev Team" (samples/demo) as plain Python data.

Usage: python3 scripts/make-demo.py OUTPUT_DIR

Deterministic: fixed, invented ids and timestamps, no randomness, no clock. Every file is written with
json.dump(sort_keys=True, indent=2, ensure_ascii=False) and a final newline. Manifest hashes are left as ""
placeholders: the Swift tooling re-canonicalizes the files and recomputes them. What was seeded for which finding
is listed in samples/demo/SEEDS.md.
"""

import json
import os
import sys

FETCHED_AT = "2026-11-20T09:00:00Z"
TOOL_VERSION = "0.1.0"

ACCT = "b8d158e0846b1b49b73e8295c18bbdb9"
SCOPE = "a/" + ACCT
IAM = "https://iam.cloud.ibm.com"

# ---------------------------------------------------------------------------------------------------------------
# Users (user-management shape). IBMid-<10 chars>.
# ---------------------------------------------------------------------------------------------------------------
U_DANA = "IBMid-6630014QXD"      # account owner
U_PRIYA = "IBMid-55000ATR4K"
U_MARCUS = "IBMid-270007BN2P"
U_BOB = "IBMid-6650019HWM"       # hostile-ish firstname
U_SOFIA = "IBMid-310008FJ6C"
U_KENJI = "IBMid-120005DR8V"
U_AMARA = "IBMid-693000LZ3S"
U_LENA = "IBMid-5500093YGE"
U_TOMAS = "IBMid-060001KMU7"
U_JORDAN = "IBMid-2700112PNA"    # in no access group

USERS_SPEC = [
    # iam_id, user-management id, first, last, login/email, state, added_on, phone
    (U_DANA, "e673b8a3ad115f5d4da2a99a78d85fc4", "Dana", "Whitfield", "dana.whitfield@acme.example.com",
     "ACTIVE", "2024-01-08T09:12:44Z", "+1 512 555 0101"),
    (U_PRIYA, "efd81e366dc44a1501e7be2a674c8e8e", "Priya", "Raman", "priya.raman@acme.example.com",
     "ACTIVE", "2024-01-09T14:03:10Z", "+1 512 555 0102"),
    (U_MARCUS, "21575bd955594c5bfc19717976c7d68d", "Marcus", "Chen", "marcus.chen@acme.example.com",
     "ACTIVE", "2024-02-19T08:45:31Z", "+1 512 555 0103"),
    (U_BOB, "a82a35cf402124b7c25569ed72a03afe", "O'Brien & \"Bob\"", "Murphy", "bob.murphy@acme.example.com",
     "ACTIVE", "2024-03-04T16:20:05Z", ""),
    (U_SOFIA, "40c40a3180d2ea91080ad3e9695130ee", "Sofia", "Alvarez", "sofia.alvarez@acme.example.com",
     "ACTIVE", "2024-04-22T11:31:58Z", "+34 91 555 0147"),
    (U_KENJI, "ebe1b6fb5e50e319c91253f181c558d9", "Kenji", "Tanaka", "kenji.tanaka@acme.example.com",
     "ACTIVE", "2024-05-13T02:17:40Z", "+81 3 5555 0188"),
    (U_AMARA, "c0e0fae5d33f346d23d7eae56fc92567", "Amara", "Okafor", "amara.okafor@acme.example.com",
     "ACTIVE", "2025-01-27T10:05:12Z", ""),
    (U_LENA, "87e062e42018071d45ac395350baf6b4", "Lena", "Fischer", "lena.fischer@acme.example.com",
     "ACTIVE", "2025-03-10T07:58:26Z", "+49 30 5555 0132"),
    (U_TOMAS, "bce49e8df90f45ff7238e41574a7344e", "Tomás", "Ruiz", "tomas.ruiz@acme.example.com",
     "ACTIVE", "2025-06-02T13:40:09Z", ""),
    (U_JORDAN, "95c46a678dd05ff8b3cfcae3bf30333d", "Jordan", "Blake", "jordan.blake@contractor.example.net",
     "PENDING", "2026-10-30T15:22:47Z", ""),
]


def users():
    out = []
    for iam_id, uid, first, last, email, state, added, phone in USERS_SPEC:
        assert len(iam_id) == len("IBMid-") + 10, iam_id
        out.append({
            "id": uid,
            "iam_id": iam_id,
            "realm": "IBMid",
            "user_id": email,
            "firstname": first,
            "lastname": last,
            "state": state,
            "email": email,
            "phonenumber": phone,
            "altphonenumber": "",
            "photo": "",
            "account_id": ACCT,
            "added_on": added,
        })
    return out


def user_name(iam_id):
    for u in USERS_SPEC:
        if u[0] == iam_id:
            return u[2] + " " + u[3]
    raise KeyError(iam_id)


def user_email(iam_id):
    for u in USERS_SPEC:
        if u[0] == iam_id:
            return u[4]
    raise KeyError(iam_id)


# ---------------------------------------------------------------------------------------------------------------
# Account, resource groups, resource instances
# ---------------------------------------------------------------------------------------------------------------
def account():
    return {
        "id": ACCT,
        "name": "Acme Dev Team",
        "owner": user_email(U_DANA),
        "owner_userid": user_email(U_DANA),
        "owner_iamid": U_DANA,
        "type": "PAYG",
        "status": "ACTIVE",
        "team_directory_enabled": True,
        "linked_softlayer_account": "",
        "traits": {"eu_supported": True, "poc": False, "hippa": False},
    }


RG_DEFAULT = "848713d42fdafd4d9c6edbe7a306b0a0"
RG_PROD = "7fc4a117a369532f4916635476c517e5"
RG_SANDBOX = "d3bf2872e24571e5480ee69f0ccdcbbc"
QUOTA = "c730bd27fe298769114becd721a89092"


def rg_crn(rg):
    return "crn:v1:bluemix:public:resource-controller::%s::resource-group:%s" % (SCOPE, rg)


def resource_groups():
    spec = [
        (RG_DEFAULT, "Default", True, "2024-01-08T09:12:51.301Z"),
        (RG_PROD, "prod", False, "2024-01-10T10:02:17.884Z"),
        (RG_SANDBOX, "sandbox", False, "2024-02-20T15:44:03.127Z"),
    ]
    out = []
    for rg, name, default, created in spec:
        out.append({
            "id": rg,
            "crn": rg_crn(rg),
            "account_id": ACCT,
            "name": name,
            "state": "ACTIVE",
            "default": default,
            "quota_id": QUOTA,
            "quota_url": "/v2/quota_definitions/" + QUOTA,
            "payment_methods_url": "/v2/resource_groups/%s/payment_methods" % rg,
            "resource_linkages": [],
            "teams_url": "/v2/resource_groups/%s/teams" % rg,
            "created_at": created,
            "updated_at": created,
        })
    return out


# guids (CRN segment 8) of the instances
I_KMS = "d79c35df-f9c0-479b-aaf5-a6b277abd473"
I_COS = "df4a01fb-7a6f-4d52-851e-28e690505e0d"
I_PG = "a7aeb56c-ddfe-4892-9641-b36ab272e1cf"
I_IKS = "cu4n7k2d0s1ho8l3rb6g"                     # IKS cluster ids are not uuids
I_LOGS = "e78136d7-b06e-4282-9a8b-baa476793b69"
I_EVENTS = "1057ecf6-1de8-40be-a4fc-4068b5ff396f"
I_SECRETS = "3c228df0-367b-4fc0-b554-0b2d6a50a7a3"
I_ASSIST = "68205863-2053-4fca-aee9-398c4815f70a"  # reached by no access-group policy
I_DELETED_KMS = "2fd3b253-3d45-4041-bba2-4fab8004f163"  # named by a policy, not in resource-instances

INSTANCES_SPEC = [
    # guid, service, region, rg, name, resource_id, plan id, created_at, created_by
    (I_KMS, "kms", "us-south", RG_PROD, "key-protect-prod", "bbc23e10-4948-4bf0-aefb-ddf6dcaad99a",
     "71d887cb-9a2c-48cd-a081-d208c51deb9b", "2024-01-12T14:22:09.418530112Z", U_PRIYA),
    (I_COS, "cloud-object-storage", "global", RG_PROD, "cos-acme-dev", "1cafa9ff-a910-45dc-a86c-5ab60e482011",
     "ee12e942-56f5-4f25-a2d2-9a4f5d74c580", "2024-01-12T14:40:51.002194877Z", U_PRIYA),
    (I_PG, "databases-for-postgresql", "eu-de", RG_PROD, "pg-orders", "databases-for-postgresql",
     "a8b0eb30-9086-407c-aedb-23138b42d4d6", "2024-05-20T09:05:33.771620045Z", U_KENJI),
    (I_IKS, "containers-kubernetes", "us-south", RG_DEFAULT, "iks-dev-cluster", "containers-kubernetes",
     "d61a2a2e-d1c4-4404-a02e-d6076b7ed27f", "2024-02-21T17:31:12.509331208Z", U_MARCUS),
    (I_LOGS, "logdna", "eu-de", RG_DEFAULT, "logs-eu-de", "83b65797-d231-413d-96ae-17d9ead2df39",
     "fdb76417-9bf9-47af-a2c8-72ada6a485d6", "2024-03-01T08:12:47.120045671Z", U_MARCUS),
    (I_EVENTS, "messagehub", "eu-de", RG_SANDBOX, "events-sandbox", "a420d021-4f3e-4894-82d0-0eba5ff671d1",
     "5b857ec7-86d0-44e3-87fc-e34b99cb4332", "2025-02-03T12:48:20.664812930Z", U_SOFIA),
    (I_SECRETS, "secrets-manager", "us-south", RG_PROD, "secrets-prod", "ce553502-9681-4dbe-a15a-58a3e849862d",
     "9db14e2d-2913-45dc-a789-fc8b8702a7cf", "2024-06-11T10:19:58.305518724Z", U_PRIYA),
    (I_ASSIST, "conversation", "eu-gb", RG_DEFAULT, "assistant-poc", "40298fcd-e308-4db4-a9c4-0c408cc290f4",
     "8dcdb176-5777-40e0-b5ac-83978cb66be3", "2025-09-15T16:02:41.987234110Z", U_DANA),
]


def instance_crn(guid):
    for g, svc, region, *_ in INSTANCES_SPEC:
        if g == guid:
            return "crn:v1:bluemix:public:%s:%s:%s:%s::" % (svc, region, SCOPE, g)
    raise KeyError(guid)


def resource_instances():
    out = []
    for guid, svc, region, rg, name, resource_id, plan, created, by in INSTANCES_SPEC:
        crn = instance_crn(guid)
        out.append({
            "id": crn,
            "guid": guid,
            "crn": crn,
            "url": "/v2/resource_instances/" + guid,
            "name": name,
            "region_id": region,
            "account_id": ACCT,
            "resource_group_id": rg,
            "resource_group_crn": rg_crn(rg),
            "resource_id": resource_id,
            "resource_plan_id": plan,
            "target_crn": "crn:v1:bluemix:public:globalcatalog::::deployment:%s%%3A%s" % (plan, region),
            "state": "active",
            "type": "service_instance",
            "sub_type": None,
            "locked": False,
            "allow_cleanup": False,
            "created_at": created,
            "created_by": by,
            "updated_at": created,
            "updated_by": by,
            "deleted_at": None,
            "deleted_by": "",
            "scheduled_reclaim_at": None,
            "restored_at": None,
            "dashboard_url": "https://cloud.ibm.com/services/%s/%s" % (svc, crn.replace(":", "%3A").replace("/", "%2F")),
            "last_operation": {
                "type": "create",
                "state": "succeeded",
                "async": False,
                "cancelable": False,
                "poll": False,
                "description": "Completed create instance operation",
                "updated_at": created,
            },
            "plan_history": [{"resource_plan_id": plan, "start_date": created}],
            "parameters": {},
            "resource_keys_url": "/v2/resource_instances/%s/resource_keys" % guid,
        })
    return out


# ---------------------------------------------------------------------------------------------------------------
# IAM Identity: service IDs, trusted profiles, API keys, settings
# ---------------------------------------------------------------------------------------------------------------
S_CI = "d5fbad9d-5f02-41b6-8169-0993a3b3d638"
S_BACKUP = "663c96bf-6312-4c16-8d83-0db72db5505c"
S_LEGACY = "903f4aee-e38c-4481-b439-596805e73fe5"
S_TERRAFORM = "f290c889-85fb-408d-b9f6-c5b7ec70c762"

SERVICE_IDS_SPEC = [
    (S_CI, "ci-deployer", "Deploys the payments service to iks-dev-cluster from the CI pipeline",
     "2024-02-21T18:02+0000", "2025-11-03T09:14+0000", "1-4e1c0b9d2a7f4c3e8b6a5d0f1e2c3b4a"),
    (S_BACKUP, "backup-agent", "Nightly pg-orders dumps to object storage",
     "2024-05-21T07:30+0000", "2024-05-21T07:30+0000", "1-9a3f6e2d1c0b4a5e8d7c6b5a4f3e2d1c"),
    (S_LEGACY, "legacy-monitoring", "Old Sysdig agent, replaced in 2025 (to be deleted?)",
     "2024-03-15T11:05+0000", "2024-09-02T16:48+0000", "2-0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e"),
    (S_TERRAFORM, "terraform-sandbox", "Terraform workspace for the sandbox resource group",
     "2025-02-03T12:10+0000", "2025-02-03T12:10+0000", "1-7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f"),
]


def sid_iam(sid):
    return "iam-ServiceId-" + sid


def sid_name(sid):
    return [s for s in SERVICE_IDS_SPEC if s[0] == sid][0][1]


def service_ids():
    out = []
    for sid, name, desc, created, modified, etag in SERVICE_IDS_SPEC:
        out.append({
            "id": "ServiceId-" + sid,
            "iam_id": sid_iam(sid),
            "entity_tag": etag,
            "crn": "crn:v1:bluemix:public:iam-identity::%s::serviceid:ServiceId-%s" % (SCOPE, sid),
            "locked": False,
            "created_at": created,
            "modified_at": modified,
            "account_id": ACCT,
            "name": name,
            "description": desc,
            "unique_instance_crns": [],
            "history": [],
        })
    return out


TP_FED = "5f9cfc1d-a71d-4bd4-80ba-734232c1e990"
TP_IKS = "8d6b7298-9143-436b-907f-23505092b7a1"
IDP = "https://sso.acme.example.com/saml2/idp/metadata"


def tp_iam(p):
    return "iam-Profile-" + p


def trusted_profiles():
    spec = [
        (TP_FED, "federated-developers", "Developers signing in through the Acme SAML IdP",
         "2024-04-02T09:41+0000", "2025-08-19T13:27+0000", "3-2c4e6a8b0d1f3a5c7e9b1d3f5a7c9e1b"),
        (TP_IKS, "iks-payments-workload", "Pods of the payments namespace on iks-dev-cluster read their secrets",
         "2024-06-12T08:55+0000", "2024-06-12T09:03+0000", "2-8f6d4b2a0e9c7a5b3d1f9e7c5a3b1d9f"),
    ]
    out = []
    for pid, name, desc, created, modified, etag in spec:
        out.append({
            "id": "Profile-" + pid,
            "iam_id": tp_iam(pid),
            "entity_tag": etag,
            "crn": "crn:v1:bluemix:public:iam-identity::%s::profile:Profile-%s" % (SCOPE, pid),
            "name": name,
            "description": desc,
            "created_at": created,
            "modified_at": modified,
            "account_id": ACCT,
            "ims_account_id": 2871634,
            "ims_user_id": 0,
        })
    return out


def trusted_profile_links():
    return {
        "Profile-" + TP_FED: [],
        "Profile-" + TP_IKS: [{
            "id": "ProfileLink-70700712-9166-4314-94bd-fcea376fa0c5",
            "entity_tag": "1-5b3d1f9e7c5a3b1d9f8e6c4a2b0d8f6e",
            "created_at": "2024-06-12T09:03+0000",
            "modified_at": "2024-06-12T09:03+0000",
            "name": "payments-secrets-reader",
            "cr_type": "IKS_SA",
            "is_cross_account": False,
            "link": {
                "crn": instance_crn(I_IKS),
                "namespace": "payments",
                "name": "secrets-reader",
            },
        }],
    }


def trusted_profile_rules():
    return {
        "Profile-" + TP_FED: [{
            "id": "ClaimRule-16da6fae-c9a8-47b7-a715-74473e23fb8b",
            "entity_tag": "1-1a3c5e7b9d0f2a4c6e8b0d2f4a6c8e0b",
            "created_at": "2024-04-02T09:44+0000",
            "modified_at": "2025-08-19T13:27+0000",
            "name": "cloud-dev group members",
            "type": "Profile-SAML",
            "realm_name": IDP,
            "expiration": 43200,
            "conditions": [
                {"claim": "groups", "operator": "CONTAINS", "value": "\"cloud-dev\""},
                {"claim": "employeeType", "operator": "NOT_EQUALS_IGNORE_CASE", "value": "\"contractor\""},
            ],
        }],
        "Profile-" + TP_IKS: [],
    }


def trusted_profile_identities():
    return {
        "Profile-" + TP_FED: [],
        "Profile-" + TP_IKS: [{
            "iam_id": U_MARCUS,
            "identifier": U_MARCUS,
            "type": "user",
            "accounts": [ACCT],
            "description": "SRE on call may assume the workload profile to debug secret access",
        }],
    }


def api_keys():
    spec = [
        # uuid, name, description, owner iam_id, created_at, created_by, modified_at, expires_at or None
        ("5efcf880-84b9-4cc1-ade4-68caf5365c92", "dana-cli", "Owner's personal CLI key", U_DANA,
         "2024-01-08T09:30+0000", U_DANA, "2024-01-08T09:30+0000", None),
        ("a351f0a3-d738-4239-ab0c-a366dcf1adbb", "marcus-terraform", "Local terraform runs", U_MARCUS,
         "2025-04-14T12:11+0000", U_MARCUS, "2025-04-14T12:11+0000", "2026-04-14T12:11+0000"),
        ("4d335208-e821-43db-b28b-c86c33475e8d", "ci-deployer-key", "Used by the CI pipeline", sid_iam(S_CI),
         "2024-02-21T18:05+0000", U_MARCUS, "2025-11-03T09:14+0000", "2027-02-21T18:05+0000"),
        ("84ec8f3a-e00b-4896-8c19-7471da869858", "backup-agent-key", "", sid_iam(S_BACKUP),
         "2024-05-21T07:34+0000", U_KENJI, "2024-05-21T07:34+0000", None),
        ("0589f172-5176-4991-94a2-562783e12fd8", "sysdig-agent", "Still configured on the old VM?",
         sid_iam(S_LEGACY), "2024-03-15T11:07+0000", U_PRIYA, "2024-03-15T11:07+0000", None),
    ]
    out = []
    for kid, name, desc, owner, created, by, modified, expires in spec:
        item = {
            "id": "ApiKey-" + kid,
            "entity_tag": "1-" + kid.replace("-", "")[:32],
            "crn": "crn:v1:bluemix:public:iam-identity::%s::apikey:ApiKey-%s" % (SCOPE, kid),
            "name": name,
            "description": desc,
            "iam_id": owner,
            "account_id": ACCT,
            "created_at": created,
            "created_by": by,
            "modified_at": modified,
            "locked": False,
            "disabled": False,
            "action_when_leaked": "disable",
            "support_sessions": False,
            # listings carry the property without the secret
            "apikey": "",
            "leaked": False,
        }
        if expires is not None:
            item["expires_at"] = expires
        out.append(item)
    return out


def identity_settings():
    return {
        "account_id": ACCT,
        "entity_tag": "4-6d2b9f0e1a3c5e7b9d1f3a5c7e9b1d3f",
        "restrict_create_service_id": "NOT_SET",
        "restrict_create_platform_apikey": "NOT_SET",
        "allowed_ip_addresses": "",
        "mfa": "NONE",
        "user_mfa": [{"iam_id": U_DANA, "mfa": "TOTP"}],
        "session_expiration_in_seconds": "NOT_SET",
        "session_invalidation_in_seconds": "NOT_SET",
        "max_sessions_per_identity": "NOT_SET",
        "system_access_token_expiration_in_seconds": "NOT_SET",
        "system_refresh_token_expiration_in_seconds": "NOT_SET",
        "restrict_user_list_visibility": "NOT_RESTRICTED",
        "restrict_user_domains": [],
    }


def effective_identity_settings():
    """The settings in effect are the account's own; the assigned account-settings template (SEEDS.md, enterprise-
    managed IAM) sets one of them to the same value."""
    own = identity_settings()
    effective = {k: v for k, v in own.items() if k not in ("account_id", "entity_tag")}
    assigned = {"template_id": AST_BASELINE, "template_version": 2, "template_name": "Acme baseline",
                "restrict_user_list_visibility": "NOT_RESTRICTED"}
    return {"account_id": ACCT, "effective": effective, "account": own, "assigned_templates": [assigned]}


def access_management_settings():
    """Identities of other accounts may interact with this one, except services (limited to none)."""
    enabled = {"state": "enabled", "external_allowed_accounts": []}
    return {"external_account_identity_interaction": {"identity_types": {
        "user": enabled, "service_id": enabled, "service": {"state": "limited", "external_allowed_accounts": []}}}}


# ---------------------------------------------------------------------------------------------------------------
# Access groups
# ---------------------------------------------------------------------------------------------------------------
G_PUBLIC = "AccessGroupId-PublicAccess"
G_ADMINS = "AccessGroupId-b02c743c-4a1e-4643-9e19-484ee4b1a9f0"
G_DEV = "AccessGroupId-9e906054-2f34-471c-a8d1-080849987ba2"
G_DATA = "AccessGroupId-a7b91443-5cba-49d5-b48b-f7f295fbac2a"
G_SUPPORT = "AccessGroupId-75465a82-a3c6-4246-8f9e-b666880bff36"
G_AUDIT = "AccessGroupId-dfaffba2-ed80-401a-9487-e56934360196"


def access_groups():
    spec = [
        (G_PUBLIC, "Public Access", "Access for all users, including unauthenticated ones", False,
         "2024-01-08T09:12:00Z", U_DANA, "2024-01-08T09:12:00Z", U_DANA),
        (G_ADMINS, "Admins", "Account administrators", False,
         "2024-01-09T14:10:00Z", U_DANA, "2024-01-10T10:05:00Z", U_DANA),
        (G_DEV, "Developers", "Application developers: sandbox, dev cluster, logs", False,
         "2024-02-20T15:50:00Z", U_DANA, "2025-08-19T13:30:00Z", U_PRIYA),
        (G_DATA, "Data Engineers", "Data platform team (members come from the IdP group data-eng)", True,
         "2024-05-13T02:30:00Z", U_PRIYA, "2025-01-27T10:00:00Z", U_PRIYA),
        (G_SUPPORT, "Support Staff", "Opens and follows IBM support cases", False,
         "2024-07-01T08:00:00Z", U_PRIYA, "2024-07-01T08:02:00Z", U_PRIYA),
        (G_AUDIT, "Auditors", "Quarterly access reviewers <b>html</b> & \"quotes\" — policies still to be approved",
         False, "2025-03-10T08:00:00Z", U_DANA, "2025-06-02T13:45:00Z", U_DANA),
    ]
    return [group_item(*g) for g in spec]


def group_item(gid, name, desc, federated, created, by, modified, mby):
    return {
        "id": gid,
        "name": name,
        "description": desc,
        "account_id": ACCT,
        "created_at": created,
        "created_by_id": by,
        "last_modified_at": modified,
        "last_modified_by_id": mby,
        "href": "%s/v2/groups/%s" % (IAM, gid),
        "is_federated": federated,
    }


def member(gid, kind, who, membership="static", created="2024-01-01T00:00:00Z", by=U_DANA, expires=None):
    item = {
        "iam_id": who,
        "type": kind,
        "membership_type": membership,
        "href": "%s/v2/groups/%s/members/%s" % (IAM, gid, who),
        "created_at": created,
        "created_by_id": by,
    }
    if kind == "user":
        item["name"] = user_name(who)
        item["email"] = user_email(who)
        item["description"] = ""
    elif kind == "service":
        sid = who[len("iam-ServiceId-"):]
        item["name"] = sid_name(sid)
        item["description"] = [s for s in SERVICE_IDS_SPEC if s[0] == sid][0][2]
    elif kind == "profile":
        item["name"] = "federated-developers"
        item["description"] = "Developers signing in through the Acme SAML IdP"
    if expires is not None:
        item["expires_at"] = expires
    return item


def access_group_members():
    return {
        G_PUBLIC: [],
        G_ADMINS: [
            member(G_ADMINS, "user", U_DANA, created="2024-01-09T14:11:00Z"),
            member(G_ADMINS, "user", U_PRIYA, created="2024-01-09T14:11:00Z"),
        ],
        G_DEV: [
            member(G_DEV, "user", U_MARCUS, created="2024-02-20T15:52:00Z"),
            member(G_DEV, "user", U_BOB, created="2024-03-04T16:25:00Z", by=U_PRIYA),
            member(G_DEV, "user", U_SOFIA, created="2024-04-22T11:40:00Z", by=U_PRIYA),
            member(G_DEV, "service", sid_iam(S_TERRAFORM), created="2025-02-03T12:12:00Z", by=U_SOFIA),
            member(G_DEV, "profile", tp_iam(TP_FED), created="2025-08-19T13:30:00Z", by=U_PRIYA),
        ],
        G_DATA: [
            member(G_DATA, "user", U_KENJI, created="2024-05-13T02:31:00Z", by=U_PRIYA),
            member(G_DATA, "service", sid_iam(S_BACKUP), created="2024-05-21T07:36:00Z", by=U_KENJI),
            # expired 18 minutes before the snapshot: lapsed until Amara's next federated login
            member(G_DATA, "user", U_AMARA, membership="dynamic", created="2026-11-19T20:42:00Z",
                   by="ClaimRule-4884e40d-6396-4d91-8621-2f78093773ba", expires="2026-11-20T08:42:00Z"),
            member(G_DATA, "user", U_SOFIA, membership="dynamic", created="2026-11-19T21:05:00Z",
                   by="ClaimRule-4884e40d-6396-4d91-8621-2f78093773ba", expires="2026-11-20T09:05:00Z"),
        ],
        G_SUPPORT: [],
        G_AUDIT: [
            member(G_AUDIT, "user", U_LENA, created="2025-03-10T08:05:00Z"),
            member(G_AUDIT, "user", U_TOMAS, created="2025-06-02T13:45:00Z"),
        ],
    }


def access_group_rules():
    return {
        G_PUBLIC: [],
        G_ADMINS: [],
        G_DEV: [],
        G_DATA: [{
            "id": "ClaimRule-4884e40d-6396-4d91-8621-2f78093773ba",
            "name": "IdP group data-eng",
            "expiration": 12,
            "realm_name": IDP,
            "access_group_id": G_DATA,
            "account_id": ACCT,
            "conditions": [{"claim": "groups", "operator": "CONTAINS", "value": "\"data-eng\""}],
            "created_at": "2025-01-27T09:58:00Z",
            "created_by_id": U_PRIYA,
            "last_modified_at": "2025-01-27T09:58:00Z",
            "last_modified_by_id": U_PRIYA,
        }],
        G_SUPPORT: [],
        G_AUDIT: [],
    }


def access_group_settings():
    return {
        "account_id": ACCT,
        "last_modified_at": "2024-01-08T09:12:00Z",
        "last_modified_by_id": U_DANA,
        "public_access_enabled": True,
    }


# ---------------------------------------------------------------------------------------------------------------
# Roles
# ---------------------------------------------------------------------------------------------------------------
def platform(name):
    return "crn:v1:bluemix:public:iam::::role:" + name


def service_role(name, service=None):
    if service is None:
        return "crn:v1:bluemix:public:iam::::serviceRole:" + name
    return "crn:v1:bluemix:public:%s::::serviceRole:%s" % (service, name)


def custom(name):
    return "crn:v1:ibmcloud:public:iam-access-management::%s::customRole:%s" % (SCOPE, name)


R_KEY_ROTATOR_ID = "04180af0-9f63-4cd8-9e49-9bb966d1bd66"
R_BUCKET_JANITOR_ID = "eb2c97c2-ae9c-4105-aa79-7044eb1b5f4c"


def plain_role(t):
    crn, display, desc, actions = t
    return {"crn": crn, "display_name": display, "description": desc, "actions": actions}


def roles_plain_system():
    return [plain_role(t) for t in SYSTEM_ROLES_SPEC]


SYSTEM_ROLES_SPEC = [
    (platform("Viewer"), "Viewer", "As a viewer, you can view service instances, but you can't modify them.",
     ["iam.policy.read", "resource-controller.instance.retrieve", "resource-controller.group.retrieve"]),
    (platform("Operator"), "Operator",
     "As an operator, you can perform platform actions required to configure and operate service instances, "
     "such as viewing a service's dashboard.",
     ["iam.policy.read", "resource-controller.instance.retrieve", "resource-controller.credential.retrieve"]),
    (platform("Editor"), "Editor",
     "As an editor, you can perform all platform actions except for managing the account and assigning access "
     "policies.",
     ["iam.policy.read", "resource-controller.instance.create", "resource-controller.instance.update",
      "resource-controller.instance.delete", "resource-controller.instance.retrieve"]),
    (platform("Administrator"), "Administrator",
     "As an administrator, you can perform all platform actions based on the resource this role is being "
     "assigned, including assigning access policies to other users.",
     ["iam.policy.create", "iam.policy.read", "iam.policy.update", "iam.policy.delete",
      "resource-controller.instance.create", "resource-controller.instance.delete",
      "resource-controller.instance.retrieve", "resource-controller.instance.update"]),
]


def roles():
    service = [
        (service_role("Reader"), "Reader", "As a reader, you can perform read-only actions within a service such as "
         "viewing service-specific resources.", ["kms.secrets.list", "cloud-object-storage.object.get"]),
        (service_role("Writer"), "Writer", "As a writer, you have permissions beyond the reader role, including "
         "creating and editing service-specific resources.",
         ["kms.secrets.create", "cloud-object-storage.object.put"]),
        (service_role("Manager"), "Manager", "As a manager, you have permissions beyond the writer role to complete "
         "privileged actions as defined by the service. In addition, you can create and edit service-specific "
         "resources.", ["kms.secrets.delete", "cloud-object-storage.bucket.put_bucket"]),
        (service_role("ReaderPlus", "kms"), "ReaderPlus", "As a ReaderPlus, you can browse keys and retrieve the "
         "payload of standard keys.", ["kms.secrets.list", "kms.secrets.read", "kms.secrets.readmetadata"]),
        (service_role("KeyPurge", "kms"), "KeyPurge", "As a KeyPurge, you can purge deleted keys.",
         ["kms.secrets.purge"]),
        (service_role("ContentReader", "cloud-object-storage"), "Content Reader",
         "As a Content Reader, you can read and list objects in the bucket.",
         ["cloud-object-storage.object.get", "cloud-object-storage.bucket.get"]),
        (service_role("ObjectReader", "cloud-object-storage"), "Object Reader",
         "As an Object Reader, you can read objects but not list them.", ["cloud-object-storage.object.get"]),
        (service_role("SecretsReader", "secrets-manager"), "SecretsReader",
         "As a SecretsReader, you can view secrets and read their values.",
         ["secrets-manager.secret.read", "secrets-manager.secrets.list"]),
    ]
    customs = [
        (R_KEY_ROTATOR_ID, "KeyRotator", "Key Rotator", "Rotate and inspect keys, nothing else", "kms",
         ["kms.secrets.rotate", "kms.secrets.list", "kms.secrets.readmetadata"],
         "2025-06-12T08:14:22.512Z", U_PRIYA),
        (R_BUCKET_JANITOR_ID, "BucketJanitor", "Bucket Janitor", "Delete stale objects (drafted, not used yet)",
         "cloud-object-storage",
         ["cloud-object-storage.object.delete", "cloud-object-storage.bucket.list_bucket_crn"],
         "2026-02-03T10:41:07.088Z", U_MARCUS),
    ]

    return {
        "system_roles": sorted(roles_plain_system(), key=lambda r: r["crn"]) + escalation_system_roles(),
        "service_roles": sorted([plain_role(t) for t in service], key=lambda r: r["crn"]),
        "custom_roles": sorted([{
            "id": rid,
            "name": name,
            "display_name": display,
            "description": desc,
            "account_id": ACCT,
            "service_name": svc,
            "actions": actions,
            "crn": custom(name),
            "created_at": created,
            "created_by_id": by,
            "last_modified_at": created,
            "last_modified_by_id": by,
            "href": "%s/v2/roles/%s" % (IAM, rid),
        } for rid, name, display, desc, svc, actions, created, by in customs], key=lambda r: r["crn"]),
    }


# ---------------------------------------------------------------------------------------------------------------
# Policies
# ---------------------------------------------------------------------------------------------------------------
def eq(key, value):
    return {"key": key, "operator": "stringEquals", "value": value}


def v2_policy(pid, subject_key, subject_value, role_crns, attrs, description, created, by,
              rule=None, pattern=None, ptype="access", subject_attrs=None):
    item = {
        "id": pid,
        "type": ptype,
        "description": description,
        "state": "active",
        "subject": {"attributes": subject_attrs if subject_attrs is not None else [eq(subject_key, subject_value)]},
        "control": {"grant": {"roles": [{"role_id": r} for r in role_crns]}},
        "resource": {"attributes": [eq("accountId", ACCT)] + attrs},
        "href": "%s/v2/policies/%s" % (IAM, pid),
        "created_at": created,
        "created_by_id": by,
        "last_modified_at": created,
        "last_modified_by_id": by,
    }
    if rule is not None:
        item["rule"] = rule
    if pattern is not None:
        item["pattern"] = pattern
    return item


P_OWNER_ALL = "a649fa2d-f255-4961-a84c-564cc92e4764"
P_ADM_ACCTMGMT = "3b8c4178-4a85-482a-a829-e097f3080ae1"
P_ADM_PROD = "5a6cc785-de02-46d3-b920-446068a72ec2"
P_ADM_RG_VIEW = "7b35a8a6-b521-4da3-a467-3b2d9556c7d5"
P_DEV_SANDBOX = "a10d2039-ed7a-4d50-9cc0-1e85e5747c5d"
P_DEV_IKS = "5715c45f-c291-42fa-9814-ba34897e680c"
P_DEV_LOGS = "1b3d3740-14d0-4338-bcc1-5f5d6a514846"
P_DEV_WILDCARD = "42aedd1b-d42b-42b1-9393-cb1056682a88"
P_DATA_PG = "ad405730-cc56-4023-8235-0e5fc69cf878"
P_DATA_TIME = "e71feda1-f954-4414-b1b8-2e36711a5e1a"
P_DATA_KMS = "01337252-83c4-4207-b78d-8c6e8a042fea"
P_DATA_CUSTOM = "35f452b8-1079-4dcf-9a77-217fc22f1e20"
P_DATA_DELETED = "b85ec231-c54c-4ef3-80c6-db51fae1787f"
P_PUBLIC = "30ea760d-f08e-4927-895a-e70345602204"
P_SUPPORT = "f6427bbc-4704-4347-b57a-d7a85e1e3723"
P_JORDAN = "198a0f5e-4d1a-4724-99f5-96f82ad596c6"
P_SID_CI = "9d539e6b-280c-4507-8c60-c5fca7fb5718"
P_TP_IKS = "42361702-7f6c-4c18-8bc1-9b304fbf6bc3"
P_TP_FED = "779a01a3-39cc-4a58-9cfa-bfe1c849ae93"
P_V1_DEV_EVENTS = "dca5fa75-7662-4668-9a9d-0cf68dc62780"
P_AUTH_COS_KMS = "5f637fdd-e800-4a4d-8293-47e9985fda55"

AG = "access_group_id"
IAMID = "iam_id"


def access_policies():
    ps = [
        # direct user policy: the owner holds Administrator + Manager on all IAM-enabled services
        v2_policy(P_OWNER_ALL, IAMID, U_DANA, [platform("Administrator"), service_role("Manager")],
                  [eq("serviceType", "service")],
                  "Owner: all IAM-enabled services", "2024-01-08T09:20:13.114Z", U_DANA),
        # Admins: all account management services
        v2_policy(P_ADM_ACCTMGMT, AG, G_ADMINS, [platform("Administrator")],
                  [eq("serviceType", "platform_service")],
                  "Admins: all account management services", "2024-01-09T14:12:40.310Z", U_DANA),
        # Admins: everything in resource group prod
        v2_policy(P_ADM_PROD, AG, G_ADMINS, [platform("Administrator"), service_role("Manager")],
                  [eq("resourceGroupId", RG_PROD)],
                  "Admins: all services in prod", "2024-01-10T10:04:55.902Z", U_DANA),
        # Admins: see resource group prod itself
        v2_policy(P_ADM_RG_VIEW, AG, G_ADMINS, [platform("Viewer")],
                  [eq("resourceType", "resource-group"), eq("resource", RG_PROD)],
                  "Admins: view resource group prod", "2024-01-10T10:05:12.033Z", U_DANA),
        # Developers: everything in resource group sandbox
        v2_policy(P_DEV_SANDBOX, AG, G_DEV, [platform("Editor"), service_role("Writer")],
                  [eq("resourceGroupId", RG_SANDBOX)],
                  "Developers: all services in sandbox", "2024-02-20T15:55:31.640Z", U_DANA),
        # Developers: one service across the account, in one region
        v2_policy(P_DEV_IKS, AG, G_DEV, [platform("Operator"), service_role("Writer")],
                  [eq("serviceName", "containers-kubernetes"), eq("region", "us-south")],
                  "Developers: Kubernetes clusters in us-south", "2024-02-21T17:40:02.219Z", U_PRIYA),
        # Developers: one service across the account, all regions
        v2_policy(P_DEV_LOGS, AG, G_DEV, [service_role("Reader")],
                  [eq("serviceName", "logdna")],
                  "Developers: read logs", "2024-03-01T08:20:44.507Z", U_PRIYA),
        # Developers: wildcard on bucket names
        v2_policy(P_DEV_WILDCARD, AG, G_DEV, [service_role("Writer")],
                  [eq("serviceName", "cloud-object-storage"), eq("serviceInstance", I_COS),
                   eq("resourceType", "bucket"),
                   {"key": "resource", "operator": "stringMatch", "value": "dev-*"}],
                  "Developers: write to dev-* buckets", "2025-04-14T12:30:18.771Z", U_PRIYA,
                  pattern="attribute-based-condition:resource:literal-and-wildcard"),
        # Data Engineers: one service inside one resource group
        v2_policy(P_DATA_PG, AG, G_DATA, [platform("Viewer"), service_role("Reader")],
                  [eq("serviceName", "databases-for-postgresql"), eq("resourceGroupId", RG_PROD)],
                  "Data Engineers: PostgreSQL in prod", "2024-05-13T02:35:09.880Z", U_PRIYA),
        # Data Engineers: time-based access to Event Streams, office hours on weekdays
        v2_policy(P_DATA_TIME, AG, G_DATA, [service_role("Writer")],
                  [eq("serviceName", "messagehub")],
                  "Data Engineers: Event Streams, weekdays 09-17 UTC", "2025-02-03T13:02:57.415Z", U_SOFIA,
                  rule={"operator": "and", "conditions": [
                      {"key": "{{environment.attributes.day_of_week}}", "operator": "dayOfWeekAnyOf",
                       "value": ["1+00:00", "2+00:00", "3+00:00", "4+00:00", "5+00:00"]},
                      {"key": "{{environment.attributes.current_time}}", "operator": "timeGreaterThanOrEquals",
                       "value": "09:00:00+00:00"},
                      {"key": "{{environment.attributes.current_time}}", "operator": "timeLessThanOrEquals",
                       "value": "17:00:00+00:00"},
                  ]},
                  pattern="time-based-conditions:weekly:custom-hours"),
        # Data Engineers: one instance
        v2_policy(P_DATA_KMS, AG, G_DATA, [service_role("Reader")],
                  [eq("serviceName", "kms"), eq("serviceInstance", I_KMS)],
                  "Data Engineers: read keys of key-protect-prod", "2024-05-20T09:20:41.006Z", U_PRIYA),
        # Data Engineers: custom role on the same instance
        v2_policy(P_DATA_CUSTOM, AG, G_DATA, [custom("KeyRotator")],
                  [eq("serviceName", "kms"), eq("serviceInstance", I_KMS)],
                  "Data Engineers: rotate keys of key-protect-prod", "2025-06-12T08:20:03.771Z", U_PRIYA),
        # Data Engineers: an instance that no longer exists
        v2_policy(P_DATA_DELETED, AG, G_DATA, [service_role("Manager")],
                  [eq("serviceName", "kms"), eq("serviceInstance", I_DELETED_KMS)],
                  "Data Engineers: key-protect-staging (deleted in March)", "2024-08-07T11:48:29.134Z", U_KENJI),
        # Public Access: anyone, unauthenticated included, reads one bucket
        v2_policy(P_PUBLIC, AG, G_PUBLIC, [service_role("ContentReader", "cloud-object-storage")],
                  [eq("serviceName", "cloud-object-storage"), eq("serviceInstance", I_COS),
                   eq("resourceType", "bucket"), eq("resource", "public-assets")],
                  "Public website assets", "2024-09-23T19:03:11.452Z", U_MARCUS),
        # Support Staff: never used (the group is empty)
        v2_policy(P_SUPPORT, AG, G_SUPPORT, [platform("Editor")],
                  [eq("serviceName", "support")],
                  "Support Staff: support cases", "2024-07-01T08:01:30.000Z", U_PRIYA),
        # direct user policy: a contractor, outside every group
        v2_policy(P_JORDAN, IAMID, U_JORDAN, [platform("Viewer"), service_role("Reader")],
                  [eq("serviceName", "databases-for-postgresql"), eq("serviceInstance", I_PG)],
                  "Contractor: read pg-orders", "2026-10-30T15:30:52.218Z", U_KENJI),
        # service ID with its own policy
        v2_policy(P_SID_CI, IAMID, sid_iam(S_CI), [platform("Operator"), service_role("Writer")],
                  [eq("serviceName", "containers-kubernetes"), eq("serviceInstance", I_IKS)],
                  "CI deploys to iks-dev-cluster", "2024-02-21T18:06:37.590Z", U_MARCUS),
        # trusted profiles with their own policies
        v2_policy(P_TP_IKS, IAMID, tp_iam(TP_IKS), [service_role("SecretsReader", "secrets-manager")],
                  [eq("serviceName", "secrets-manager"), eq("serviceInstance", I_SECRETS)],
                  "Payments pods read their secrets", "2024-06-12T09:05:26.871Z", U_PRIYA),
        v2_policy(P_TP_FED, IAMID, tp_iam(TP_FED), [platform("Viewer"), service_role("Reader")],
                  [eq("serviceName", "logdna"), eq("region", "eu-de")],
                  "Federated developers read EU logs", "2024-04-02T09:50:14.300Z", U_PRIYA),
    ]
    # A v1-only item (v2 did not return it): kept raw, v1 shape.
    ps.append({
        "id": P_V1_DEV_EVENTS,
        "type": "access",
        "description": "Developers: view Event Streams in eu-de (created with the v1 API)",
        "subjects": [{"attributes": [{"name": "access_group_id", "value": G_DEV}]}],
        "roles": [{
            "role_id": platform("Viewer"),
            "display_name": "Viewer",
            "description": "As a viewer, you can view service instances, but you can't modify them.",
        }],
        "resources": [{"attributes": [
            {"name": "accountId", "operator": "stringEquals", "value": ACCT},
            {"name": "serviceName", "value": "messagehub"},
            {"name": "region", "value": "eu-de"},
        ]}],
        "href": "%s/v1/policies/%s" % (IAM, P_V1_DEV_EVENTS),
        "created_at": "2023-11-29T10:11:12.131Z",
        "created_by_id": U_DANA,
        "last_modified_at": "2023-11-29T10:11:12.131Z",
        "last_modified_by_id": U_DANA,
        "state": "active",
    })
    return sorted(ps, key=lambda p: p["id"])


def authorization_policies():
    p = v2_policy(
        P_AUTH_COS_KMS, None, None, [service_role("Reader")],
        [eq("serviceName", "kms"), eq("serviceInstance", I_KMS)],
        "cos-acme-dev encrypts buckets with keys from key-protect-prod", "2024-01-12T15:02:44.519Z", U_PRIYA,
        ptype="authorization",
        subject_attrs=[eq("serviceName", "cloud-object-storage"), eq("accountId", ACCT),
                       eq("serviceInstance", I_COS)])
    return [p]


def policy_usage():
    return {
        P_OWNER_ALL: {"last_permit_at": "2026-11-19T17:41:08.332Z", "last_permit_frequency": 1184},
        P_ADM_ACCTMGMT: {"last_permit_at": "2026-11-18T10:02:51.907Z", "last_permit_frequency": 212},
        P_ADM_PROD: {"last_permit_at": "2026-11-20T07:55:30.046Z", "last_permit_frequency": 3391},
        P_ADM_RG_VIEW: {"last_permit_at": "2026-11-20T07:55:29.981Z", "last_permit_frequency": 640},
        P_DEV_SANDBOX: {"last_permit_at": "2026-11-19T15:12:07.518Z", "last_permit_frequency": 2047},
        P_DEV_IKS: {"last_permit_at": "2026-11-20T08:31:44.209Z", "last_permit_frequency": 5210},
        P_DEV_LOGS: {"last_permit_at": "2026-11-17T12:20:02.665Z", "last_permit_frequency": 318},
        P_DEV_WILDCARD: {"last_permit_at": "2026-10-02T09:14:55.120Z", "last_permit_frequency": 41},
        P_DATA_PG: {"last_permit_at": "2026-11-19T22:03:18.774Z", "last_permit_frequency": 906},
        P_DATA_TIME: {"last_permit_at": "2026-11-18T16:47:39.002Z", "last_permit_frequency": 77},
        P_DATA_KMS: {"last_permit_at": "2026-08-11T13:09:26.441Z", "last_permit_frequency": 19},
        P_DATA_CUSTOM: {"last_permit_at": "2026-09-30T08:00:12.915Z", "last_permit_frequency": 6},
        P_DATA_DELETED: {"last_permit_at": "2026-02-27T17:35:50.683Z", "last_permit_frequency": 133},
        P_PUBLIC: {"last_permit_at": "2026-11-20T08:59:58.301Z", "last_permit_frequency": 48215},
        P_JORDAN: {"last_permit_at": "2026-11-14T11:26:37.540Z", "last_permit_frequency": 3},
        P_SID_CI: {"last_permit_at": "2026-11-20T08:12:03.876Z", "last_permit_frequency": 7432},
        P_TP_IKS: {"last_permit_at": "2026-11-20T08:58:41.127Z", "last_permit_frequency": 20411},
        P_TP_FED: {"last_permit_at": "2026-07-21T14:45:09.338Z", "last_permit_frequency": 12},
        P_V1_DEV_EVENTS: {"last_permit_at": "2025-05-06T10:37:21.054Z", "last_permit_frequency": 4},
        P_AUTH_COS_KMS: {"last_permit_at": "2026-11-20T08:40:16.772Z", "last_permit_frequency": 96540},
        # P_SUPPORT: never used, so no entry
    }


# ---------------------------------------------------------------------------------------------------------------
# Privilege escalation seeds (SEEDS.md, "privilege escalation"): kept together so other seeds merge cleanly.
# Per-service system roles carry the actions IBM documents for IAM Access Groups and IAM Identity
# (https://cloud.ibm.com/docs/account?topic=account-iam-service-roles-actions).
# ---------------------------------------------------------------------------------------------------------------
S_BREAKGLASS = "b41c3a57-6e0d-4f2a-9c8b-1d7e5f3a9b20"
SERVICE_IDS_SPEC.append(
    (S_BREAKGLASS, "break-glass-admin", "Emergency automation, member of Admins (key created on demand)",
     "2025-09-15T10:00+0000", "2025-09-15T10:00+0000", "1-3d5f7a9b1c3e5a7c9e1b3d5f7a9c1e3b"))
G_ACCESS_MGRS = "AccessGroupId-c3d1e2f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
G_REVIEWERS = "AccessGroupId-e8f7a6b5-c4d3-4e2f-9a1b-7c6d5e4f3a2b"
G_KEY_CUSTODIANS = "AccessGroupId-f1e2d3c4-b5a6-4978-8a6b-5c4d3e2f1a0b"
P_ESC_ADMINS_MEMBERS = "c0a1e5b2-7d3f-4e8a-9b6c-2f1d0e9a8b71"
P_ESC_REVIEW_GROUPS = "d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f72"
P_ESC_CI_KEYS = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a73"
P_ESC_TF_ALL = "f7e6d5c4-b3a2-4f1e-9d8c-7b6a5f4e3d74"
P_ESC_TP_GROUPS = "a9b8c7d6-e5f4-4a3b-8c2d-1e0f9a8b7c75"
P_ESC_KMS_ADMIN = "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d76"
P_ESC_CUSTODIANS = "c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e77"

IAM_GROUPS_READ = ["iam-groups.groups.read", "iam-groups.groups.list", "iam-groups.members.read",
                   "iam-groups.members.list", "iam-groups.rules.read", "iam-groups.rules.list",
                   "iam-groups.groups.audit", "iam-groups.account-settings.read"]
IAM_GROUPS_EDIT = IAM_GROUPS_READ + ["iam-groups.groups.create", "iam-groups.groups.update",
                                     "iam-groups.groups.delete", "iam-groups.members.add",
                                     "iam-groups.members.delete", "iam-groups.rules.create",
                                     "iam-groups.rules.update", "iam-groups.rules.delete"]
IAM_IDENTITY_EDIT = ["iam-identity.serviceid.get", "iam-identity.serviceid.update", "iam-identity.apikey.get",
                     "iam-identity.apikey.list", "iam-identity.apikey.update"]
IAM_IDENTITY_OPERATE = IAM_IDENTITY_EDIT + ["iam-identity.serviceid.create", "iam-identity.serviceid.delete",
                                            "iam-identity.apikey.create", "iam-identity.apikey.delete"]


def escalation_system_roles():
    """System roles as /v2/roles?service_name=... lists them: their actions on that service."""
    spec = [
        ("iam-groups", "Viewer", IAM_GROUPS_READ),
        ("iam-groups", "Editor", IAM_GROUPS_EDIT),
        ("iam-groups", "Administrator", IAM_GROUPS_EDIT + ["iam-groups.account-settings.update"]),
        ("iam-identity", "Viewer", ["iam-identity.serviceid.get"]),
        ("iam-identity", "Editor", IAM_IDENTITY_EDIT),
        ("iam-identity", "Operator", IAM_IDENTITY_OPERATE),
        ("iam-identity", "Administrator", IAM_IDENTITY_OPERATE + ["iam-identity.apikey.manage"]),
    ]
    plain = {r["crn"]: r for r in roles_plain_system()}
    return [dict(plain[platform(name)], actions=actions, service_name=svc) for svc, name, actions in spec]


def escalation_access_groups():
    return [
        group_item(G_ACCESS_MGRS, "Access Managers", "Onboards people into the admin team", False,
                   "2025-09-15T10:05:00Z", U_PRIYA, "2025-09-15T10:05:00Z", U_PRIYA),
        group_item(G_REVIEWERS, "Group Reviewers", "Reviews who is in which group (read only)", False,
                   "2025-09-15T10:06:00Z", U_PRIYA, "2025-09-15T10:06:00Z", U_PRIYA),
        group_item(G_KEY_CUSTODIANS, "Key Custodians", "Administer Key Protect (root keys, rotation policies)", False,
                   "2025-10-06T09:00:00Z", U_PRIYA, "2025-10-06T09:00:00Z", U_PRIYA),
    ]


def escalation_members():
    """Members to add, by group."""
    return {
        G_ADMINS: [member(G_ADMINS, "service", sid_iam(S_BREAKGLASS), created="2025-09-15T10:02:00Z")],
        G_ACCESS_MGRS: [member(G_ACCESS_MGRS, "user", U_KENJI, created="2025-09-15T10:07:00Z", by=U_PRIYA)],
        G_REVIEWERS: [member(G_REVIEWERS, "user", U_TOMAS, created="2025-09-15T10:08:00Z", by=U_PRIYA)],
        G_KEY_CUSTODIANS: [member(G_KEY_CUSTODIANS, "user", U_LENA, created="2025-10-06T09:01:00Z", by=U_PRIYA)],
    }


def escalation_policies():
    return [
        # add-group-member: Access Managers may add members to Admins
        v2_policy(P_ESC_ADMINS_MEMBERS, AG, G_ACCESS_MGRS, [platform("Editor"), platform("Viewer")],
                  [eq("serviceName", "iam-groups"), eq("resource", G_ADMINS)],
                  "Access Managers: manage Admins membership", "2025-09-15T10:10:11.101Z", U_PRIYA),
        # decoy: Viewer on all access groups sees members but cannot add any
        v2_policy(P_ESC_REVIEW_GROUPS, AG, G_REVIEWERS, [platform("Viewer")],
                  [eq("serviceName", "iam-groups")],
                  "Group Reviewers: view all access groups", "2025-09-15T10:11:12.202Z", U_PRIYA),
        # create-service-id-api-key: ci-deployer may create keys for the break-glass service ID (member of Admins)
        v2_policy(P_ESC_CI_KEYS, IAMID, sid_iam(S_CI), [platform("Operator")],
                  [eq("serviceName", "iam-identity"), eq("resourceType", "serviceid"),
                   eq("resource", "ServiceId-" + S_BREAKGLASS)],
                  "CI rotates the break-glass key", "2025-09-15T10:12:13.303Z", U_MARCUS),
        # assign-access: Administrator on all IAM-enabled services without Manager
        v2_policy(P_ESC_TF_ALL, IAMID, sid_iam(S_TERRAFORM), [platform("Administrator")],
                  [eq("serviceType", "service")],
                  "Terraform: platform Administrator on all IAM-enabled services (to be narrowed)",
                  "2025-09-15T10:13:14.404Z", U_SOFIA),
        # the workload profile may edit every access group: run-trusted-workload then add-group-member
        v2_policy(P_ESC_TP_GROUPS, IAMID, tp_iam(TP_IKS), [platform("Editor")],
                  [eq("serviceName", "iam-groups")],
                  "Payments operator reconciles team groups", "2025-09-15T10:14:15.505Z", U_PRIYA),
        # a sensitive target short of account administration: Key Custodians administer Key Protect
        v2_policy(P_ESC_KMS_ADMIN, AG, G_KEY_CUSTODIANS, [platform("Administrator"), platform("Viewer")],
                  [eq("serviceName", "kms")],
                  "Key Custodians: administer Key Protect", "2025-10-06T09:02:03.606Z", U_PRIYA),
        # add-group-member into it (privilege-escalation warning): backup-agent staffs the Key Custodians rota
        v2_policy(P_ESC_CUSTODIANS, IAMID, sid_iam(S_BACKUP), [platform("Editor")],
                  [eq("serviceName", "iam-groups"), eq("resource", G_KEY_CUSTODIANS)],
                  "backup-agent staffs the Key Custodians rota", "2025-10-06T09:03:04.707Z", U_PRIYA),
    ]


def escalation_policy_usage():
    return {
        P_ESC_ADMINS_MEMBERS: {"last_permit_at": "2026-11-02T11:00:00.000Z", "last_permit_frequency": 3},
        P_ESC_REVIEW_GROUPS: {"last_permit_at": "2026-11-10T09:30:00.000Z", "last_permit_frequency": 27},
        P_ESC_CI_KEYS: {"last_permit_at": "2026-10-01T02:00:00.000Z", "last_permit_frequency": 2},
        P_ESC_TF_ALL: {"last_permit_at": "2026-11-19T20:15:00.000Z", "last_permit_frequency": 388},
        P_ESC_TP_GROUPS: {"last_permit_at": "2026-11-20T08:00:00.000Z", "last_permit_frequency": 96},
        P_ESC_KMS_ADMIN: {"last_permit_at": "2026-11-18T14:20:00.000Z", "last_permit_frequency": 12},
        P_ESC_CUSTODIANS: {"last_permit_at": "2026-10-20T10:00:00.000Z", "last_permit_frequency": 4},
    }


def with_escalation_rules(rules):
    return dict(rules, **{g["id"]: [] for g in escalation_access_groups()})


def with_escalation_members(members):
    for gid, extra in escalation_members().items():
        members[gid] = members.get(gid, []) + extra
    return members


# ---------------------------------------------------------------------------------------------------------------
# MFA enrolment report (volatile/mfa.json, what `fetch --with-mfa-report` keeps): the shape of ibm-platform-services'
# ReportMfaEnrollmentStatus / UserReportMfaEnrollmentStatus (IAM Identity `GET /v1/mfa/accounts/{id}/report/{ref}`).
# The account requires no MFA (identity settings NONE); the owner's TOTP override is in effect and enrolled; Kenji
# is enrolled in the older account-based MFA (TOTP), which complies; everyone else's trait in effect is NONE, so they
# "comply" with a requirement of nothing. Jordan (PENDING) has not logged in and is not listed.
# ---------------------------------------------------------------------------------------------------------------
def mfa_report():
    def off(required=False, enrolled=False):
        return {"required": required, "enrolled": enrolled}

    def entry(iam_id, effective="id_based_mfa", trait_user=None, trait="NONE", account_totp=False):
        item = {
            "iam_id": iam_id,
            "name": user_name(iam_id),
            "username": user_email(iam_id),
            "email": user_email(iam_id),
            "effective_mfa_type": effective,
            "id_based_mfa": {"trait_account_default": "NONE", "trait_effective": trait, "complies": True,
                             "comply_state": "ACCOUNT"},
            "account_based_mfa": {"security_questions": off(), "totp": off(account_totp, account_totp),
                                  "verisign": off(), "complies": True},
        }
        if trait_user is not None:
            item["id_based_mfa"]["trait_user_specific"] = trait_user
        return item

    users_listed = [u for u in sorted(s[0] for s in USERS_SPEC) if u != U_JORDAN]
    return {
        "account_id": ACCT,
        "created_by": "IBMid-6630014QXD",
        "reference": "5e1a9f3c-7b2d-4e8f-a6c4-0d9b8e7f6a51",
        "report_time": "2026-11-20T08:55:00Z",
        "users": [
            entry(u, trait_user="TOTP", trait="TOTP") if u == U_DANA
            else entry(u, effective="account_based_mfa", account_totp=True) if u == U_KENJI
            else entry(u)
            for u in users_listed
        ],
    }


# ---------------------------------------------------------------------------------------------------------------
# Files and manifest
# ---------------------------------------------------------------------------------------------------------------
def sort_list(items, key):
    return sorted(items, key=lambda x: x[key])


def sort_per_parent(d, key):
    return {k: sort_list(v, key) for k, v in d.items()}


# ---------------------------------------------------------------------------------------------------------------
# Service credentials and context-based restrictions (issue 15)
# ---------------------------------------------------------------------------------------------------------------
CBR = "https://cbr.cloud.ibm.com"
Z_OFFICE = "a1c3e5f7091b2d4f6a8c0e2b4d6f8a0c"
Z_CI = "b2d4f6a8c0e1f3a5b7c9d1e3f5a7b9c1"
CBR_KMS = "c3e5a7b9d1f2a4b6c8d0e2f4a6b8c0d2"
CBR_SECRETS = "d4f6b8c0e2a3b5c7d9e1f3a5b7c9d1e3"
K_COS_BACKUP = "5b1f0c2e-8d3a-4e6b-9f7c-1a2b3c4d5e6f"
K_PG_APP = "6c2a1d3f-9e4b-4f7c-8a8d-2b3c4d5e6f70"


def instance_spec(guid):
    for spec in INSTANCES_SPEC:
        if spec[0] == guid:
            return spec
    raise KeyError(guid)


def resource_keys():
    """Service credentials: each backed by a service ID with a policy on its instance (access --resource lists them)."""
    out = []
    for key, guid, name, role, sid, created, by in [
        (K_COS_BACKUP, I_COS, "cos-hmac-terraform", "Writer", S_TERRAFORM, "2024-05-06T08:12:44.1Z", U_PRIYA),
        (K_PG_APP, I_PG, "pg-orders-backup", "Manager", S_BACKUP, "2025-02-18T16:03:10.5Z", U_MARCUS),
    ]:
        _, svc, region, rg, _, resource_id, *_ = instance_spec(guid)
        out.append({
            "id": "crn:v1:bluemix:public:%s:%s:%s:%s:resource-key:%s" % (svc, region, SCOPE, guid, key),
            "guid": key,
            "url": "/v2/resource_keys/" + key,
            "crn": "crn:v1:bluemix:public:%s:%s:%s:%s:resource-key:%s" % (svc, region, SCOPE, guid, key),
            "name": name,
            "account_id": ACCT,
            "resource_group_id": rg,
            "resource_id": resource_id,
            "source_crn": instance_crn(guid),
            "state": "active",
            "onetime_credentials": False,
            "iam_compatible": True,
            "migrated": False,
            # only the identifying fields: a snapshot never holds the key's secret
            "credentials": {
                "iam_apikey_description": "Auto-generated for key " + key,
                "iam_apikey_name": name,
                "iam_role_crn": "crn:v1:bluemix:public:iam::::serviceRole:" + role,
                "iam_serviceid_crn": "crn:v1:bluemix:public:iam-identity::%s::serviceid:ServiceId-%s" % (SCOPE, sid),
            },
            "resource_instance_url": "/v2/resource_instances/" + guid,
            "resource_alias_url": None,
            "created_at": created,
            "created_by": by,
            "updated_at": created,
            "updated_by": "",
            "deleted_at": None,
            "deleted_by": "",
        })
    return out


def cbr_zones():
    """Zones as /v1/zones lists them (ZoneSummary: `addresses_preview`, not the full `addresses`)."""
    out = []
    for zid, name, description, addresses in [
        (Z_OFFICE, "office-network", "Acme office egress", [
            {"type": "ipRange", "value": "203.0.113.0-203.0.113.255"}, {"type": "ipAddress", "value": "198.51.100.7"}]),
        (Z_CI, "ci-runners", "Build runners", [{"type": "subnet", "value": "192.0.2.0/26"}]),
    ]:
        out.append({
            "id": zid,
            "crn": "crn:v1:bluemix:public:context-based-restrictions::%s::zone:%s" % (SCOPE, zid),
            "name": name,
            "description": description,
            "address_count": len(addresses),
            "excluded_count": 0,
            "addresses_preview": addresses,
            "href": CBR + "/v1/zones/" + zid,
            "created_at": "2025-03-03T10:00:00.000Z",
            "created_by_id": U_DANA,
            "last_modified_at": "2025-03-03T10:00:00.000Z",
            "last_modified_by_id": U_DANA,
        })
    return out


def cbr_rules():
    """Key Protect reachable only from the office and CI (enforced); Secrets Manager only reported (report-only)."""
    out = []
    for rid, description, zones, resource, mode in [
        (CBR_KMS, "key-protect-prod only from the office and CI", [Z_OFFICE, Z_CI],
         [("serviceName", "kms"), ("serviceInstance", I_KMS)], "enabled"),
        (CBR_SECRETS, "Secrets Manager from the office (trial)", [Z_OFFICE],
         [("serviceName", "secrets-manager")], "report"),
    ]:
        out.append({
            "id": rid,
            "crn": "crn:v1:bluemix:public:context-based-restrictions::%s::rule:%s" % (SCOPE, rid),
            "description": description,
            "contexts": [{"attributes": [{"name": "networkZoneId", "value": ",".join(zones)}]}],
            "resources": [{"attributes": [{"name": "accountId", "value": ACCT}]
                           + [{"name": n, "value": v} for n, v in resource]}],
            "enforcement_mode": mode,
            "href": CBR + "/v1/rules/" + rid,
            "created_at": "2025-03-03T10:05:00.000Z",
            "created_by_id": U_DANA,
            "last_modified_at": "2025-03-03T10:05:00.000Z",
            "last_modified_by_id": U_DANA,
        })
    return out


def cbr_account_settings():
    return {
        "id": ACCT,
        "crn": "crn:v1:bluemix:public:context-based-restrictions::%s::account-settings:%s" % (SCOPE, ACCT),
        "rule_count_limit": 1000,
        "zone_count_limit": 500,
        "tags_rule_count_limit": 100,
        "current_rule_count": len(cbr_rules()),
        "current_zone_count": len(cbr_zones()),
        "current_tags_rule_count": 0,
        "href": CBR + "/v1/account_settings/" + ACCT,
        "created_at": "2025-03-03T10:00:00.000Z",
        "created_by_id": U_DANA,
        "last_modified_at": "2025-03-03T10:05:00.000Z",
        "last_modified_by_id": U_DANA,
    }


def identity_providers():
    """The SAML IdP whose realm the federated profile's claim rule and Data Engineers' dynamic rule name."""
    return [{
        "idp_id": "IdP-2a4c6e8f-1b3d-4f5a-9c7e-0d2f4a6c8e1b",
        "entity_tag": "2-4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e",
        "account_id": ACCT,
        "name": "Acme SSO",
        "type": "saml",
        "active": True,
        "properties": {"entity_id": IDP, "sso_url": "https://sso.acme.example.com/saml2/idp/SSOService"},
        "share_scope": [],
        "created_at": "2024-04-02T09:30:00Z",
        "modified_at": "2024-04-02T09:30:00Z",
    }]


def login_settings():
    return {"alias": "acme-dev"}


# ---------------------------------------------------------------------------------------------------------------
# Enterprise-managed IAM (SEEDS.md): templates assigned to this account by its enterprise (ENTERPRISE), and the
# marks they leave. Support Staff is the group of an access group template (its policy from a policy template);
# federated-developers is a trusted profile from a template; the account settings come from a template; the
# Developers' log policy comes from a policy template assigned directly. An Auditors template whose assignment was
# superseded, and an assignment to an account group, mark nothing here.
# ---------------------------------------------------------------------------------------------------------------
ENTERPRISE = "e4f1c0a9b8d7465f9e3d2c1b0a987654"
T_AT = "2025-09-01T10:00:00Z"
T_AT_IDENTITY = "2025-09-01T10:00+0000"
AGT_SUPPORT = "AccessGroupTemplateId-6d1f3a2e-0b4c-4e59-8a7d-2f1e0c9b8a71"
AGT_AUDIT = "AccessGroupTemplateId-0e8b7c6d-5a4f-4b3e-9d2c-1a0f9e8d7c62"
AGA_SUPPORT = "AccessGroupAssignment-3c2b1a09-8f7e-4d6c-b5a4-938271605f4e"
AGA_AUDIT = "AccessGroupAssignment-7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d"
AGA_ELSEWHERE = "AccessGroupAssignment-9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"
PT_SUPPORT = "policyTemplate-2b7e151c-28ae-4d2a-a6f7-15881aba7c4f"
PT_LOGS = "policyTemplate-5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716"
PA_LOGS = "policyAssignment-8d7c6b5a-4938-4271-a605-f4e3d2c1b0a9"
TPT_FED = "ProfileTemplate-1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b"
TPA_FED = "TemplateAssignment-4a5b6c7d-8e9f-40a1-b2c3-d4e5f6a7b8c9"
AST_BASELINE = "AccountSettingsTemplate-6c5b4a39-2817-4f6e-9d5c-4b3a29180f7e"
ASA_BASELINE = "TemplateAssignment-0a1b2c3d-4e5f-4607-8819-2a3b4c5d6e7f"
ACCOUNT_GROUP = "AccountGroupId-1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f"


def stamped(item, identity=False):
    at = T_AT_IDENTITY if identity else T_AT
    return dict(item, created_at=at, created_by_id=U_DANA, last_modified_at=at, last_modified_by_id=U_DANA)


def policy_template_versions():
    """Every version of the two policy templates: Support Staff's (v1, v2; v2 is assigned) and the log reader's."""
    def version(tid, name, v, roles, attrs):
        return stamped({
            "id": tid, "name": name, "description": "Enterprise policy template: " + name, "account_id": ENTERPRISE,
            "version": str(v), "committed": True, "state": "active",
            "policy": {"type": "access", "description": name,
                       "control": {"grant": {"roles": [{"role_id": r} for r in roles]}},
                       "resource": {"attributes": attrs}},
            "href": "%s/v1/policy_templates/%s/versions/%d" % (IAM, tid, v),
        })
    return {
        PT_SUPPORT: [version(PT_SUPPORT, "Support cases", 1, [platform("Viewer")], [eq("serviceName", "support")]),
                     version(PT_SUPPORT, "Support cases", 2, [platform("Editor")], [eq("serviceName", "support")])],
        PT_LOGS: [version(PT_LOGS, "Read logs", 1, [service_role("Reader")], [eq("serviceName", "logdna")])],
    }


def policy_templates():
    """The latest version of each policy template, as /v1/policy_templates lists them."""
    return [versions[-1] for versions in policy_template_versions().values()]


def policy_assignments():
    return [stamped({
        "id": PA_LOGS, "account_id": ENTERPRISE, "href": "%s/v1/policy_assignments/%s" % (IAM, PA_LOGS),
        "target": {"type": "Account", "id": ACCT}, "template": {"id": PT_LOGS, "version": "1"},
        "subject": {"type": "access_group_id", "id": G_DEV}, "status": "succeeded",
        "resources": [{"target": {"type": "Account", "id": ACCT},
                       "policy": {"resource_created": {"id": P_DEV_LOGS}, "status": "succeeded"}}],
    })]


def access_group_templates():
    def template(tid, name, group, references):
        return stamped({
            "id": tid, "name": name, "description": "Managed by the Acme enterprise", "version": "1",
            "committed": True, "account_id": ENTERPRISE,
            "group": {"name": group, "description": "Created by an enterprise template"},
            "policy_template_references": references,
            "href": "%s/v1/group_templates/%s/versions/1" % (IAM, tid),
        })
    return [template(AGT_SUPPORT, "Support Staff (enterprise)", "Support Staff", [{"id": PT_SUPPORT, "version": "2"}]),
            template(AGT_AUDIT, "Auditors (enterprise)", "Auditors", [])]


def access_group_assignments():
    def assignment(aid, tid, target_type, target, status):
        return stamped({
            "id": aid, "account_id": ENTERPRISE, "template_id": tid, "template_version": "1",
            "target_type": target_type, "target": target, "operation": "assign", "status": status,
            "href": "%s/v1/group_assignments/%s" % (IAM, aid),
        })
    return [assignment(AGA_SUPPORT, AGT_SUPPORT, "Account", ACCT, "succeeded"),
            assignment(AGA_AUDIT, AGT_AUDIT, "Account", ACCT, "superseded"),
            assignment(AGA_ELSEWHERE, AGT_SUPPORT, "AccountGroup", ACCOUNT_GROUP, "succeeded")]


def access_group_assignment_resources():
    """What each assignment to this account (target_type Account) created here, as GET /v1/group_assignments/{id}
    ?verbose=true lists it in `resources`: the access group (its id in `group.group.resource`), its members and rules
    (none: the templates add none), and the policies made from the template's policy templates. The superseded Auditors
    assignment made the Auditors group once; the assignment to an account group is not fetched."""
    def resources(tid, group_id, group_name, status, references):
        def entry(eid, resource, **extra):
            return dict({"id": eid, "resource": resource, "error": "", "status": status}, **extra)
        return [{
            "target": ACCT,
            "group": {"group": entry(tid, group_id, name=group_name, version="1"), "members": [], "rules": []},
            "policy_template_references": [entry(pt, policy, version=v) for pt, v, policy in references],
        }]
    return {
        AGA_SUPPORT: resources(AGT_SUPPORT, G_SUPPORT, "Support Staff", "succeeded", [(PT_SUPPORT, "2", P_SUPPORT)]),
        AGA_AUDIT: resources(AGT_AUDIT, G_AUDIT, "Auditors", "succeeded", []),
    }


def trusted_profile_templates():
    return [stamped({
        "id": TPT_FED, "version": 1, "account_id": ENTERPRISE, "name": "Federated developers (enterprise)",
        "description": "Managed by the Acme enterprise", "committed": True,
        "entity_tag": "1-0d9c8b7a6f5e4d3c2b1a09f8e7d6c5b4",
        "crn": "crn:v1:bluemix:public:iam-identity::a/%s::profile-template:%s" % (ENTERPRISE, TPT_FED),
        "profile": {"name": "federated-developers", "description": "Developers signing in through the Acme SAML IdP"},
    }, identity=True)]


def trusted_profile_assignments():
    return [stamped({
        "id": TPA_FED, "account_id": ENTERPRISE, "template_id": TPT_FED, "template_version": 1,
        "target_type": "Account", "target": ACCT, "status": "succeeded",
        "entity_tag": "1-5b4a39281706f5e4d3c2b1a0f9e8d7c6", "href": "%s/v1/profile_assignments/%s" % (IAM, TPA_FED),
        "resources": [{"target": ACCT, "profile": {"id": "Profile-" + TP_FED, "version": 1, "status": "succeeded",
                                                   "resource_created": {"id": "Profile-" + TP_FED}}}],
    }, identity=True)]


def account_settings_templates():
    return [stamped({
        "id": AST_BASELINE, "version": 2, "account_id": ENTERPRISE, "name": "Acme baseline",
        "description": "User list visibility for every Acme account", "committed": True,
        "entity_tag": "2-9e8d7c6b5a4938271605f4e3d2c1b0a9",
        "crn": "crn:v1:bluemix:public:iam-identity::a/%s::account-settings-template:%s" % (ENTERPRISE, AST_BASELINE),
        "account_settings": {"restrict_user_list_visibility": "NOT_RESTRICTED"},
    }, identity=True)]


def account_settings_assignments():
    return [stamped({
        "id": ASA_BASELINE, "account_id": ENTERPRISE, "template_id": AST_BASELINE, "template_version": 2,
        "target_type": "Account", "target": ACCT, "status": "succeeded",
        "entity_tag": "1-3c2b1a09f8e7d6c5b4a3928170f6e5d4",
        "href": "%s/v1/account_settings_assignments/%s" % (IAM, ASA_BASELINE),
    }, identity=True)]


def with_template_marks(profiles, policies):
    """The profile and the policies the assignments above created name their template."""
    for p in profiles:
        if p["id"] == "Profile-" + TP_FED:
            p.update(template_id=TPT_FED, assignment_id=TPA_FED)
    marks = {
        P_SUPPORT: {"id": PT_SUPPORT, "version": "2", "assignment_id": AGA_SUPPORT, "root_id": AGT_SUPPORT,
                    "root_version": "1"},
        P_DEV_LOGS: {"id": PT_LOGS, "version": "1", "assignment_id": PA_LOGS},
    }
    for p in policies:
        if p["id"] in marks:
            p["template"] = marks[p["id"]]
    return profiles, policies


def services_named_in_policies(policies, instances=()):
    """Services whose roles a fetch asks for: named in a policy's subject or resource, or of an instance."""
    names = set(i["crn"].split(":")[4] for i in instances)
    for p in policies:
        for part in ("resource", "subject"):
            for a in p.get(part, {}).get("attributes", []):
                if a["key"] == "serviceName" and "*" not in str(a["value"]):
                    names.add(a["value"])
        for r in p.get("resources", []):
            for a in r.get("attributes", []):
                if a["name"] == "serviceName":
                    names.add(a["value"])
    return sorted(names)


def role_queries(policies, instances=()):
    """How many filtered /v2/roles requests a fetch makes: one per service, one per source -> target pair of an
    authorization policy (policy_type=authorization) and one per service group a policy names."""
    pairs, groups = set(), set()
    for p in policies:
        attrs = lambda part: {a["key"]: a["value"] for a in p.get(part, {}).get("attributes", [])}
        resource = attrs("resource")
        if "service_group_id" in resource:
            groups.add(resource["service_group_id"])
        if p.get("type") == "authorization" and "serviceName" in attrs("subject") and "serviceName" in resource:
            pairs.add((attrs("subject")["serviceName"], resource["serviceName"]))
    return len(services_named_in_policies(policies, instances)) + len(pairs) + len(groups)


def build():
    """Returns [(collection, file, api, endpoint, query, shape, pages, data)], the volatile usage, the account id."""
    profiles, acc_pol = with_template_marks(sort_list(trusted_profiles(), "id"),
                                            sorted(access_policies() + escalation_policies(), key=lambda p: p["id"]))
    groups = sort_list(access_groups() + escalation_access_groups(), "id")
    auth_pol = sort_list(authorization_policies(), "id")
    acct_q = "account_id=" + ACCT
    c = [
        ("account", "account.json", "accounts", "/v4/accounts/" + ACCT, "", "object", 1, account()),
        ("users", "users.json", "user-management", "/v2/accounts/%s/users" % ACCT, "include_settings=true&limit=100", "list", 1,
         sort_list(users(), "iam_id")),
        ("service_ids", "service-ids.json", "iam-identity", "/v1/serviceids/", acct_q + "&pagesize=100", "list", 1,
         sort_list(service_ids(), "id")),
        ("trusted_profiles", "trusted-profiles.json", "iam-identity", "/v1/profiles", acct_q + "&pagesize=100",
         "list", 1, profiles),
        ("trusted_profile_links", "trusted-profile-links.json", "iam-identity",
         "/v1/profiles/{profile}/links", "", "per-parent", len(profiles),
         sort_per_parent(trusted_profile_links(), "id")),
        ("trusted_profile_rules", "trusted-profile-rules.json", "iam-identity",
         "/v1/profiles/{profile}/rules", "", "per-parent", len(profiles),
         sort_per_parent(trusted_profile_rules(), "id")),
        ("trusted_profile_identities", "trusted-profile-identities.json", "iam-identity",
         "/v1/profiles/{profile}/identities", "", "per-parent", len(profiles),
         sort_per_parent(trusted_profile_identities(), "iam_id")),
        ("access_groups", "access-groups.json", "iam-access-groups", "/v2/groups",
         acct_q + "&show_federated=true&limit=100", "list", 1, groups),
        ("access_group_members", "access-group-members.json", "iam-access-groups",
         "/v2/groups/{group}/members", "membership_type=all&verbose=true&limit=100", "per-parent",
         len(groups), sort_per_parent(with_escalation_members(access_group_members()), "iam_id")),
        ("access_group_rules", "access-group-rules.json", "iam-access-groups", "/v2/groups/{group}/rules",
         acct_q, "per-parent", len(groups), sort_per_parent(with_escalation_rules(access_group_rules()), "id")),
        ("access_group_settings", "access-group-settings.json", "iam-access-groups", "/v2/groups/settings",
         acct_q, "object", 1, access_group_settings()),
        ("access_policies", "policies-access.json", "iam-access-management", "/v2/policies",
         acct_q + "&type=access&format=include_last_permit&limit=100", "list", 2, acc_pol),
        ("authorization_policies", "policies-authorization.json", "iam-access-management", "/v2/policies",
         acct_q + "&type=authorization&format=include_last_permit&limit=100", "list", 2, auth_pol),
        # one request without a filter, then one per service, authorization pair and service group
        ("roles", "roles.json", "iam-access-management", "/v2/roles", acct_q, "roles",
         1 + role_queries(acc_pol + auth_pol, resource_instances()), roles()),
        ("policy_templates", "policy-templates.json", "iam-access-management", "/v1/policy_templates",
         acct_q + "&limit=100", "list", 1, sort_list(policy_templates(), "id")),
        ("policy_assignments", "policy-assignments.json", "iam-access-management", "/v1/policy_assignments",
         acct_q + "&version=1.0&limit=100", "list", 1, sort_list(policy_assignments(), "id")),
        ("resource_groups", "resource-groups.json", "resource-manager", "/v2/resource_groups", acct_q, "list", 1,
         sort_list(resource_groups(), "id")),
        ("resource_instances", "resource-instances.json", "resource-controller", "/v2/resource_instances",
         "limit=100", "list", 1, sort_list(resource_instances(), "id")),
        ("api_keys", "api-keys.json", "iam-identity", "/v1/apikeys", acct_q + "&scope=account&pagesize=100",
         "list", 1, sort_list(api_keys(), "id")),
        ("identity_settings", "identity-settings.json", "iam-identity",
         "/v1/accounts/%s/settings/identity" % ACCT, "", "object", 1, identity_settings()),
        ("resource_keys", "resource-keys.json", "resource-controller", "/v2/resource_keys", "limit=100", "list", 1,
         sort_list(resource_keys(), "id")),
        ("cbr_zones", "cbr-zones.json", "context-based-restrictions", "/v1/zones", acct_q, "list", 1,
         sort_list(cbr_zones(), "id")),
        ("cbr_rules", "cbr-rules.json", "context-based-restrictions", "/v1/rules", acct_q, "list", 1,
         sort_list(cbr_rules(), "id")),
        ("identity_providers", "identity-providers.json", "iam-identity", "/v1/idps/", acct_q, "list", 1,
         sort_list(identity_providers(), "idp_id")),
        ("login_settings", "login-settings.json", "iam-identity", "/v2/loginsettings/" + ACCT, "", "object", 1,
         login_settings()),
        ("cbr_account_settings", "cbr-account-settings.json", "context-based-restrictions",
         "/v1/account_settings/" + ACCT, "", "object", 1, cbr_account_settings()),
        ("effective_identity_settings", "effective-identity-settings.json", "iam-identity",
         "/v1/accounts/%s/effective_settings/identity" % ACCT, "", "object", 1, effective_identity_settings()),
        ("access_management_settings", "access-management-settings.json", "iam-access-management",
         "/v1/accounts/%s/settings/access_management" % ACCT, "", "object", 1, access_management_settings()),
        ("access_group_templates", "access-group-templates.json", "iam-access-groups", "/v1/group_templates",
         acct_q + "&limit=100", "list", 1, sort_list(access_group_templates(), "id")),
        ("access_group_assignments", "access-group-assignments.json", "iam-access-groups", "/v1/group_assignments",
         acct_q + "&limit=100", "list", 1, sort_list(access_group_assignments(), "id")),
        ("access_group_assignment_resources", "access-group-assignment-resources.json", "iam-access-groups",
         "/v1/group_assignments/{assignment}", "verbose=true", "per-parent", len(access_group_assignment_resources()),
         sort_per_parent(access_group_assignment_resources(), "target")),
        ("trusted_profile_templates", "trusted-profile-templates.json", "iam-identity", "/v1/profile_templates",
         acct_q + "&limit=100", "list", 1, sort_list(trusted_profile_templates(), "id")),
        ("trusted_profile_assignments", "trusted-profile-assignments.json", "iam-identity", "/v1/profile_assignments/",
         acct_q + "&limit=100", "list", 1, sort_list(trusted_profile_assignments(), "id")),
        ("account_settings_templates", "account-settings-templates.json", "iam-identity",
         "/v1/account_settings_templates", acct_q + "&limit=100", "list", 1,
         sort_list(account_settings_templates(), "id")),
        ("account_settings_assignments", "account-settings-assignments.json", "iam-identity",
         "/v1/account_settings_assignments/", acct_q + "&limit=100", "list", 1,
         sort_list(account_settings_assignments(), "id")),
        ("policy_template_versions", "policy-template-versions.json", "iam-access-management",
         "/v1/policy_templates/{template}/versions", "limit=100", "per-parent", len(policy_template_versions()),
         sort_per_parent(policy_template_versions(), "version")),
    ]
    return c, dict(policy_usage(), **escalation_policy_usage())


def count(shape, data):
    if shape == "object":
        return 1
    if shape == "list":
        return len(data)
    if shape == "per-parent":
        return sum(len(v) for v in data.values())
    if shape == "roles":
        return sum(len(data[k]) for k in ("system_roles", "service_roles", "custom_roles"))
    raise ValueError(shape)


def write_json(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(data, f, sort_keys=True, indent=2, ensure_ascii=False)
        f.write("\n")


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: make-demo.py OUTPUT_DIR\n")
        return 2
    out = sys.argv[1]
    collections, usage = build()
    manifest_collections = {}
    for name, fname, api, endpoint, query, shape, pages, data in collections:
        write_json(os.path.join(out, fname), data)
        manifest_collections[name] = {
            "api": api,
            "endpoint": endpoint,
            "query": query,
            "file": fname,
            "pages": pages,
            "items": count(shape, data),
            "sha256": "",
            "status": "ok",
        }
    write_json(os.path.join(out, "volatile", "policy-usage.json"), usage)
    write_json(os.path.join(out, "volatile", "mfa.json"), mfa_report())
    write_json(os.path.join(out, "manifest.json"), {
        "format": "iamgraph-snapshot",
        "version": 1,
        "tool_version": TOOL_VERSION,
        "account_id": ACCT,
        "fetched_at": FETCHED_AT,
        "scope": {"kind": "account"},
        "collections": manifest_collections,
        "volatile": {
            "policy_usage": {"file": "volatile/policy-usage.json", "items": len(usage), "sha256": ""},
            "mfa": {"file": "volatile/mfa.json", "items": len(mfa_report()["users"]), "sha256": ""},
        },
    })
    return 0


if __name__ == "__main__":
    sys.exit(main())
