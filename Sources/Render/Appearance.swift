import GraphValues

/// The Graphviz style attributes of a node or an edge, from its kind and flags: static values only (no data).
struct Appearance {
    /// Attribute name and value pairs, in a fixed order.
    var attributes: [(String, String)]

    /// A node: fill and shape by kind; red border if privileged; warning fill and dashed orange border if it points
    /// at something missing; bright red fill for everyone; a double border for an aggregate. In a map of changes: a
    /// bold green border if added, a heavy magenta one if it gained privileged access, a bold dashed red one if removed, faded fill, border and text if context.
    static func node(kind: NodeKind, flags: Flags) -> Appearance {
        let style = Palette.style(of: kind)
        var styles = ["filled"]
        var fill = style.fill
        var border = Palette.border
        var penwidth = "1"
        var fontcolor = Palette.text
        if flags.contains(.warning) {
            fill = Palette.warningFill
            border = Palette.warning
            penwidth = "2"
            styles.append("dashed")
        }
        if flags.contains(.everyone) {
            fill = Palette.everyoneFill
            fontcolor = "#FFFFFF"
        }
        if flags.contains(.privileged) {
            border = Palette.privileged
            penwidth = "2"
        }
        if flags.contains(.context) {
            fill += Palette.fadeAlpha
            border = Palette.faded
            fontcolor = Palette.fadedText
            penwidth = "1"
        }
        if flags.contains(.added) {
            border = Palette.added
            penwidth = "3"
        }
        if flags.contains(.privilegedGain) {
            border = Palette.privilegedGain
            penwidth = "5"
        }
        if flags.contains(.removed) {
            border = Palette.removed
            penwidth = "3"
            if !styles.contains("dashed") { styles.append("dashed") }
        }
        var attributes = [
            ("shape", style.shape), ("style", styles.joined(separator: ",")), ("fillcolor", fill),
            ("color", border), ("penwidth", penwidth), ("fontcolor", fontcolor),
        ]
        if flags.contains(.aggregate) {
            attributes.append(("peripheries", "2"))
        }
        return Appearance(attributes: attributes)
    }

    /// An edge: red and bold if privileged; dashed if conditional; blue dashed if dynamic; orange dotted if it
    /// points at something missing; purple, thick and bold if an escalation step. Colour precedence: escalation,
    /// privileged, warning, dynamic. In a map of changes the colour says what changed instead: green if added, heavy
    /// magenta if a privileged grant was added, red and dashed if removed, grey and thin if context. A grant an
    /// enforced context-based-restrictions rule protects is drawn as a double line.
    static func edge(flags: Flags) -> Appearance {
        var color = Palette.line
        var styles: [String] = []
        var penwidth = "1"
        if flags.contains(.dynamic) {
            color = Palette.dynamic
        }
        if flags.contains(.warning) {
            color = Palette.warning
        }
        if flags.contains(.privileged) {
            color = Palette.privileged
            penwidth = "2"
        }
        if flags.contains(.warning) {
            styles.append("dotted")
        } else if flags.contains(.conditional) || flags.contains(.dynamic) {
            styles.append("dashed")
        }
        if flags.contains(.privileged) {
            styles.append("bold")
        }
        if flags.contains(.escalation) {
            color = Palette.escalation
            penwidth = "3"
            if !styles.contains("bold") { styles.append("bold") }
        }
        if flags.contains(.context) {
            color = Palette.faded
            penwidth = "1"
            styles.removeAll { $0 == "bold" }
        }
        if flags.contains(.added) {
            color = Palette.added
            penwidth = "2"
        }
        if flags.contains(.privilegedGain) {
            color = Palette.privilegedGain
            penwidth = "4"
            if !styles.contains("bold") { styles.append("bold") }
        }
        if flags.contains(.removed) {
            color = Palette.removed
            penwidth = "2"
            styles = styles.filter { $0 != "dotted" && $0 != "dashed" } + ["dashed"]
        }
        // A network-restricted grant is two parallel lines in its colour (Graphviz draws a colour list "c:invis:c"
        // side by side), whatever else its colour and style say.
        let line = flags.contains(.networkRestricted) ? "\(color):invis:\(color)" : color
        return Appearance(attributes: [
            ("color", line), ("fontcolor", color), ("style", styles.isEmpty ? "solid" : styles.joined(separator: ",")),
            ("penwidth", penwidth),
        ])
    }
}
