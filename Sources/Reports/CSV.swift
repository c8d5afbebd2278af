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
        fields.map(field).joined(separator: ",") + "\r\n"
    }
}
