/// Turns untrusted text (names, labels, attributes from the IBM Cloud APIs) into values that are safe to hand to
/// Graphviz.
///
/// cgraph quotes values when it writes DOT and the SVG device escapes XML, but Graphviz itself *interprets* the
/// values of escString attributes (`label`, `tooltip`, `xlabel`, `URL`, …): `\N`, `\G`, `\E`, `\n`, `\l`, `\r` are
/// substitutions and line breaks, and `&…;` sequences are entities. So every text value is:
/// 1. cleaned: bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) removed, so no text can
///    reorder what is drawn after it; control characters and line/paragraph separators replaced by a space;
/// 2. shortened: labels in the middle (80 characters; "resource type key / reso…in instance kp-shared-8 of kms"
///    keeps both the kind of thing and the instance and service names at the end), tooltips at the end (2,000), with
///    "…";
/// 3. escaped: every backslash doubled (which also keeps DOT round-trips intact: cgraph's writer does not escape
///    backslashes, and an odd run before a quote breaks the DOT it writes) and every `&` written `&amp;`, so
///    the text shows as it is, entity-looking sequences included.
///
/// HTML-like labels take untrusted text only through `html(_:)`, XML-escaped (see `Heading`).
enum GraphvizText {
    /// Longest node, edge or cluster label, in characters.
    static let labelLimit = 80
    /// Longest title or note line, in characters.
    static let titleLimit = 160
    /// Longest tooltip, in characters.
    static let tooltipLimit = 2_000
    /// Longest node name, in characters (names appear in DOT and as SVG titles).
    static let nameLimit = 1_000
    /// Longest URL kept, in bytes.
    static let urlLimit = 2_048

    /// A one-line label: cleaned, shortened in the middle to `limit` characters, escaped.
    static func label(_ text: String, limit: Int = labelLimit) -> String {
        escape(shortenMiddle(clean(text), to: limit))
    }

    /// Several label lines (e.g. a title and its notes), each cleaned and truncated, joined by Graphviz line breaks.
    static func label(lines: [String], limit: Int = titleLimit) -> String {
        lines.map { label($0, limit: limit) }.joined(separator: "\\n")
    }

    /// A tooltip of several lines: each line cleaned, the whole truncated to `limit` characters, escaped, lines
    /// joined by Graphviz line breaks (the SVG device writes them as `&#10;`).
    static func tooltip(lines: [String], limit: Int = tooltipLimit) -> String {
        let text = truncate(lines.map(clean).joined(separator: "\n"), to: limit)
        return escape(text).replacingOccurrences(of: "\n", with: "\\n")
    }

    /// The cgraph name for a node id: cleaned, truncated, backslashes doubled (an injective change, so distinct ids
    /// with backslashes stay distinct; the renderer still makes names unique after cleaning and truncation).
    /// Names are not escStrings and are not entity-escaped.
    static func name(_ id: String) -> String {
        truncate(clean(id), to: nameLimit).replacingOccurrences(of: "\\", with: "\\\\")
    }

    /// The value for a `URL` attribute, or `nil` unless `text` is an `https://` URL made only of characters that
    /// are legal unescaped in a URL (no spaces, quotes, angle brackets, backslashes, braces or non-ASCII), so it
    /// needs no escaping anywhere and cannot be a `javascript:` or `data:` link.
    static func url(_ text: String) -> String? {
        guard text.hasPrefix("https://"), text.utf8.count > "https://".utf8.count, text.utf8.count <= urlLimit,
              text.unicodeScalars.allSatisfy(isURLCharacter)
        else { return nil }
        return text
    }

    /// Removes bidirectional controls; replaces other control characters and line/paragraph separators by a space.
    static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isBidiControl(scalar) { continue }
            if isBreakingControl(scalar) {
                scalars.append(" ")
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// The first `limit - 1` characters and "…", or `text` if it is short enough. Also bounds the size of a single
    /// character (a base followed by thousands of combining marks counts as one character).
    static func truncate(_ text: String, to limit: Int) -> String {
        let scalarBudget = limit * 8
        if text.unicodeScalars.count <= limit || (text.count <= limit && text.unicodeScalars.count <= scalarBudget) {
            return text
        }
        var result = ""
        var characters = 0
        var scalars = 0
        for character in text {
            let size = character.unicodeScalars.count
            if characters + 1 > limit - 1 || scalars + size > scalarBudget {
                return result + "…"
            }
            result.append(character)
            characters += 1
            scalars += size
        }
        return result
    }

    /// `text`, or its first two fifths and its last three fifths around "…" when it is longer than `limit` characters:
    /// the end of a label (an instance or service name) tells as much as its start. Bounds each character as
    /// `truncate` does.
    static func shortenMiddle(_ text: String, to limit: Int) -> String {
        let whole = truncate(text, to: limit)
        guard whole != text, limit > 2 else { return whole }
        let tailCount = (limit - 1) * 3 / 5
        let head = truncate(text, to: limit - tailCount)  // ends with "…"
        let tail = truncate(String(text.reversed()), to: tailCount + 1)
        return head + String(tail.dropLast().reversed())
    }

    /// Text for an HTML-like label (parsed by Graphviz as XML): cleaned, shortened in the middle to `limit`
    /// characters, the XML specials written as entities, the two characters XML forbids (U+FFFE, U+FFFF) dropped, and
    /// backslashes doubled (Graphviz substitutes `\G`, `\N`… in HTML-like labels too).
    static func html(_ text: String, limit: Int = titleLimit) -> String {
        var result = ""
        for scalar in shortenMiddle(clean(text), to: limit).unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\\": result += "\\\\"
            case "\u{FFFE}", "\u{FFFF}": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Doubles backslashes (Graphviz escapes) and writes `&` as `&amp;` (Graphviz entities).
    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "\\" || $0 == "&" }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "&": result += "&amp;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Control characters (C0, DEL, C1) and the line and paragraph separators.
    static func isBreakingControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
        default: false
        }
    }

    private static func isURLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": true
        case "-", ".", "_", "~", ":", "/", "?", "#", "[", "]", "@", "!", "$", "&", "'", "(", ")", "*", "+", ",", ";",
             "=", "%": true
        default: false
        }
    }
}
