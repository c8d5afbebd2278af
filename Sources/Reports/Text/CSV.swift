/// CSV as RFC 4180 defines it: fields separated by commas, records ended by CRLF, a field holding a comma, a double
/// quote, CR or LF enclosed in double quotes with its double quotes doubled.
///
/// Every field is also made safe to open in a spreadsheet and to print on a terminal, since names come from the API:
/// - control characters other than tab and line breaks, and bidirectional overrides, become `?` (as `TerminalText`
///   makes them on a terminal): an escape sequence cannot recolour or move the cursor, nor an override reorder what
///   is shown, when the file is printed;
/// - a line break is kept inside the quoted field (CR LF and LF as they are, a lone CR as LF, which cannot overwrite
///   a line on a terminal);
/// - a field that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab, CR or LF) is prefixed
///   with `'`, as OWASP recommends against CSV injection: anyone who can name a service ID could otherwise plant one.
enum CSV {
    /// One field, neutralised and quoted when it must be.
    static func field(_ text: String) -> String {
        let clean = neutralised(text)
        let safe = clean.utf8.first.map(startsFormula) == true ? "'" + clean : clean
        guard safe.utf8.contains(where: { $0 == comma || $0 == quote || $0 == carriageReturn || $0 == lineFeed }) else {
            return safe
        }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record, with its CRLF.
    static func record(_ fields: [String]) -> String {
        var bytes: [UInt8] = []
        append(fields, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one record, with its CRLF, to `bytes` as UTF-8.
    static func append(_ fields: [String], to bytes: inout [UInt8]) {
        for (number, text) in fields.enumerated() {
            if number > 0 { bytes.append(comma) }
            appendField(text, to: &bytes)
        }
        bytes.append(contentsOf: [carriageReturn, lineFeed])
    }

    /// Appends `field(text)` to `bytes` as UTF-8.
    static func appendField(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: isOwnField(text) ? text.utf8 : field(text).utf8)
    }

    /// `text` with control characters (but tab and line breaks) and bidirectional overrides as `?`, and a lone CR as
    /// LF.
    private static func neutralised(_ text: String) -> String {
        guard !text.isPrintableASCII else { return text }
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            switch scalar {
            case "\t", "\n": result.append(scalar)
            case "\r": result.append(contentsOf: next == "\n" ? ["\r"] : ["\n"] as [Unicode.Scalar])
            default: result.append(TerminalText.isUnsafe(scalar) ? "?" : scalar)
            }
        }
        return String(result)
    }

    /// Whether a field starting with `byte` could be read as a formula.
    private static func startsFormula(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: "\t"),
             carriageReturn, lineFeed:
            true
        default:
            false
        }
    }

    /// Whether `field` would leave `text` as it is: printable ASCII without a comma or double quote, not starting like
    /// a formula. Most cells are; checking their bytes is cheaper than walking their characters.
    private static func isOwnField(_ text: String) -> Bool {
        guard text.isPrintableASCII, !text.utf8.contains(where: { $0 == comma || $0 == quote }) else { return false }
        return !(text.utf8.first.map(startsFormula) ?? false)
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")
}
