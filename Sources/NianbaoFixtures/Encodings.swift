import NianbaoCore

/// The byte forms a report arrives in: the encodings and line ends of real files.
public enum FileForm: String, CaseIterable, Sendable {
    case utf8, utf8BOM, utf16LE, utf16BE, gb18030, utf8CRLF, gb18030CR

    public func bytes(_ text: String) -> [UInt8] {
        switch self {
        case .utf8: Array(text.utf8)
        case .utf8BOM: [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .utf16LE: [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .utf16BE: [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case .gb18030: Iconv.convert(Array(text.utf8), from: "UTF-8", to: "GB18030")!
        case .utf8CRLF: Array(Self.lineEnds(text, "\r\n").utf8)
        case .gb18030CR: Iconv.convert(Array(Self.lineEnds(text, "\r").utf8), from: "UTF-8", to: "GB18030")!
        }
    }

    static func lineEnds(_ text: String, _ end: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: end)
    }
}
