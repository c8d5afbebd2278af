import Foundation
import GraphValues

/// `--format html`: one self-contained page to explore a map offline — the Graphviz SVG inline, with pan, zoom and
/// fit; a search (name, email, IAM id, GUID, CRN, the members an overview's group node lists) that centres and highlights; a click that highlights a node's
/// neighbourhood and shows its details and the grants on its edges; filters for privileged grants and node kinds;
/// the legend (in the map, and as a key in the side panel).
///
/// Nothing leaves the page: a Content-Security-Policy allows no source but the page's own inline script and style
/// (and `data:` images), and the script is hand-written here. Untrusted text is inert: the SVG is Graphviz's, whose
/// text is XML-escaped (see `GraphvizText`); the map's data travels in a `<script type="application/json">` block
/// with `<`, `>`, `&`, U+2028 and U+2029 written as `\u…` escapes, so no name can close the block; and the script
/// only ever writes data with `textContent` (never `innerHTML`), links only to `https://cloud.ibm.com/`.
///
/// Large maps (thousands of nodes, `--full --layout sfdp`) stay responsive because no interaction walks the drawing:
/// Graphviz writes each element's classes (`SVGClasses`), which the style sheet's filters use; a selection lifts
/// copies of the neighbourhood above a translucent veil instead of restyling every element; pan and zoom move the
/// drawn SVG with a CSS transform while a gesture lasts and set the viewBox once it pauses; search reads each node's
/// text lowercased once. `scripts/explorer-timings` measures it in Chromium.
///
/// A test hook: opened with `#selftest=search:TEXT`, the page searches TEXT and writes a JSON verdict (script
/// errors, blocked requests, the highlighted node ids, paint entries when the browser records them, the time the
/// page was ready and of its first animation frame) into `<pre id="selftest">`.
enum HTMLExplorer {
    /// The page for `graph`, whose Graphviz SVG (rendered with `id`s `n<index>` and `e<index>`) is `svg`.
    static func page(_ graph: AccessGraph, svg: Data) throws -> Data {
        var svgText = String(decoding: svg, as: UTF8.self)
        // The page is HTML5: drop the XML prologue and doctype Graphviz writes before the <svg> element.
        if let start = svgText.range(of: "<svg") { svgText = String(svgText[start.lowerBound...]) }
        let data = try scriptSafeJSON(graph)
        let title = escapeHTML(graph.title)
        var page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        page += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; "
            + "style-src 'unsafe-inline'; img-src data:\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<title>\(title)</title>\n<style>\(style)</style></head><body>\n"
        page += "<aside id=\"panel\"><h1 id=\"title\"></h1>"
        page += "<div class=\"row\"><input id=\"search\" type=\"search\" placeholder=\"Search name, email, IAM id, GUID\" "
            + "autocomplete=\"off\"><button id=\"fit\" title=\"Fit the map to the window\">Fit</button></div>"
        page += "<ol id=\"matches\"></ol>"
        page += "<fieldset><legend>Show</legend><label><input type=\"checkbox\" id=\"privileged\"> privileged grants only"
            + "</label><div id=\"kinds\"></div></fieldset>"
        page += "<section id=\"details\"><p class=\"hint\">Click a node for its details; Esc clears.</p></section>"
        page += "<section><h2>Key</h2>\(key(graph))</section></aside>\n"
        page += "<main id=\"map\">\(svgText)</main>\n<pre id=\"selftest\" hidden></pre>\n"
        page += "<script type=\"application/json\" id=\"iamgraph-data\">\(data)</script>\n"
        page += "<script>\(script)</script>\n</body></html>\n"
        return Data(page.utf8)
    }

