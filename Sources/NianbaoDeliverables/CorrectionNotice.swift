import Foundation
import ZIPFoundation

/// A correction notice (整改通知) for a report marked as needing correction: the title, the
/// body, each confirmed finding with its cells and arithmetic, the reviewer's note. A Word file
/// of the minimal OOXML parts (content types, the package relationship, the document), which
/// Word, WPS and LibreOffice open.
public enum CorrectionNotice {
    /// The paragraphs of the notice, in order, each with whether it is a heading.
    public static func paragraphs(_ entry: ReviewSummary.Entry, date: Date) -> [(text: String, heading: Bool)] {
        var out: [(String, Bool)] = [("政府信息公开工作年度报告整改通知", true)]
        out.append(("\(entry.agency ?? entry.key)：", false))
        let year = entry.year.map { "\($0) 年度" } ?? ""
        out.append(("经审阅，贵单位\(year)政府信息公开工作年度报告（\(entry.key)）存在以下问题，请予整改：", false))
        if entry.confirmed.isEmpty {
            out.append(("（审阅人未逐条确认发现，见审阅意见。）", false))
        }
        for (i, row) in entry.confirmed.enumerated() {
            let line = row.line.map { "原文第 \($0) 行，" } ?? ""
            let cells = row.cells.isEmpty ? "" : "（涉及：\(row.cells.joined(separator: "、"))）"
            out.append(("\(i + 1). \(line)\(row.message)\(cells)〔\(row.rule)〕", false))
        }
        if let note = entry.record?.note, !note.isEmpty {
            out.append(("审阅意见：", false))
            for line in note.split(separator: "\n", omittingEmptySubsequences: false) { out.append((String(line), false)) }
        }
        out.append(("审阅人：\(entry.record?.reviewer ?? "")　　日期：\(LocalTime.day(date))", false))
        return out
    }

    /// The notice as the bytes of a .docx file.
    public static func docx(_ entry: ReviewSummary.Entry, date: Date = Date()) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", relationships), ("word/document.xml", document(paragraphs(entry, date: date))),
        ]
        for (name, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// A file name for the notice: 机关-年度.docx, without characters file systems refuse.
    public static func fileName(_ entry: ReviewSummary.Entry) -> String {
        let body = (entry.agency ?? entry.key).map { "/\\:*?\"<>|\n\r\t".contains($0) ? "_" : $0 }
        return "\(String(body))-\(entry.year.map(String.init) ?? "未知年度").docx"
    }

    static func document(_ paragraphs: [(text: String, heading: Bool)]) -> String {
        var body = ""
        for (text, heading) in paragraphs {
            let properties = heading ? "<w:pPr><w:jc w:val=\"center\"/></w:pPr>" : ""
            let run = heading ? "<w:rPr><w:b/><w:sz w:val=\"36\"/></w:rPr>" : "<w:rPr><w:sz w:val=\"24\"/></w:rPr>"
            body += "<w:p>\(properties)<w:r>\(run)<w:t xml:space=\"preserve\">\(xmlText(text))</w:t></w:r></w:p>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>
            """
    }

    /// Text for XML: escaped, and without the control characters XML 1.0 cannot hold.
    static func xmlText(_ text: String) -> String {
        HTML.escape(String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" })))
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """

    static let relationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
        """
}
