import GraphValues

/// The key of the map: the node kinds present with their colour and shape, and the node and edge styles used.
///
/// It is an HTML-like label, so it is built ONLY from this file's static text and `Palette`'s colours: kind and flag
/// names are fixed strings chosen here, never data from the account.
struct Legend {
    /// Node kinds to list, in `NodeKind.allCases` order.
    var kinds: [NodeKind]
    /// Flags used by some node.
    var nodeFlags: Flags
    /// Flags used by some edge.
    var edgeFlags: Flags
    /// Whether some edge has no flag (drawn as a plain line).
    var hasPlainEdges: Bool

    init(for graph: AccessGraph) {
        let present = Set(graph.nodes.map(\.kind))
        kinds = NodeKind.allCases.filter(present.contains)
        nodeFlags = graph.nodes.reduce(into: Flags()) { $0.formUnion($1.flags) }
        edgeFlags = graph.edges.reduce(into: Flags()) { $0.formUnion($1.flags) }
        hasPlainEdges = graph.edges.contains { $0.flags.isEmpty }
    }

    /// The table, as Graphviz HTML-label text (without the outer `<` `>`).
    var html: String {
        var rows: [String] = []
        for kind in kinds {
            let style = Palette.style(of: kind)
            rows.append(swatchRow(fill: style.fill, border: Palette.border, text: "\(style.name) (\(style.shape))"))
        }
        if nodeFlags.contains(.privileged) {
            rows.append(swatchRow(fill: "#FFFFFF", border: Palette.privileged, text: "red border: privileged"))
        }
        if nodeFlags.contains(.everyone) {
            rows.append(swatchRow(fill: Palette.everyoneFill, border: Palette.border,
                                  text: "red fill: everyone, unauthenticated included"))
        }
        if nodeFlags.contains(.warning) {
            rows.append(swatchRow(fill: Palette.warningFill, border: Palette.warning,
                                  text: "orange, dashed border: does not exist"))
        }
        if nodeFlags.contains(.aggregate) {
            rows.append(swatchRow(fill: "#FFFFFF", border: Palette.border, text: "double border: several collapsed"))
        }
        if nodeFlags.contains(.added) {
            rows.append(swatchRow(fill: "#FFFFFF", border: Palette.added, text: "green border: added"))
        }
        if nodeFlags.contains(.removed) {
            rows.append(swatchRow(fill: "#FFFFFF", border: Palette.removed, text: "red dashed border: removed"))
        }
        if nodeFlags.contains(.context) {
            rows.append(swatchRow(fill: "#F2F2F2", border: Palette.faded, text: "faded: unchanged, for context"))
        }
        if hasPlainEdges {
            rows.append(lineRow(color: Palette.line, sample: "———", bold: false, text: "relation"))
        }
        if edgeFlags.contains(.privileged) {
            rows.append(lineRow(color: Palette.privileged, sample: "———", bold: true, text: "privileged"))
        }
        if edgeFlags.contains(.conditional) {
            rows.append(lineRow(color: Palette.line, sample: "- - -", bold: false, text: "conditional"))
        }
        if edgeFlags.contains(.dynamic) {
            rows.append(lineRow(color: Palette.dynamic, sample: "- - -", bold: false, text: "dynamic membership (rule)"))
        }
        if edgeFlags.contains(.warning) {
            rows.append(lineRow(color: Palette.warning, sample: "· · ·", bold: false, text: "to something missing"))
        }
        if edgeFlags.contains(.added) {
            rows.append(lineRow(color: Palette.added, sample: "———", bold: true, text: "added"))
        }
        if edgeFlags.contains(.removed) {
            rows.append(lineRow(color: Palette.removed, sample: "- - -", bold: true, text: "removed"))
        }
        if edgeFlags.contains(.context) {
            rows.append(lineRow(color: Palette.faded, sample: "———", bold: false, text: "unchanged, for context"))
        }
        return "<TABLE BORDER=\"1\" COLOR=\"\(Palette.clusterBorder)\" STYLE=\"rounded\" CELLBORDER=\"0\" "
            + "CELLSPACING=\"2\" CELLPADDING=\"2\"><TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>"
            + rows.joined() + "</TABLE>"
    }

    private func swatchRow(fill: String, border: String, text: String) -> String {
        "<TR><TD BGCOLOR=\"\(fill)\" COLOR=\"\(border)\" BORDER=\"1\" WIDTH=\"28\"> </TD>"
            + "<TD ALIGN=\"LEFT\">\(text)</TD></TR>"
    }

    private func lineRow(color: String, sample: String, bold: Bool, text: String) -> String {
        let mark = bold ? "<B>\(sample)</B>" : sample
        return "<TR><TD><FONT COLOR=\"\(color)\">\(mark)</FONT></TD><TD ALIGN=\"LEFT\">\(text)</TD></TR>"
    }
}
