internal import CLibXML2

/// A small read-only view of a libxml2 node: names, attributes, children, text.
struct HTMLNode {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) { self.pointer = pointer }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The element's name, lowercased ("td", "p").
    var name: String {
        guard let raw = pointer.pointee.name else { return "" }
        return String(cString: raw).lowercased()
    }

    var children: [HTMLNode] {
        var out: [HTMLNode] = []
        var child = pointer.pointee.children
        while let node = child {
            out.append(HTMLNode(node))
            child = node.pointee.next
        }
        return out
    }

    func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(pointer, name) else { return nil }
        defer { nianbao_xml_free(value) }
        return String(cString: value)
    }

    /// The text of a text node.
    var content: String {
        guard let raw = pointer.pointee.content else { return "" }
        return String(cString: raw)
    }

    /// All the text below this node.
    var textContent: String {
        guard let raw = xmlNodeGetContent(pointer) else { return "" }
        defer { nianbao_xml_free(raw) }
        return String(cString: raw)
    }

    func visitElements(_ body: (HTMLNode) -> Void) {
        for child in children where child.isElement {
            body(child)
            child.visitElements(body)
        }
    }

    func firstElement(where predicate: (HTMLNode) -> Bool) -> HTMLNode? {
        for child in children where child.isElement {
            if predicate(child) { return child }
            if let found = child.firstElement(where: predicate) { return found }
        }
        return nil
    }

    func first(_ name: String) -> HTMLNode? {
        isElement && self.name == name ? self : firstElement { $0.name == name }
    }
}

extension String {
    /// Runs of spaces, tabs, line ends and no-break spaces as one space, trimmed.
    var collapsingSpaces: String {
        var out = ""
        var pendingSpace = false
        for c in self {
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{00A0}" || c == "\u{3000}" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(c)
            }
        }
        return out
    }
}
