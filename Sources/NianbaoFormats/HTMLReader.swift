internal import CLibXML2
import NianbaoCore

/// Reads a report published as a web page (`.html`, `.htm`): finds the report inside the
/// portal page (menus, search forms and footers around it), renders its prose as lines and
/// each table as tab-separated rows of its grid (rowspan/colspan expanded), and hands that
/// text to the core. The text is what the review screen shows as the raw side.
public enum HTMLReader {
    public static func text(from bytes: [UInt8], path: String) throws(ReadError) -> String {
        if bytes.isEmpty { throw ReadError(path: path, reason: .empty) }
        let utf8 = try HTMLCharset.utf8(bytes, path: path)
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue)
        let document = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), path, "UTF-8", options)
            }
        }
        guard let document else { throw ReadError(path: path, reason: .unsupportedFormat("the HTML could not be parsed")) }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            throw ReadError(path: path, reason: .unsupportedFormat("the HTML page has no content"))
        }
        let node = MarkupNode(root)
        let container = reportContainer(in: node) ?? node.first("body") ?? node
        var renderer = HTMLTextRenderer()
        renderer.render(container)
        var lines = renderer.lines
        // Portals put the report's title outside its body: in <title> ("…年度报告_栏目_站名").
        if let title = pageTitle(node), !lines.prefix(5).contains(where: { $0.contains("报告") && $0.count < 60 }) {
            lines.insert(title, at: 0)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The element that holds the report: a CMS editor area (TRS_Editor), else the smallest
    /// element holding a heading 总体情况 and a table.
    static func reportContainer(in root: MarkupNode) -> MarkupNode? {
        if let editor = root.firstElement(where: { $0.attribute("class")?.lowercased().contains("trs_editor") == true }) {
            return editor
        }
        var best: MarkupNode?
        root.visitElements { element in
            guard element.name == "div" || element.name == "td" || element.name == "article" || element.name == "section" else { return }
            let text = element.textContent
            guard text.contains("总体情况"), element.firstElement(where: { $0.name == "table" }) != nil else { return }
            if best == nil || text.utf8.count < best!.textContent.utf8.count { best = element }
        }
        return best
    }

    static func pageTitle(_ root: MarkupNode) -> String? {
        guard let title = root.first("title")?.textContent.collapsingSpaces, title.contains("报告") else { return nil }
        let parts = title.split(whereSeparator: { $0 == "_" || $0 == "|" || $0 == "－" }).map(String.init)
        return parts.first { $0.contains("报告") } ?? title
    }
}
