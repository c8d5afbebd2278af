/// CSV as RFC 4180 defines it: fields separated by commas, records ended by CRLF, a field holding a comma, a double
/// quote, CR or LF enclosed in double quotes with its double quotes doubled. A field that a spreadsheet would run as
/// a formula (starting with `=`, `+`, `-`, `@`, tab or CR) is prefixed with `'`, as OWASP recommends against CSV
/// injection: names come from the API, and anyone who can name a service ID could otherwise plant a formula.
enum CSV {
    /// One field, neutralised and quoted when it must be.
    static func field(_ text: String) -> String {
        let safe = text.first.map { "=+-@\t\r".contains($0) } == true ? "'" + text : text
        guard safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return safe }
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
            if number > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: isOwnField(text) ? text.utf8 : field(text).utf8)
        }
        bytes.append(contentsOf: "\r\n".utf8)
    }

    /// Whether `field` would leave `text` as it is: printable ASCII without a comma or double quote, not starting like
    /// a formula. Most cells are; checking their bytes is cheaper than walking their characters.
    private static func isOwnField(_ text: String) -> Bool {
        guard text.isPrintableASCII, !text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") }) else {
            return false
        }
        return !"=+-@".utf8.contains { $0 == text.utf8.first }
    }
}