    /// The map's nodes and edges as JSON whose text can sit inside a `<script>` element: every `<`, `>` and `&`
    /// (and the JavaScript line terminators) is a `\u` escape, which JSON.parse reads back as the character.
    static func scriptSafeJSON(_ graph: AccessGraph) throws -> String {
        let document = Document(
            title: graph.title,
            nodes: graph.nodes.map(NodeRecord.init),
            edges: graph.edges.map(EdgeRecord.init))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(document), as: UTF8.self)
        var safe = ""
        safe.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": safe += "\\u003c"
            case ">": safe += "\\u003e"
            case "&": safe += "\\u0026"
            case "\u{2028}": safe += "\\u2028"
            case "\u{2029}": safe += "\\u2029"
            default: safe.unicodeScalars.append(scalar)
            }
        }
        return safe
    }

    /// Text for HTML element content (the page title).
    static func escapeHTML(_ text: String) -> String {
        var result = ""
        for character in GraphvizText.truncate(GraphvizText.clean(text), to: GraphvizText.titleLimit) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    /// The side panel's key: a swatch per node kind present, from `Palette` (static text only).
    private static func key(_ graph: AccessGraph) -> String {
        let present = Set(graph.nodes.map(\.kind))
        let rows = NodeKind.allCases.filter(present.contains).map { kind in
            let style = Palette.style(of: kind)
            return "<li><span class=\"swatch\" style=\"background:\(style.fill)\"></span>\(style.name)</li>"
        }
        let restricted = graph.edges.contains { $0.flags.contains(.networkRestricted) }
        return "<ul class=\"key\">" + rows.joined()
            + "<li><span class=\"line\" style=\"border-color:\(Palette.privileged)\"></span>privileged grant</li>"
            + (restricted ? "<li><span class=\"line\" style=\"border-top-style:double;border-color:\(Palette.line)\"></span>"
                + "network-restricted grant (enforced CBR rule)</li>" : "")
            + "<li><span class=\"swatch\" style=\"background:#fff;border:2px solid \(Palette.privileged)\"></span>"
            + "privileged holder</li></ul>"
    }

    struct Document: Encodable {
        let title: String
        let nodes: [NodeRecord]
        let edges: [EdgeRecord]
    }


    private static let style = """
        html,body{margin:0;height:100%;font:13px 'Liberation Sans',Arial,sans-serif;color:#222}
        body{display:flex}
        #panel{width:320px;min-width:320px;height:100%;overflow:auto;box-sizing:border-box;padding:8px;border-right:1px solid #ccc;background:#fafafa}
        #panel h1{font-size:14px;margin:0 0 8px}
        #panel h2{font-size:13px;margin:12px 0 4px}
        .row{display:flex;gap:4px}
        #search{flex:1;padding:4px}
        #matches{margin:4px 0;padding-left:20px;max-height:160px;overflow:auto}
        #matches button{border:0;background:none;color:#0645ad;cursor:pointer;text-align:left;padding:1px}
        fieldset{margin:8px 0;padding:4px 8px}
        fieldset label{display:block}
        #details dl{margin:0}
        #details dt{font-weight:bold;margin-top:4px}
        #details dd{margin:0 0 0 8px;word-break:break-all}
        #details li{margin-bottom:3px}
        .hint{color:#666}
        .key{list-style:none;padding:0}
        .swatch{display:inline-block;width:18px;height:10px;border:1px solid #333;margin-right:6px;vertical-align:middle}
        .line{display:inline-block;width:18px;border-top:3px solid;margin-right:6px;vertical-align:middle}
        #map{flex:1;height:100%;overflow:hidden;cursor:grab;background:#fff}
        #map svg{width:100%;height:100%;transform-origin:0 0;will-change:transform}
        #map.dragging{cursor:grabbing}
        rect.veil{fill:#fff;fill-opacity:.88}
        g.node.hit>*:not(title){stroke:#0077BB;stroke-width:5px}
        svg.privileged-only g.edge:not(.privileged){display:none}
        """ + NodeKind.allCases.map {
            "svg.hide-\($0.rawValue) g.kind-\($0.rawValue),svg.hide-\($0.rawValue) g.to-\($0.rawValue),"
                + "svg.hide-\($0.rawValue) g.from-\($0.rawValue){display:none}"
        }.joined(separator: "\n")

    private static let script = #"""
        "use strict";
        (function () {
          var errors = [], blocked = [];
          window.addEventListener("error", function (e) { errors.push(String(e.message)); });
          document.addEventListener("securitypolicyviolation", function (e) { blocked.push(String(e.blockedURI) + " " + String(e.violatedDirective)); });
          // An element whose resource failed to load (blocked by the policy or not) tried a request too.
          window.addEventListener("error", function (e) {
            if (e.target && e.target !== window && (e.target.src || e.target.href)) blocked.push("failed: " + String(e.target.src || e.target.href));
          }, true);
          var SVG = "http://www.w3.org/2000/svg";
          var data = JSON.parse(document.getElementById("iamgraph-data").textContent);
          var svg = document.querySelector("#map svg"), map = document.getElementById("map");
          var drawing = svg.querySelector("g.graph") || svg;
          document.getElementById("title").textContent = data.title;

          // Index the data once; the drawing is not walked: Graphviz wrote each node's and edge's classes (kind,
          // flags, the kinds of an edge's ends), and node i is <g id="n<i>">, edge j is <g id="e<j>">, looked up
          // only when needed.
          var indexOf = new Map(), incident = [];
          data.nodes.forEach(function (node, i) { indexOf.set(node.id, i); incident.push([]); });
          data.edges.forEach(function (edge, j) {
            var s = indexOf.get(edge.source), t = indexOf.get(edge.target);
            if (s !== undefined) incident[s].push(j);
            if (t !== undefined && t !== s) incident[t].push(j);
          });
          function nodeElement(i) { return document.getElementById("n" + i); }
          function edgeElement(j) { return document.getElementById("e" + j); }

          // Pan and zoom. `view` is the viewBox asked for; `shown` the one the SVG has. While a gesture lasts, each
          // frame only moves and scales the already drawn SVG with a CSS transform (the compositor's work, whatever
          // the size of the map); once it pauses, the viewBox is set and the map drawn sharp again.
          svg.removeAttribute("width"); svg.removeAttribute("height");
          var base = svg.viewBox.baseVal, home = { x: base.x, y: base.y, w: base.width, h: base.height };
          var view = copy(home), shown = copy(home), pending = false, settle = 0;
          function copy(v) { return { x: v.x, y: v.y, w: v.w, h: v.h }; }
          function fitOf(v) {
            var W = map.clientWidth || 1, H = map.clientHeight || 1, k = Math.min(W / v.w, H / v.h);
            return { k: k, x: (W - v.w * k) / 2, y: (H - v.h * k) / 2 };
          }
          function commit() {
            window.clearTimeout(settle);
            shown = copy(view);
            svg.style.transform = "";
            svg.setAttribute("viewBox", view.x + " " + view.y + " " + view.w + " " + view.h);
          }
          function frame() {
            pending = false;
            var from = fitOf(shown), to = fitOf(view), a = to.k / from.k;
            var bx = to.x - a * from.x + to.k * (shown.x - view.x), by = to.y - a * from.y + to.k * (shown.y - view.y);
            svg.style.transform = "translate(" + bx + "px," + by + "px) scale(" + a + ")";
            window.clearTimeout(settle);
            settle = window.setTimeout(commit, 150);
          }
          function schedule() { if (!pending) { pending = true; window.requestAnimationFrame(frame); } }
          function jump(to) { view = to; pending = false; commit(); }
          function fit() { jump(copy(home)); }
          function toMap(clientX, clientY) {
            var r = map.getBoundingClientRect(), f = fitOf(view);
            return { x: view.x + (clientX - r.left - f.x) / f.k, y: view.y + (clientY - r.top - f.y) / f.k, scale: 1 / f.k };
          }
          map.addEventListener("wheel", function (e) {
            e.preventDefault();
            var p = toMap(e.clientX, e.clientY), f = Math.exp(e.deltaY * 0.0015);
            view.w *= f; view.h *= f;
            view.x = p.x - (p.x - view.x) * f; view.y = p.y - (p.y - view.y) * f;
            schedule();
          }, { passive: false });
          var drag = null, moved = false;
          map.addEventListener("pointerdown", function (e) { drag = { x: e.clientX, y: e.clientY }; moved = false; });
          window.addEventListener("pointermove", function (e) {
            if (!drag) return;
            var scale = toMap(0, 0).scale, dx = e.clientX - drag.x, dy = e.clientY - drag.y;
            if (Math.abs(dx) + Math.abs(dy) > 3) { moved = true; map.classList.add("dragging"); }
            view.x -= dx * scale; view.y -= dy * scale; drag = { x: e.clientX, y: e.clientY }; schedule();
          });
          window.addEventListener("pointerup", function () { drag = null; map.classList.remove("dragging"); });
          window.addEventListener("resize", function () { if (!pending) commit(); });
          document.getElementById("fit").addEventListener("click", fit);

          function centre(i) {
            var g = nodeElement(i);
            if (!g) return;
            var box = g.getBBox(), w = Math.max(box.width * 6, home.w / 8), h = w * view.h / view.w;
            var ctm = g.getCTM(), root = svg.getCTM();
            var x = box.x + box.width / 2, y = box.y + box.height / 2;
            if (ctm && root) { var m = root.inverse().multiply(ctm); var p = new DOMPoint(x, y).matrixTransform(m); x = p.x; y = p.y; }
            jump({ x: x - w / 2, y: y - h / 2, w: w, h: h });
          }

          // Highlight: a translucent veil over the whole drawing, and copies of the node, its edges and neighbours
          // on top of it. Only the neighbourhood is touched, never every element of a large map.
          var veil = null, overlay = null, near = 0;
          function clearFocus() {
            if (veil) veil.remove();
            if (overlay) overlay.remove();
            veil = overlay = null; near = 0;
          }
          function lift(g, index, attribute, cls) {
            if (!g) return;
            var copyOf = g.cloneNode(true);
            copyOf.removeAttribute("id");
            Array.prototype.forEach.call(copyOf.querySelectorAll("[id]"), function (e) { e.removeAttribute("id"); });
            copyOf.setAttribute(attribute, String(index));
            if (cls) copyOf.classList.add(cls);
            overlay.appendChild(copyOf);
            near++;
          }
          // The veil and the overlay are children of the <svg> itself, after the drawing: the veil in the viewBox's
          // units (three times the map each way, whatever the pan), the overlay with the drawing's own transform so
          // that the copies sit where their originals are. Nothing measures the drawing (a getBBox of a map of
          // 25,000 nodes walks every element).
          var drawingTransform = drawing === svg ? null : drawing.getAttribute("transform");
          function select(i) {
            clearFocus();
            veil = document.createElementNS(SVG, "rect");
            veil.setAttribute("class", "veil");
            veil.setAttribute("x", home.x - home.w); veil.setAttribute("y", home.y - home.h);
            veil.setAttribute("width", 3 * home.w); veil.setAttribute("height", 3 * home.h);
            overlay = document.createElementNS(SVG, "g");
            overlay.setAttribute("class", "overlay");
            if (drawingTransform) overlay.setAttribute("transform", drawingTransform);
            var neighbours = [];
            incident[i].forEach(function (j) {
              lift(edgeElement(j), j, "data-edge");
              var edge = data.edges[j];
              [edge.source, edge.target].forEach(function (id) {
                var k = indexOf.get(id);
                if (k !== undefined && k !== i && neighbours.indexOf(k) < 0) neighbours.push(k);
              });
            });
            neighbours.forEach(function (k) { lift(nodeElement(k), k, "data-node"); });
            lift(nodeElement(i), i, "data-node", "hit");
            svg.appendChild(veil);
            svg.appendChild(overlay);
            showDetails(i);
          }
          function el(tag, text) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; }
          function showDetails(i) {
            var node = data.nodes[i], box = document.getElementById("details");
            box.replaceChildren();
            box.appendChild(el("h2", node.label));
            var dl = el("dl");
            dl.appendChild(el("dt", "kind")); dl.appendChild(el("dd", node.kind));
            dl.appendChild(el("dt", "id")); dl.appendChild(el("dd", node.id));
            Object.keys(node.attributes).sort().forEach(function (key) {
              if (key === "url") return;
              dl.appendChild(el("dt", key)); dl.appendChild(el("dd", node.attributes[key]));
            });
            if (node.flags.length) { dl.appendChild(el("dt", "flags")); dl.appendChild(el("dd", node.flags.join(", "))); }
            box.appendChild(dl);
            var url = node.attributes.url;
            if (typeof url === "string" && url.indexOf("https://cloud.ibm.com/") === 0) {
              var a = el("a", "Open in the IBM Cloud console"); a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
              box.appendChild(a);
            }
            box.appendChild(el("h2", "Edges (" + incident[i].length + ")"));
            var list = el("ul");
            incident[i].slice(0, 500).forEach(function (j) {
              var edge = data.edges[j], out = edge.source === node.id, other = data.nodes[indexOf.get(out ? edge.target : edge.source)];
              var li = el("li", (out ? "→ " : "← ") + edge.kind.replace("_", " ") + " " + (other ? other.label : (out ? edge.target : edge.source)));
              var roles = edge.attributes.roles || edge.label;
              if (roles) li.appendChild(el("div", roles));
              if (edge.attributes.network_restriction) li.appendChild(el("div", "network: " + edge.attributes.network_restriction));
              if (edge.flags.length) li.appendChild(el("div", "flags: " + edge.flags.join(", ")));
              list.appendChild(li);
            });
            if (incident[i].length > 500) list.appendChild(el("li", "… " + (incident[i].length - 500) + " more"));
            box.appendChild(list);
          }
          svg.addEventListener("click", function (e) {
            if (moved) return;
            var g = e.target.closest ? e.target.closest("g.node") : null;
            var index = !g ? null : g.hasAttribute("data-node") ? g.getAttribute("data-node") : /^n[0-9]+$/.test(g.id) ? g.id.slice(1) : null;
            if (index === null) { clearFocus(); return; }
            e.preventDefault();
            select(Number(index));
          });
          document.addEventListener("keydown", function (e) { if (e.key === "Escape") clearFocus(); });

          // Search: name, email, IAM id, GUID, CRN, node id, and the members an overview's group node lists (a person
          // drawn only inside a group is found there); each node's text lowercased once, on the first search.
          var fields = ["email", "iam_id", "id", "guid", "crn", "member_names"], haystacks = null;
          function search(text) {
            var q = text.trim().toLowerCase(), found = [];
            if (!q) return found;
            if (!haystacks) haystacks = data.nodes.map(function (node) {
              var hay = [node.label, node.id];
              fields.forEach(function (f) { if (node.attributes[f]) hay.push(node.attributes[f]); });
              return hay.join("\n").toLowerCase();
            });
            haystacks.forEach(function (hay, i) { if (hay.indexOf(q) >= 0) found.push(i); });
            return found;
          }
          function showMatches(found) {
            var list = document.getElementById("matches");
            list.replaceChildren();
            found.slice(0, 50).forEach(function (i) {
              var b = el("button", data.nodes[i].label + " (" + data.nodes[i].kind + ")");
              b.addEventListener("click", function () { select(i); centre(i); });
              var li = el("li"); li.appendChild(b); list.appendChild(li);
            });
            if (found.length > 50) list.appendChild(el("li", "… " + (found.length - 50) + " more"));
          }
          function run(text) {
            var found = search(text);
            showMatches(found);
            if (found.length) { select(found[0]); centre(found[0]); }
            return found;
          }
          var input = document.getElementById("search"), timer = 0;
          input.addEventListener("input", function () { window.clearTimeout(timer); timer = window.setTimeout(function () { run(input.value); }, 200); });
          input.addEventListener("keydown", function (e) { if (e.key === "Enter") { window.clearTimeout(timer); run(input.value); } });

          // Filters.
          document.getElementById("privileged").addEventListener("change", function (e) { svg.classList.toggle("privileged-only", e.target.checked); });
          var kinds = [];
          data.nodes.forEach(function (n) { if (kinds.indexOf(n.kind) < 0) kinds.push(n.kind); });
          kinds.sort().forEach(function (kind) {
            var label = el("label"), box = el("input");
            box.type = "checkbox"; box.checked = true;
            box.addEventListener("change", function () { svg.classList.toggle("hide-" + kind, !box.checked); });
            label.appendChild(box); label.appendChild(document.createTextNode(" " + kind.replace("_", " ")));
            document.getElementById("kinds").appendChild(label);
          });

          // Timings for the test hook: script done with the layout forced, and the first animation frame (headless
          // Chromium's --dump-dom records no paint entries).
          svg.getBoundingClientRect();
          var ready = performance.now(), firstFrame = null;
          window.requestAnimationFrame(function (t) { firstFrame = t; });

          // Test hook: #selftest=search:TEXT.
          var hook = /^#selftest=search:(.*)$/.exec(window.location.hash);
          if (hook) {
            var found = run(decodeURIComponent(hook[1])), tries = 0;
            var report = function () {
              var paint = performance.getEntriesByType("paint").map(function (p) { return [p.name, p.startTime]; });
              if ((!paint.length || firstFrame === null) && tries++ < 40) { window.setTimeout(report, 50); return; }
              // Elements parsed before this script ran may have tried (and been refused) before the listeners above
              // existed: every element that names a source other than inline data counts as a request too.
              Array.prototype.forEach.call(document.querySelectorAll("[src]"), function (el) {
                var src = el.getAttribute("src");
                if (src && !/^data:/i.test(src) && blocked.indexOf("failed: " + el.src) < 0) blocked.push("element: " + src);
              });
              // What is highlighted, read back from the drawing: the lifted copy marked as the hit.
              var hit = overlay ? overlay.querySelector("g.node.hit") : null;
              // The copy must cover its original on the screen (the overlay carries the drawing's transform).
              var aligned = null;
              if (hit) {
                var a = hit.getBoundingClientRect(), b = nodeElement(Number(hit.getAttribute("data-node"))).getBoundingClientRect();
                aligned = Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.width - b.width) < 0.5 && Math.abs(a.height - b.height) < 0.5;
              }
              var out = document.getElementById("selftest");
              out.textContent = JSON.stringify({
                errors: errors, blocked: blocked, found: found.length,
                highlighted: hit ? [data.nodes[Number(hit.getAttribute("data-node"))].id] : [],
                near: near, aligned: aligned, paint: paint, ready: ready, firstFrame: firstFrame, nodes: data.nodes.length
              });
              out.hidden = false;
            };
            // Report once the page has loaded (so every request it tried has been reported) and painted.
            if (document.readyState === "complete") window.setTimeout(report, 300);
            else window.addEventListener("load", function () { window.setTimeout(report, 300); });
          }
        })();
        """#
}
