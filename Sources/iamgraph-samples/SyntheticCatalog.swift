import Snapshot

/// Fixed vocabulary of the synthetic account generator: sizes, services, roles, names, and timestamp formatting.
/// Everything here is constant; all randomness lives in `SyntheticAccount`.
enum SyntheticCatalog {
    // MARK: Sizes

    struct Size: Sendable {
        let label: String
        let users: Int
        let serviceIDs: Int
        let profiles: Int
        /// Access groups, the Public Access group included.
        let accessGroups: Int
        /// Access policies (authorization policies come on top, about 3% of the instances).
        let accessPolicies: Int
        let instances: Int
        let resourceGroups: Int
        let regions: Int
        let customRoles: Int

        static let small = Size(label: "S", users: 10, serviceIDs: 4, profiles: 2, accessGroups: 6, accessPolicies: 30,
                                instances: 10, resourceGroups: 3, regions: 2, customRoles: 2)
        static let medium = Size(label: "M", users: 200, serviceIDs: 40, profiles: 10, accessGroups: 30,
                                 accessPolicies: 400, instances: 300, resourceGroups: 8, regions: 4, customRoles: 4)
        static let large = Size(label: "L", users: 10_000, serviceIDs: 1_000, profiles: 300, accessGroups: 2_000,
                                accessPolicies: 30_000, instances: 20_000, resourceGroups: 50, regions: 6,
                                customRoles: 10)
        static let extraLarge = Size(label: "XL", users: 50_000, serviceIDs: 5_000, profiles: 1_500,
                                     accessGroups: 10_000, accessPolicies: 150_000, instances: 100_000,
                                     resourceGroups: 250, regions: 8, customRoles: 12)
    }

    // MARK: Services

    struct Service: Sendable {
        /// The CRN service name (segment 5), as policies name it.
        let name: String
        /// Short form used in instance and service ID names.
        let short: String
        /// Global services have region `global` in their CRN.
        let global: Bool
        /// Relative share of instances.
        let weight: Double
        /// Service-specific roles: (role name, display name, actions).
        let roles: [(String, String, [String])]
        /// Sub-resource type usable with `resourceType`/`resource` (and `stringMatch` wildcards), if any.
        let resourceType: String?
        /// Kubernetes cluster ids are 20 lower-case alphanumerics, not uuids.
        let clusterIDs: Bool
    }

    static let services: [Service] = [
        Service(name: "cloud-object-storage", short: "cos", global: true, weight: 14, roles: [
            ("ContentReader", "Content Reader", ["cloud-object-storage.object.get", "cloud-object-storage.bucket.get"]),
            ("ObjectReader", "Object Reader", ["cloud-object-storage.object.get"]),
            ("ObjectWriter", "Object Writer", ["cloud-object-storage.object.put"]),
        ], resourceType: "bucket", clusterIDs: false),
        Service(name: "kms", short: "kp", global: false, weight: 8, roles: [
            ("ReaderPlus", "ReaderPlus", ["kms.secrets.list", "kms.secrets.read", "kms.secrets.readmetadata"]),
            ("KeyPurge", "KeyPurge", ["kms.secrets.purge"]),
        ], resourceType: "key", clusterIDs: false),
        Service(name: "hs-crypto", short: "hpcs", global: false, weight: 1, roles: [], resourceType: nil,
                clusterIDs: false),
        Service(name: "databases-for-postgresql", short: "pg", global: false, weight: 8, roles: [], resourceType: nil,
                clusterIDs: false),
        Service(name: "databases-for-mongodb", short: "mongo", global: false, weight: 3, roles: [], resourceType: nil,
                clusterIDs: false),
        Service(name: "databases-for-redis", short: "redis", global: false, weight: 3, roles: [], resourceType: nil,
                clusterIDs: false),
        Service(name: "cloudantnosqldb", short: "cloudant", global: false, weight: 3, roles: [], resourceType: nil,
                clusterIDs: false),
        Service(name: "containers-kubernetes", short: "iks", global: false, weight: 6, roles: [], resourceType: "namespace",
                clusterIDs: true),
        Service(name: "codeengine", short: "ce", global: false, weight: 4, roles: [], resourceType: nil,
                clusterIDs: false),
        Service(name: "logdna", short: "logs", global: false, weight: 4, roles: [], resourceType: nil, clusterIDs: false),
        Service(name: "logs", short: "cloud-logs", global: false, weight: 2, roles: [], resourceType: nil,
                clusterIDs: false),
        Service(name: "sysdig-monitor", short: "monitoring", global: false, weight: 3, roles: [], resourceType: nil,
                clusterIDs: false),
        Service(name: "messagehub", short: "events", global: false, weight: 4, roles: [], resourceType: "topic",
                clusterIDs: false),
        Service(name: "secrets-manager", short: "sm", global: false, weight: 5, roles: [
            ("SecretsReader", "SecretsReader", ["secrets-manager.secret.read", "secrets-manager.secrets.list"]),
        ], resourceType: "secret-group", clusterIDs: false),
        Service(name: "event-notifications", short: "en", global: false, weight: 2, roles: [], resourceType: nil,
                clusterIDs: false),
        Service(name: "appid", short: "appid", global: false, weight: 2, roles: [], resourceType: nil, clusterIDs: false),
        Service(name: "conversation", short: "assistant", global: false, weight: 2, roles: [], resourceType: nil,
                clusterIDs: false),
        Service(name: "continuous-delivery", short: "cd", global: false, weight: 2, roles: [], resourceType: nil,
                clusterIDs: false),
        Service(name: "internet-svcs", short: "cis", global: true, weight: 1, roles: [], resourceType: nil,
                clusterIDs: false),
    ]

