import Foundation
import NianbaoCore

/// The text of an HTML page: its charset from a BOM or the `<meta charset>` /
/// `http-equiv` tag (UTF-8 and GBK/GB2312 pages both exist), converted to UTF-8.
enum HTMLCharset {
    /// The charset the page declares in its first 4 KB, lowercased, if any.
    static func declared(in bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        let rest = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return name.isEmpty ? nil : String(name)
    }

    /// The page as UTF-8 bytes.
    static func utf8(_ bytes: [UInt8], path: String) throws(ReadError) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return Array(try TextDecoder.decode(bytes, path: path).utf8)
        }
        let charset = declared(in: bytes)
        if let charset, ["gbk", "gb2312", "gb18030", "x-gbk", "cp936"].contains(charset) {
            guard let converted = Iconv.convert(bytes, from: "GB18030", to: "UTF-8") else {
                throw ReadError(path: path, reason: .unknownEncoding)
            }
            return converted
        }
        if String(validating: bytes, as: UTF8.self) != nil { return bytes }
        // Declared UTF-8 (or nothing) but not valid: Chinese pages mislabelled are GBK.
        if let converted = Iconv.convert(bytes, from: "GB18030", to: "UTF-8") { return converted }
        throw ReadError(path: path, reason: .unknownEncoding)
    }
}
