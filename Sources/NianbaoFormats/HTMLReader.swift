internal import CLibXML2
import NianbaoCore

/// Reads a report published as a web page (`.html`, `.htm`): finds the report inside the
/// portal page (menus, search forms and footers around it), renders its prose as lines and
/// each table as tab-separated rows of its grid (rowspan/colspan expanded), and hands that
/// text to the core with the grids themselves. The text is what the review screen shows.
public enum HTMLReader {
    /// The largest page taken. Portal pages of reports are 50–400 KB; libxml2's tree of a
    /// page this size, and the grids read from it, stay within the memory one file may use.
    public static let sizeLimit = 4 * 1_048_576

    public static func document(from bytes: [UInt8], path: String) throws(ReadError) -> SourceDocument {
        if bytes.isEmpty { throw ReadError(path: path, reason: .empty) }
        if bytes.count > sizeLimit { throw ReadError(path: path, reason: .tooLarge(bytes: bytes.count, limit: sizeLimit)) }
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
        var renderer = HTMLTextRenderer(budget: TextDecoder.sizeLimit)
        renderer.render(container)
        if renderer.overBudget { throw ReadError(path: path, reason: .textTooLarge(limit: TextDecoder.sizeLimit)) }
        var lines = renderer.lines
        var grids = renderer.grids
        // Portals put the report's title outside its body: in <title> ("…年度报告_栏目_站名").
        if let title = pageTitle(node), !lines.prefix(5).contains(where: { $0.contains("报告") && $0.count < 60 }) {
            lines.insert(title, at: 0)
            grids = grids.map { $0.movedDown(by: 1) }
        }
        return SourceDocument(text: lines.joined(separator: "\n") + "\n", grids: grids)
    }

    /// The text alone, as the review screen shows it.
    public static func text(from bytes: [UInt8], path: String) throws(ReadError) -> String {
        try document(from: bytes, path: path).text
    }

    /// The element that holds the report: a CMS editor area (TRS_Editor), else the smallest
    /// element holding a heading 总体情况 and a table.
    ///
    /// One walk: the page's text goes into one buffer, each candidate element remembers the
    /// byte range of its text, and the heading's places in the buffer are looked up per
    /// element, so a deeply nested page costs no more than a flat one.
    static func reportContainer(in root: MarkupNode) -> MarkupNode? {
        if let editor = root.firstElement(where: { $0.attribute("class")?.lowercased().contains("trs_editor") == true }) {
            return editor
        }
        var text: [UInt8] = []
        struct Open { let node: MarkupNode; let start: Int; var hasTable: Bool; let isCandidate: Bool }
        var stack: [Open] = []
        var candidates: [(node: MarkupNode, range: Range<Int>)] = []
        root.walk(enter: { node in
            if node.isText { text += node.content.utf8; return .skip }
            guard node.isElement else { return .skip }
            let candidate = node.named("div") || node.named("td") || node.named("article") || node.named("section")
            stack.append(Open(node: node, start: text.count, hasTable: false, isCandidate: candidate))
            return .descend
        }, leave: { _ in
            guard let done = stack.popLast() else { return }
            if done.isCandidate, done.hasTable { candidates.append((done.node, done.start..<text.count)) }
            if done.hasTable || done.node.named("table"), !stack.isEmpty { stack[stack.count - 1].hasTable = true }
        })
        let heading = Array("总体情况".utf8)
        var places: [Int] = []
        if text.count >= heading.count {
            var i = 0
            while i <= text.count - heading.count {
                if text[i] == heading[0], (1..<heading.count).allSatisfy({ text[i + $0] == heading[$0] }) { places.append(i) }
                i += 1
            }
        }
        var best: (node: MarkupNode, size: Int)?
        for (node, range) in candidates {
            let first = places.partitionPoint { $0 < range.lowerBound }
            guard first < places.count, places[first] + heading.count <= range.upperBound else { continue }
            if range.count < (best?.size ?? Int.max) { best = (node, range.count) }
        }
        return best?.node
    }

    static func pageTitle(_ root: MarkupNode) -> String? {
        guard let title = root.first("title")?.textContent.collapsingSpaces, title.contains("报告") else { return nil }
        let parts = title.split(whereSeparator: { $0 == "_" || $0 == "|" || $0 == "－" }).map(String.init)
        return parts.first { $0.contains("报告") } ?? title
    }
}