    /// Services every account of any size has at least one instance of (so links and authorizations can resolve).
    static let coreServices = ["cloud-object-storage", "kms", "containers-kubernetes", "databases-for-postgresql",
                               "secrets-manager", "logdna", "messagehub", "codeengine", "databases-for-redis",
                               "sysdig-monitor"]

    /// Account management services (`serviceType=platform_service`), with the platform roles a policy on one grants.
    static let managementServices: [(String, [String])] = [
        ("iam-identity", ["Viewer", "Operator", "Editor", "Administrator"]),
        ("iam-groups", ["Viewer", "Editor", "Administrator"]),
        ("iam-access-management", ["Viewer", "Administrator"]),
        ("user-management", ["Viewer", "Editor", "Administrator"]),
        ("billing", ["Viewer", "Editor", "Administrator"]),
        ("support", ["Viewer", "Editor"]),
        ("globalcatalog", ["Viewer", "Editor"]),
    ]

    /// Authorization (service-to-service) pairs: source service, target service, role.
    static let authorizations: [(String, String, String)] = [
        ("cloud-object-storage", "kms", "Reader"),
        ("cloud-object-storage", "hs-crypto", "Reader"),
        ("databases-for-postgresql", "kms", "Reader"),
        ("databases-for-mongodb", "kms", "Reader"),
        ("databases-for-redis", "kms", "Reader"),
        ("containers-kubernetes", "kms", "Reader"),
        ("containers-kubernetes", "secrets-manager", "Manager"),
        ("logdna", "cloud-object-storage", "Writer"),
        ("codeengine", "secrets-manager", "Reader"),
        ("secrets-manager", "internet-svcs", "Manager"),
        ("event-notifications", "messagehub", "Writer"),
        ("sysdig-monitor", "cloud-object-storage", "Writer"),
    ]

    // MARK: Roles

    static let platformRoles: [(String, String, [String])] = [
        ("Viewer", "As a viewer, you can view service instances, but you can't modify them.",
         ["iam.policy.read", "resource-controller.instance.retrieve", "resource-controller.group.retrieve"]),
        ("Operator", "As an operator, you can perform platform actions required to configure and operate service "
            + "instances, such as viewing a service's dashboard.",
         ["iam.policy.read", "resource-controller.instance.retrieve", "resource-controller.credential.retrieve"]),
        ("Editor", "As an editor, you can perform all platform actions except for managing the account and assigning "
            + "access policies.",
         ["iam.policy.read", "resource-controller.instance.create", "resource-controller.instance.update",
          "resource-controller.instance.delete", "resource-controller.instance.retrieve"]),
        ("Administrator", "As an administrator, you can perform all platform actions based on the resource this role "
            + "is being assigned, including assigning access policies to other users.",
         ["iam.policy.create", "iam.policy.read", "iam.policy.update", "iam.policy.delete",
          "resource-controller.instance.create", "resource-controller.instance.delete",
          "resource-controller.instance.retrieve", "resource-controller.instance.update"]),
    ]

    static let genericServiceRoles: [(String, String, [String])] = [
        ("Reader", "As a reader, you can perform read-only actions within a service such as viewing service-specific "
            + "resources.", ["kms.secrets.list", "cloud-object-storage.object.get"]),
        ("Writer", "As a writer, you have permissions beyond the reader role, including creating and editing "
            + "service-specific resources.", ["kms.secrets.create", "cloud-object-storage.object.put"]),
        ("Manager", "As a manager, you have permissions beyond the writer role to complete privileged actions as "
            + "defined by the service. In addition, you can create and edit service-specific resources.",
         ["kms.secrets.delete", "cloud-object-storage.bucket.put_bucket"]),
    ]

