internal import CLibXML2

/// A small read-only view of a libxml2 node (HTML or XML): local names, attributes, children, text.
struct MarkupNode {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) { self.pointer = pointer }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The element's name, lowercased ("td", "p").
    var name: String {
        guard let raw = pointer.pointee.name else { return "" }
        return String(cString: raw).lowercased()
    }

    var children: [MarkupNode] {
        var out: [MarkupNode] = []
        var child = pointer.pointee.children
        while let node = child {
            out.append(MarkupNode(node))
            child = node.pointee.next
        }
        return out
    }

    /// An attribute by its local name, whatever its namespace (`w:val` is `val`).
    func attribute(_ name: String) -> String? {
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if let raw = current.pointee.name, String(cString: raw).lowercased() == name.lowercased() {
                guard let value = xmlNodeListGetString(pointer.pointee.doc, current.pointee.children, 1) else { return "" }
                defer { nianbao_xml_free(value) }
                return String(cString: value)
            }
            attribute = current.pointee.next
        }
        return nil
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

    func visitElements(_ body: (MarkupNode) -> Void) {
        for child in children where child.isElement {
            body(child)
            child.visitElements(body)
        }
    }

    func firstElement(where predicate: (MarkupNode) -> Bool) -> MarkupNode? {
        for child in children where child.isElement {
            if predicate(child) { return child }
            if let found = child.firstElement(where: predicate) { return found }
        }
        return nil
    }

    func first(_ name: String) -> MarkupNode? {
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
