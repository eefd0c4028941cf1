import NianbaoCore

/// A table written the way Excel and WPS on Chinese Windows open it with a double click:
/// RFC 4180 (every line ends CRLF; a field holding a comma, a quote or a line break is quoted,
/// its quotes doubled) in UTF-8 with a byte-order mark (without one, Excel reads the bytes as
/// the system's ANSI code page and shows mojibake), or in GBK for older tools.
public struct SpreadsheetCSV: Sendable {
    public enum Encoding: String, Sendable, CaseIterable {
        case utf8 = "utf-8", gbk
    }

    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) { self.rows = [header] + rows }

    /// The file's text, before encoding.
    public var text: String {
        rows.map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// The file's bytes. In GBK a character it cannot hold is refused with the row and the
    /// text, never replaced by a question mark.
    public func bytes(_ encoding: Encoding) throws(CSVEncodingError) -> [UInt8] {
        switch encoding {
        case .utf8:
            return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .gbk:
            var out: [UInt8] = []
            for (index, row) in rows.enumerated() {
                let line = row.map(Self.field).joined(separator: ",") + "\r\n"
                guard let bytes = Iconv.convert(Array(line.utf8), from: "UTF-8", to: "GBK") else {
                    let field = row.first { Iconv.convert(Array($0.utf8), from: "UTF-8", to: "GBK") == nil } ?? line
                    throw CSVEncodingError(line: index + 1, text: field)
                }
                out += bytes
            }
            return out
        }
    }

    /// RFC 4180: quoted when it holds a comma, a quote, a line break, or begins or ends with
    /// a space (which spreadsheets would trim); quotes doubled inside.
    public static func field(_ value: String) -> String {
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A text GBK cannot hold (a rare character, an emoji): the export is refused rather than
/// written with the character lost.
public struct CSVEncodingError: Error, CustomStringConvertible, Sendable {
    public let line: Int
    public let text: String
    public var description: String {
        "line \(line) cannot be written in GBK (“\(text)” holds a character GBK does not have): use --encoding utf-8"
    }
}
