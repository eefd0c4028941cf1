import Foundation
internal import CLibXML2
import NianbaoCore
internal import ZIPFoundation

/// Element names are compared in lowercase (`MarkupNode.name`): `w:gridSpan` is "gridspan".
///
/// Reads a report saved as a Word file (`.docx`): `word/document.xml` from the zip, its
/// paragraphs as lines and each table (`w:tbl`) as tab-separated rows of its grid. A cell
/// spanning columns (`w:gridSpan`) or continuing a vertical merge (`w:vMerge`) leaves empty
/// fields, as in PDF text; a cell's paragraphs are joined into one label.
public enum DOCXReader {
    public static func text(from bytes: [UInt8], path: String) throws(ReadError) -> String {
        if bytes.isEmpty { throw ReadError(path: path, reason: .empty) }
        let xml: Data
        do {
            let archive = try Archive(data: Data(bytes), accessMode: .read)
            guard let entry = archive["word/document.xml"] else {
                throw ReadError(path: path, reason: .unsupportedFormat("it is a zip archive without word/document.xml, not a Word document"))
            }
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            xml = data
        } catch let error as ReadError {
            throw error
        } catch {
            throw ReadError(path: path, reason: .unsupportedFormat(bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0])
                ? "it is an old Word .doc file; save it as .docx or text"
                : "it is not a Word .docx file (\(error))"))
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_HUGE.rawValue)
        let document = xml.withUnsafeBytes { raw in
            xmlReadMemory(raw.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(raw.count), path, "UTF-8", options)
        }
        guard let document, let root = xmlDocGetRootElement(document) else {
            throw ReadError(path: path, reason: .unsupportedFormat("word/document.xml could not be parsed"))
        }
        defer { xmlFreeDoc(document) }
        guard let body = MarkupNode(root).first("body") else {
            throw ReadError(path: path, reason: .unsupportedFormat("word/document.xml has no body"))
        }
        var lines: [String] = []
        render(body, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Paragraphs and tables in document order (content controls are looked into).
    static func render(_ node: MarkupNode, into lines: inout [String]) {
        for child in node.children where child.isElement {
            switch child.name {
            case "p":
                let text = paragraphText(child)
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    let trimmed = String(line).collapsingSpaces
                    if !trimmed.isEmpty { lines.append(trimmed) }
                }
            case "tbl":
                lines += tableRows(child).map { $0.joined(separator: "\t") }
            case "sdt", "sdtcontent", "customxml", "smarttag", "ins":
                render(child, into: &lines)
            default:
                continue
            }
        }
    }

    /// The text of a paragraph: its runs' text, tabs as spaces, breaks as line ends; deleted
    /// text and field instructions left out.
    static func paragraphText(_ paragraph: MarkupNode) -> String {
        var text = ""
        func walk(_ node: MarkupNode) {
            for child in node.children {
                if child.isText { continue }
                guard child.isElement else { continue }
                switch child.name {
                case "t": text += child.textContent
                case "tab": text += " "
                case "br", "cr": text += "\n"
                case "deltext", "instrtext", "del", "rpr", "ppr": continue
                default: walk(child)
                }
            }
        }
        walk(paragraph)
        return text
    }

    /// The rows of a table on its grid.
    static func tableRows(_ table: MarkupNode) -> [[String]] {
        var rows: [[String]] = []
        for row in table.children where row.isElement && row.name == "tr" {
            var fields: [String] = []
            if let before = row.first("gridbefore")?.attribute("val").flatMap(Int.init) {
                fields += Array(repeating: "", count: before)
            }
            for cell in row.children where cell.isElement && cell.name == "tc" {
                let properties = cell.children.first { $0.isElement && $0.name == "tcpr" }
                let span = properties?.first("gridspan")?.attribute("val").flatMap(Int.init) ?? 1
                let merge = properties?.first("vmerge")
                let continues = merge != nil && merge?.attribute("val") != "restart"
                let text = continues ? "" : cell.children.filter { $0.isElement && $0.name == "p" }
                    .map { paragraphText($0).collapsingSpaces }.joined()
                fields.append(text)
                if span > 1 { fields += Array(repeating: "", count: span - 1) }
            }
            rows.append(fields)
        }
        return rows
    }
}
