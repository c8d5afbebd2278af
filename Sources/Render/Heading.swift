import GraphValues

/// The map's heading, drawn as the root graph's label at the top left: the title, the notes under it and the legend
/// under them. Every layout engine draws a graph label in the same place, so the legend never lands mid-picture
/// (a legend node goes wherever the layout puts it).
///
/// It is an HTML-like label: the title and notes (data: the account's name, a focus query) enter it only through
/// `GraphvizText.html`, which XML-escapes them; everything else is `Legend`'s static text.
struct Heading {
    let graph: AccessGraph

    /// The label, as Graphviz HTML-label text (without the outer `<` `>`).
    var html: String {
        var rows = ["<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"14\">\(GraphvizText.html(graph.title))</FONT></TD></TR>"]
        for note in graph.notes {
            rows.append("<TR><TD ALIGN=\"LEFT\">\(GraphvizText.html(note))</TD></TR>")
        }
        if !graph.nodes.isEmpty {
            rows.append("<TR><TD ALIGN=\"LEFT\">\(Legend(for: graph).html)</TD></TR>")
        }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"0\">" + rows.joined() + "</TABLE>"
    }
}
