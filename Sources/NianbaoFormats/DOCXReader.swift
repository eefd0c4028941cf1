internal import CLibXML2
import NianbaoCore

/// Reads a report saved as a Word file (`.docx`): `word/document.xml` from the zip, its
/// paragraphs as lines and each table (`w:tbl`) as tab-separated rows of its grid, the grid
/// itself kept for the core. A cell spanning columns (`w:gridSpan`) or continuing a
/// vertical merge (`w:vMerge`) covers places that hold no cell of their own; a cell's
/// paragraphs are joined into one label. Spans are cut to the table's grid (`w:tblGrid`).
public enum DOCXReader {
    /// The most `word/document.xml` may expand to. A real report's is well under 1 MB;
    /// libxml2's tree of this much, and the grids read from it, stay within the memory one
    /// file may use (docs/architecture.md, "Bounds").
    public static let documentLimit = 8 * 1_048_576

    public static func document(from bytes: [UInt8], path: String) throws(ReadError) -> SourceDocument {
        if bytes.isEmpty { throw ReadError(path: path, reason: .empty) }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw ReadError(path: path, reason: .unsupportedFormat("it is an old Word .doc file; save it as .docx or text"))
        }
        let xml: [UInt8]
        do {
            xml = try ZipArchive(bytes).extract("word/document.xml", limit: documentLimit)
        } catch {
            throw ReadError(path: path, reason: reason(for: error))
        }
        guard xml.count <= Int(Int32.max) else { throw ReadError(path: path, reason: .textTooLarge(limit: documentLimit)) }
        // Without XML_PARSE_HUGE libxml2 keeps its own limits on depth and node size.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue)
        let document = xml.withUnsafeBufferPointer { raw in
            raw.baseAddress.map { xmlReadMemory(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self), Int32(raw.count), path, "UTF-8", options) } ?? nil
        }
        guard let document, let root = xmlDocGetRootElement(document) else {
            if let document { xmlFreeDoc(document) }
            throw ReadError(path: path, reason: .unsupportedFormat("it is damaged: word/document.xml could not be parsed"))
        }
        defer { xmlFreeDoc(document) }
        guard let body = MarkupNode(root).first("body") else {
            throw ReadError(path: path, reason: .unsupportedFormat("it is damaged: word/document.xml has no body"))
        }
        var renderer = Renderer(budget: TextDecoder.sizeLimit)
        renderer.render(body)
        if renderer.overBudget { throw ReadError(path: path, reason: .textTooLarge(limit: TextDecoder.sizeLimit)) }
        return SourceDocument(text: renderer.lines.joined(separator: "\n") + "\n", grids: renderer.grids)
    }

    /// The text alone, as the review screen shows it.
    public static func text(from bytes: [UInt8], path: String) throws(ReadError) -> String {
        try document(from: bytes, path: path).text
    }

    /// What went wrong with the zip, in a reviewer's words.
    static func reason(for failure: ZipArchive.Failure) -> ReadError.Reason {
        switch failure {
        case .notAZip: .unsupportedFormat("it is not a Word .docx file (not a zip archive)")
        case .damaged(let what): .unsupportedFormat("it is a damaged Word file: \(what)")
        case .missingMember: .unsupportedFormat("it is a zip archive without word/document.xml, not a Word document")
        case .tooLarge(let limit): .textTooLarge(limit: limit)
        case .unsupported(let what): .unsupportedFormat("it is a Word file nianbao cannot open: \(what)")
        }
    }

    /// Paragraphs and tables in document order (content controls, insertions and smart
    /// tags are looked into), walked without recursion.
    struct Renderer {
        private(set) var lines: [String] = []
        private(set) var grids: [TableGrid] = []
        private var budget: Int
        private(set) var overBudget = false

        static let containers: Set<String> = ["sdt", "sdtcontent", "customxml", "smarttag", "ins"]

        init(budget: Int) { self.budget = budget }

        mutating func render(_ body: MarkupNode) {
            body.walk { node in
                if overBudget { return .stop }
                guard node.isElement else { return .skip }
                let name = node.name
                if name == "p" {
                    paragraph(node)
                    return .skip
                }
                if name == "tbl" {
                    table(node)
                    return .skip
                }
                return Self.containers.contains(name) ? .descend : .skip
            }
        }

        private mutating func paragraph(_ node: MarkupNode) {
            for line in DOCXReader.paragraphText(node).split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = String(line).collapsingSpaces
                guard !trimmed.isEmpty else { continue }
                budget -= trimmed.utf8.count + 1
                if budget < 0 { overBudget = true; return }
                lines.append(trimmed)
            }
        }

        private mutating func table(_ node: MarkupNode) {
            let builder = DOCXReader.tableCells(node)
            if let grid = builder.render(into: &lines, budget: &budget) { grids.append(grid) } else { overBudget = true }
        }
    }

    /// The text of a paragraph: its runs' text, tabs as spaces, breaks as line ends; deleted
    /// text and field instructions left out.
    static func paragraphText(_ paragraph: MarkupNode) -> String {
        var text = ""
        paragraph.walk { node in
            guard node.isElement else { return .skip }
            switch node.name {
            case "t":
                text += node.textContent
                return .skip
            case "tab": text += " "; return .skip
            case "br", "cr": text += "\n"; return .skip
            case "deltext", "instrtext", "del", "rpr", "ppr": return .skip
            default: return .descend
            }
        }
        return text
    }

    /// The cells of a table on its grid. Its width is `w:tblGrid`'s column count (else its
    /// widest row); `w:gridBefore` and `w:gridSpan` are cut to it, and a `w:vMerge`
    /// continuation lengthens the cell above it instead of being a cell.
    static func tableCells(_ table: MarkupNode) -> GridBuilder {
        let rows = table.children.filter { $0.named("tr") }
        let gridColumns = table.children.first { $0.named("tblgrid") }.map { grid in grid.children.filter { $0.named("gridcol") }.count } ?? 0
        let widest = rows.map { row in row.children.filter { $0.named("tc") }.count }.max() ?? 1
        let width = min(max(gridColumns, widest, 1), GridBuilder.maxColumns)
        var builder = GridBuilder()
        for row in rows {
            builder.startRow()
            var column = 0
            if let before = row.first("trpr")?.first("gridbefore")?.attribute("val") {
                column = count(before, limit: width, builder: &builder, default: 0)
            }
            for cell in row.children where cell.named("tc") {
                guard column < width else { builder.noteClamped(); break }
                let properties = cell.children.first { $0.named("tcpr") }
                let span = properties?.children.first { $0.named("gridspan") }?.attribute("val")
                    .map { count($0, limit: width - column, builder: &builder, default: 1) } ?? 1
                let merge = properties?.children.first { $0.named("vmerge") }
                let continues = merge != nil && merge?.attribute("val") != "restart"
                if !(continues && builder.extendRowSpan(ofCellAbove: column)) {
                    let text = continues ? "" : cell.children.filter { $0.named("p") }.map { paragraphText($0).collapsingSpaces }.joined()
                    builder.add(column: column, columnSpan: max(span, 1), text: text)
                }
                column += max(span, 1)
            }
        }
        return builder
    }

    /// A `w:val` count within `0...limit`: a negative or unreadable one is the default, a
    /// larger one the limit; either is counted as cut.
    static func count(_ value: String, limit: Int, builder: inout GridBuilder, default fallback: Int) -> Int {
        let trimmed = value.trimmingSpaces
        let digits = trimmed.drop { $0 == "+" || $0 == "-" }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            builder.noteClamped()
            return fallback
        }
        let number = digits.count <= 9 ? Int(digits) ?? Int.max : Int.max
        if trimmed.hasPrefix("-"), number != 0 { builder.noteClamped(); return fallback }
        if number > limit { builder.noteClamped(); return limit }
        return number
    }
}
