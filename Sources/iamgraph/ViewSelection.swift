import ArgumentParser
import Graph
import GraphValues

/// The options that choose what a view of the account shows, the same for `render` and `export`: at most one focus
/// (an identity, an instance, an access group, a service or a resource group; the whole account without one), only
/// the privileged grants, policies as nodes, and node kinds added or left out.
struct ViewSelection: ParsableArguments {
    @Option(help: ArgumentHelp("View one identity's effective access.", valueName: "iam-id|email|name"))
    var identity: String?

    @Option(help: ArgumentHelp("View everyone who can reach one service instance.", valueName: "crn|guid|name"))
    var resource: String?

    @Option(name: .customLong("access-group"), help: ArgumentHelp("View one access group.", valueName: "id|name"))
    var accessGroup: String?

    @Option(help: ArgumentHelp("View everyone who can reach any instance of one service, e.g. kms.", valueName: "name"))
    var service: String?

    @Option(name: .customLong("resource-group"),
            help: ArgumentHelp("View everyone who can reach one resource group or anything in it.", valueName: "id|name"))
    var resourceGroup: String?

    @Flag(help: "Only privileged grants (Administrator, Manager, account management) and who holds them, through which groups.")
    var privileged = false

    @Flag(help: "Show policy and role nodes instead of collapsing policies into labelled edges.")
    var policies = false

    @Option(parsing: .upToNextOption,
            help: ArgumentHelp("Node kinds to add to the view.", valueName: "kind"))
    var include: [NodeKind] = []

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Node kinds to leave out.", valueName: "kind"))
    var exclude: [NodeKind] = []

    func validate() throws {
        if [identity, resource, accessGroup, service, resourceGroup].compactMap({ $0 }).count > 1 {
            throw ValidationError("choose one of --identity, --resource, --access-group, --service and --resource-group")
        }
    }

    /// What the view centres on: the one focus given, else the whole account.
    var focus: ViewOptions.Focus {
        if let identity { return .identity(identity) }
        if let resource { return .resource(resource) }
        if let accessGroup { return .accessGroup(accessGroup) }
        if let service { return .service(service) }
        if let resourceGroup { return .resourceGroup(resourceGroup) }
        return .account
    }

    /// The options given on the command line, by their flags, in the order `--help` lists them.
    var given: [String] {
        let values: [(String, Bool)] = [
            ("--identity", identity != nil), ("--resource", resource != nil), ("--access-group", accessGroup != nil),
            ("--service", service != nil), ("--resource-group", resourceGroup != nil), ("--privileged", privileged),
            ("--policies", policies), ("--include", !include.isEmpty), ("--exclude", !exclude.isEmpty),
        ]
        return values.filter(\.1).map(\.0)
    }
}
