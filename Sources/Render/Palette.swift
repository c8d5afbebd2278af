import GraphValues

/// Colours and shapes of the map.
///
/// Fills come from Paul Tol's colour-blind-safe "light" and "pale" schemes (designed for filled areas behind black
/// text); marks come from his "vibrant" scheme. Colour is never the only cue: every node kind also has its own
/// shape, and every flag its own line style.
enum Palette {
    /// Privileged access: red lines, red borders.
    static let privileged = "#CC3311"
    /// Everyone, unauthenticated users included: a bright red fill (with white text).
    static let everyoneFill = "#EE3377"
    /// Something that does not exist: a light orange-red fill with an orange, dashed border; orange dotted edges.
    static let warningFill = "#FFDDCC"
    static let warning = "#EE7733"
    /// Dynamic membership (through a rule): blue dashed edges.
    static let dynamic = "#0077BB"
    /// Escalation steps.
    static let escalation = "#7B2CBF"
    /// Ordinary lines, borders and text.
    static let line = "#555555"
    static let border = "#333333"
    static let text = "#000000"
    /// Clusters.
    static let clusterFill = "#F7F7F7"
    static let clusterBorder = "#999999"

    /// The fill, shape and legend name of each node kind.
    static func style(of kind: NodeKind) -> (fill: String, shape: String, name: String) {
        switch kind {
        case .account: ("#DDDDDD", "house", "account")
        case .user: ("#77AADD", "ellipse", "user")
        case .serviceID: ("#99DDFF", "hexagon", "service ID")
        case .trustedProfile: ("#44BB99", "octagon", "trusted profile")
        case .accessGroup: ("#BBCC33", "tab", "access group")
        case .policy: ("#EEDD88", "note", "policy")
        case .role: ("#FFAABB", "cds", "role")
        case .target: ("#FFFFFF", "box", "target")
        case .resourceGroup: ("#CCDDAA", "folder", "resource group")
        case .serviceInstance: ("#BBCCEE", "cylinder", "service instance")
        case .service: ("#CCEEFF", "component", "service")
        case .computeResource: ("#EEEEBB", "box3d", "compute resource")
        case .claimRule: ("#DDCCEE", "parallelogram", "claim rule")
        }
    }
}
