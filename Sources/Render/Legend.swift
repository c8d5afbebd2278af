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
        for row in Self.nodeStyles where nodeFlags.contains(row.flag) {
            rows.append(swatchRow(fill: row.fill, border: row.border, text: row.text))
        }
        if hasPlainEdges {
            rows.append(lineRow(color: Palette.line, sample: "———", bold: false, text: "relation"))
        }
        for row in Self.edgeStyles where edgeFlags.contains(row.flag) {
            rows.append(lineRow(color: row.color, sample: row.sample, bold: row.bold, text: row.text))
        }
        // Entries run down up to `columnHeight` rows, then on in the next column, so a long legend stays short.
        let columns = max(1, (rows.count + Self.columnHeight - 1) / Self.columnHeight)
        let height = (rows.count + columns - 1) / columns
        var lines: [String] = []
        for row in 0..<height {
            let cells = (0..<columns).map { column in
                let index = column * height + row
                return index < rows.count ? rows[index] : "<TD></TD><TD></TD>"
            }
            lines.append("<TR>" + cells.joined() + "</TR>")
        }
        return "<TABLE BORDER=\"1\" COLOR=\"\(Palette.clusterBorder)\" STYLE=\"rounded\" CELLBORDER=\"0\" "
            + "CELLSPACING=\"2\" CELLPADDING=\"2\"><TR><TD COLSPAN=\"\(2 * columns)\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>"
            + lines.joined() + "</TABLE>"
    }

    /// Most entries in one column of the legend.
    static let columnHeight = 6

    /// How a node flag is drawn, in legend order.
    private static let nodeStyles: [(flag: Flags, fill: String, border: String, text: String)] = [
        (.privileged, "#FFFFFF", Palette.privileged, "red border: privileged"),
        (.everyone, Palette.everyoneFill, Palette.border, "red fill: everyone, unauthenticated included"),
        (.warning, Palette.warningFill, Palette.warning, "orange, dashed border: does not exist"),
        (.aggregate, "#FFFFFF", Palette.border, "double border: several collapsed"),
        (.added, "#FFFFFF", Palette.added, "green border: added"),
        (.privilegedGain, "#FFFFFF", Palette.privilegedGain, "heavy magenta border: gained privileged access"),
        (.removed, "#FFFFFF", Palette.removed, "red dashed border: removed"),
        (.context, "#F2F2F2", Palette.faded, "faded: unchanged, for context"),
    ]

    /// How an edge flag is drawn, in legend order.
    private static let edgeStyles: [(flag: Flags, color: String, sample: String, bold: Bool, text: String)] = [
        (.privileged, Palette.privileged, "———", true, "privileged"),
        (.conditional, Palette.line, "- - -", false, "conditional"),
        (.dynamic, Palette.dynamic, "- - -", false, "dynamic membership (rule)"),
        (.warning, Palette.warning, "· · ·", false, "to something missing"),
        (.added, Palette.added, "———", true, "added"),
        (.privilegedGain, Palette.privilegedGain, "━━━", true, "new privileged grant (admin, assign access)"),
        (.removed, Palette.removed, "- - -", true, "removed"),
        (.context, Palette.faded, "———", false, "unchanged, for context"),
        (.escalation, Palette.escalation, "━━━", true, "escalation step (can gain the target)"),
        (.networkRestricted, Palette.line, "═══", false, "double: network-restricted (enforced CBR rule)"),
    ]

    /// An entry: the sample cell and the text cell.
    private func swatchRow(fill: String, border: String, text: String) -> String {
        "<TD BGCOLOR=\"\(fill)\" COLOR=\"\(border)\" BORDER=\"1\" WIDTH=\"28\"> </TD>"
            + "<TD ALIGN=\"LEFT\">\(text)</TD>"
    }

    private func lineRow(color: String, sample: String, bold: Bool, text: String) -> String {
        let mark = bold ? "<B>\(sample)</B>" : sample
        return "<TD><FONT COLOR=\"\(color)\">\(mark)</FONT></TD><TD ALIGN=\"LEFT\">\(text)</TD>"
    }
}