    /// Custom roles: name, display name, description, service, actions.
    static let customRoles: [(String, String, String, String, [String])] = [
        ("KeyRotator", "Key Rotator", "Rotate and inspect keys, nothing else", "kms",
         ["kms.secrets.rotate", "kms.secrets.list", "kms.secrets.readmetadata"]),
        ("BucketJanitor", "Bucket Janitor", "Delete stale objects", "cloud-object-storage",
         ["cloud-object-storage.object.delete", "cloud-object-storage.bucket.list_bucket_crn"]),
        ("ClusterDeployer", "Cluster Deployer", "Deploy workloads without cluster administration",
         "containers-kubernetes", ["containers-kubernetes.cluster.read", "containers-kubernetes.namespace.deploy"]),
        ("SecretRotator", "Secret Rotator", "Rotate secrets, never read their payload", "secrets-manager",
         ["secrets-manager.secret.rotate", "secrets-manager.secrets.list"]),
        ("BackupOperator", "Backup Operator", "Trigger and restore database backups", "databases-for-postgresql",
         ["databases-for-postgresql.backup.create", "databases-for-postgresql.backup.restore"]),
        ("LogExporter", "Log Exporter", "Export archived logs", "logdna",
         ["logdna.dashboard.view", "logdna.archive.export"]),
        ("TopicPublisher", "Topic Publisher", "Publish to topics without managing them", "messagehub",
         ["messagehub.topic.write", "messagehub.topic.read"]),
        ("CacheFlusher", "Cache Flusher", "Flush caches in incidents", "databases-for-redis",
         ["databases-for-redis.deployment.flush"]),
        ("AppDeployer", "App Deployer", "Create and update Code Engine apps", "codeengine",
         ["codeengine.tenant.entities.create", "codeengine.tenant.entities.update"]),
        ("DashboardViewer", "Dashboard Viewer", "Read dashboards and alerts", "sysdig-monitor",
         ["sysdig-monitor.dashboard.read", "sysdig-monitor.alert.read"]),
        ("KeyAuditor", "Key Auditor", "List keys and their metadata for audits", "kms",
         ["kms.secrets.list", "kms.secrets.readmetadata"]),
        ("BucketAuditor", "Bucket Auditor", "Read bucket configuration only", "cloud-object-storage",
         ["cloud-object-storage.bucket.get", "cloud-object-storage.bucket.get_versioning"]),
    ]

    // MARK: Places

    static let regions = ["us-south", "eu-de", "us-east", "eu-gb", "jp-tok", "au-syd", "ca-tor", "eu-es"]

    // MARK: Names

    static let companies: [(String, String)] = [
        ("Northwind Logistics", "northwind.example.com"), ("Contoso Retail", "contoso.example.com"),
        ("Fabrikam Health", "fabrikam.example.com"), ("Tailspin Travel", "tailspin.example.com"),
        ("Wingtip Energy", "wingtip.example.com"), ("Litware Insurance", "litware.example.com"),
    ]

    static let firstNames = [
        "Aaliyah", "Aarav", "Abebe", "Adriana", "Ahmed", "Aiko", "Alejandro", "Amara", "Ana", "Andrei", "Anika", "Arjun",
        "Astrid", "Ayodele", "Beatriz", "Benjamin", "Bogdan", "Camille", "Carlos", "Chen", "Chiara", "Daniel", "Dmitri",
        "Elena", "Emeka", "Emily", "Fatima", "Felipe", "Freya", "Gabriel", "Giulia", "Hana", "Hannah", "Hiroshi", "Ibrahim",
        "Ines", "Isabela", "Jakub", "James", "Jia", "Jonas", "Julia", "Kai", "Kenji", "Kwame", "Lars", "Laura", "Leila",
        "Liam", "Lucas", "Lucia", "Maja", "Marco", "Maria", "Mateo", "Mei", "Mohammed", "Nadia", "Naveen", "Nia", "Noah",
        "Olga", "Omar", "Oscar", "Pablo", "Priya", "Rafael", "Rania", "Ravi", "Rosa", "Sakura", "Samuel", "Sara", "Sofia",
        "Tariq", "Thabo", "Tomás", "Valentina", "Wei", "Yara", "Yusuf", "Zanele", "Zoë",
    ]

