import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG parsed as XML (which fails unless it is well-formed), flattened for the tests' checks.
struct SVGDocument {
    /// Every element: its name and attributes (name, value).
    var elements: [(name: String, attributes: [(name: String, value: String)])] = []
    /// Text content of the `<text>` elements.
    var texts: [String] = []

    init(_ data: Data) throws {
        // No external DTD loading, no network: the document is only parsed.
        let document = try XMLDocument(data: data, options: [])
        guard let root = document.rootElement() else { throw SVGError.noRoot }
        visit(root)
    }

    private mutating func visit(_ element: XMLElement) {
        let attributes = (element.attributes ?? []).map { (name: $0.name ?? "", value: $0.stringValue ?? "") }
        let name = element.name ?? ""
        elements.append((name: name, attributes: attributes))
        if name == "text" || name.hasSuffix(":text") {
            texts.append(element.stringValue ?? "")
        }
        for child in element.children ?? [] {
            if let child = child as? XMLElement {
                visit(child)
            }
        }
    }

    /// The markup without text or attribute values: `<name attr attr>` per element, for pattern checks.
    var skeleton: String {
        elements.map { element in
            "<" + ([element.name] + element.attributes.map { "\($0.name)=" }).joined(separator: " ") + ">"
        }.joined(separator: "\n")
    }

    /// All attribute values of the given name (e.g. `xlink:href`, `xlink:title`).
    func values(of attribute: String) -> [String] {
        elements.flatMap { $0.attributes.filter { $0.name == attribute }.map(\.value) }
    }

    enum SVGError: Error { case noRoot }
}
