internal import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// A small read-only view of a libxml2 node (HTML or XML): local names, attributes,
/// children, text. Trees are walked in place through libxml2's own links, without
/// recursion and without arrays of children, so that a document nested 100,000 deep
/// costs time, not stack.
struct MarkupNode {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) { self.pointer = pointer }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// True when the element's local name is `lowercase`, whatever its case in the file.
    func named(_ lowercase: String) -> Bool {
        guard isElement, let raw = pointer.pointee.name else { return false }
        return lowercase.withCString { strcasecmp(UnsafeRawPointer(raw).assumingMemoryBound(to: CChar.self), $0) == 0 }
    }

    /// True when the element's local name is one of `names` (lowercase).
    func named(oneOf names: Set<String>) -> Bool { isElement && names.contains(name) }

    /// The element's name, lowercased ("td", "p").
    var name: String {
        guard let raw = pointer.pointee.name else { return "" }
        return String(cString: raw).lowercased()
    }

    var children: Children { Children(first: pointer.pointee.children) }

    /// The direct children, followed through libxml2's sibling links.
    struct Children: Sequence, IteratorProtocol {
        var upcoming: xmlNodePtr?
        init(first: xmlNodePtr?) { upcoming = first }
        mutating func next() -> MarkupNode? {
            guard let current = upcoming else { return nil }
            upcoming = current.pointee.next
            return MarkupNode(current)
        }
    }

    /// An attribute by its local name, whatever its namespace and case (`w:val` is `val`).
    func attribute(_ name: String) -> String? {
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if let raw = current.pointee.name,
               name.withCString({ strcasecmp(UnsafeRawPointer(raw).assumingMemoryBound(to: CChar.self), $0) == 0 }) {
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

    /// What a walk does with a node's children.
    enum Step { case descend, skip, stop }

    /// Visits the nodes below this one in document order: `enter` on the way down (it
    /// decides whether to go into the node), `leave` once its children are done.
    /// Iterative, through the parent and sibling links.
    func walk(enter: (MarkupNode) -> Step, leave: (MarkupNode) -> Void = { _ in }) {
        var node = pointer.pointee.children
        while let current = node {
            let step = enter(MarkupNode(current))
            if step == .stop { return }
            if step == .descend, let child = current.pointee.children {
                node = child
                continue
            }
            if step == .descend { leave(MarkupNode(current)) }
            // Up until a node has a next sibling, leaving each finished parent.
            var up: xmlNodePtr? = current
            while let u = up, u.pointee.next == nil {
                guard let parent = u.pointee.parent, parent != pointer else { return }
                leave(MarkupNode(parent))
                up = parent
            }
            node = up?.pointee.next
        }
    }

    /// The first element below this one (document order) that `predicate` accepts.
    func firstElement(where predicate: (MarkupNode) -> Bool) -> MarkupNode? {
        var found: MarkupNode?
        walk { node in
            guard node.isElement else { return .skip }
            if predicate(node) { found = node; return .stop }
            return .descend
        }
        return found
    }

    func first(_ name: String) -> MarkupNode? {
        named(name) ? self : firstElement { $0.named(name) }
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
