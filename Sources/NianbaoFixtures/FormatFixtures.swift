import Foundation
import ZIPFoundation

// The same report as the other formats users hold, made from its text, so that tests and the
// benchmark can show that every format gives the same cells and findings.

/// A web page made from a report's text: prose lines become paragraphs, tab-separated rows a
/// table (one <td> per field), as a CMS export of the same report would be.
public func pageFromText(_ text: String) -> String {
    var body = ""
    var inTable = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.contains("\t") {
            if !inTable { body += "<table border=\"1\">"; inTable = true }
            body += "<tr>" + line.split(separator: "\t", omittingEmptySubsequences: false).map { "<td><p>\($0)</p></td>" }.joined() + "</tr>\n"
        } else {
            if inTable { body += "</table>\n"; inTable = false }
            if !line.trimmingCharacters(in: .whitespaces).isEmpty { body += "<p>\(line)</p>\n" }
        }
    }
    if inTable { body += "</table>" }
    return "<html><head><meta charset=\"utf-8\"><title>x</title></head><body><div class=\"TRS_Editor\">\(body)</div></body></html>"
}

/// word/document.xml made from a report's text: prose lines as paragraphs, tab rows as table
/// rows, an empty first field under a label as a vertical-merge continuation of it.
public func documentXML(fromText text: String) -> String {
    func escape(_ s: Substring) -> String { s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;") }
    func paragraph(_ s: Substring) -> String { "<w:p><w:r><w:t xml:space=\"preserve\">\(escape(s))</w:t></w:r></w:p>" }
    var body = ""
    var inTable = false
    var previous: [Substring] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.contains("\t") {
            if !inTable { body += "<w:tbl>"; inTable = true; previous = [] }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            body += "<w:tr>"
            for (i, field) in fields.enumerated() {
                // Only a group-label column merges: a row of numbers alone (Table 3's data)
                // keeps its own cells, as the official template has them.
                let labelled = fields.dropFirst().contains { !$0.isEmpty && $0.first.map { !$0.isNumber } == true }
                let mergesUp = i == 0 && field.isEmpty && !(previous.first?.isEmpty ?? true) && fields.count > 2 && labelled
                let restarts = i == 0 && !field.isEmpty
                let properties = mergesUp ? "<w:tcPr><w:vMerge/></w:tcPr>" : restarts ? "<w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" : ""
                body += "<w:tc>\(properties)\(paragraph(mergesUp ? "" : field))</w:tc>"
            }
            body += "</w:tr>"
            if !(fields.first?.isEmpty ?? true) || previous.isEmpty { previous = fields }
        } else {
            if inTable { body += "</w:tbl>"; inTable = false }
            body += paragraph(line)
        }
    }
    if inTable { body += "</w:tbl>" }
    return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
        """
}

/// A Word file (.docx) holding `files` (at least `word/document.xml`, all the reader needs).
public func wordFile(_ files: [String: Data]) throws -> [UInt8] {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (name, data) in files {
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    return Array(archive.data!)
}