    static let lastNames = [
        "Abe", "Adeyemi", "Alvarez", "Andersen", "Bakker", "Banerjee", "Becker", "Bianchi", "Brown", "Castro", "Chen",
        "Costa", "Dubois", "Dvořák", "Eriksson", "Fernandes", "Fischer", "García", "Gonzalez", "Gupta", "Haddad", "Hansen",
        "Hoang", "Ibrahim", "Ivanova", "Jansen", "Kamau", "Kim", "Kowalski", "Kumar", "Larsen", "Lee", "Lopez", "Mahlangu",
        "Martin", "Meyer", "Moreau", "Müller", "Nakamura", "Nguyen", "Novak", "O'Connor", "Okafor", "Olsen", "Patel",
        "Pereira", "Petrov", "Popescu", "Rahman", "Rossi", "Santos", "Sato", "Schmidt", "Silva", "Singh", "Smith",
        "Suzuki", "Tanaka", "Torres", "Van der Berg", "Wagner", "Wang", "Watanabe", "Williams", "Yamamoto", "Yilmaz",
        "Zhang",
    ]

    static let teams = [
        "Platform", "Payments", "Data", "Security", "Networking", "Mobile", "Web", "Analytics", "ML", "Search",
        "Identity", "Billing", "Support", "Observability", "SRE", "Checkout", "Catalog", "Inventory", "Logistics",
        "HR Systems", "Finance", "Compliance", "Marketing", "Partner API", "Edge", "Storage", "Messaging",
        "Integration", "QA", "Release",
    ]

    static let functions = [
        "Developers", "Operators", "Admins", "Viewers", "Auditors", "On-Call", "Leads", "Contractors", "Readers",
        "Deployers",
    ]

    static let environments = ["prod", "staging", "dev", "test", "sandbox"]

    static let serviceIDPurposes = [
        ("ci-deployer", "Deploys from the CI pipeline"), ("backup-agent", "Nightly backups to object storage"),
        ("terraform", "Terraform workspace"), ("monitoring-agent", "Metrics agent"),
        ("log-shipper", "Ships application logs"), ("etl-runner", "Runs the nightly ETL jobs"),
        ("vuln-scanner", "Security scanner (read only)"), ("billing-export", "Exports usage to finance"),
        ("key-rotator", "Rotates encryption keys"), ("cert-manager", "Renews TLS certificates"),
        ("gitops-sync", "Argo CD sync"), ("event-bridge", "Forwards events between services"),
    ]

    static let workloads = ["api", "worker", "batch", "frontend", "ingest", "scheduler", "gateway", "reporter"]

    // MARK: Slugs

    /// `Partner API` → `partner-api`.
    static func slug(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    /// `Tomás` → `tomas` (ASCII letters only, for logins).
    static func login(_ text: String) -> String {
        let folded: [Character: String] = ["á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u", "ë": "e", "ö": "o",
                                           "ü": "u", "ř": "r", "ž": "z", "ã": "a", "ç": "c"]
        var out = ""
        for ch in text.lowercased() {
            if let mapped = folded[ch] { out += mapped } else if ch.isASCII, ch.isLetter { out.append(ch) }
        }
        return out
    }
}

/// Timestamps as the IBM Cloud APIs write them, from seconds since 1970 (UTC), without `Date` or formatters.
enum SynthTime {
    /// 2026-11-20T09:00:00Z, when the synthetic account is "fetched".
    static let fetchedAt = "2026-11-20T09:00:00Z"
    static let now = epoch(2026, 11, 20, 9, 0, 0)
    static let hour = 3600
    static let day = 86_400

    static func epoch(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Int {
        CivilDate(year: year, month: month, day: day).daysSince1970 * Self.day + hour * 3600 + minute * 60 + second
    }

    /// `2019-01-01T01:01:00Z` (access groups, users).
    static func seconds(_ t: Int) -> String { base(t, seconds: true) + "Z" }
    /// `2020-10-16T10:36+0000` (IAM Identity).
    static func identity(_ t: Int) -> String { base(t, seconds: false) + "+0000" }
    /// `2018-08-30T14:09:09.907Z` (policies).
    static func millis(_ t: Int, _ ms: Int) -> String { base(t, seconds: true) + "." + pad(ms, 3) + "Z" }
    /// `2026-07-17T06:41:51.267012883Z` (resource controller).
    static func nanos(_ t: Int, _ ns: Int) -> String { base(t, seconds: true) + "." + pad(ns, 9) + "Z" }
    /// `2026-11-01` (dates in policy conditions).
    static func date(_ t: Int) -> String {
        let date = CivilDate(daysSince1970: floorDiv(t, day))
        let (y, m, d) = (date.year, date.month, date.day)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    private static func base(_ t: Int, seconds withSeconds: Bool) -> String {
        let days = floorDiv(t, day)
        let rest = t - days * day
        let date = CivilDate(daysSince1970: days)
        let (y, m, d) = (date.year, date.month, date.day)
        var text = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + pad(rest / 3600, 2) + ":" + pad(rest / 60 % 60, 2)
        if withSeconds { text += ":" + pad(rest % 60, 2) }
        return text
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
