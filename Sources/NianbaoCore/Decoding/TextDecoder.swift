#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of a text file into a string: UTF-8 (with or without BOM), UTF-16 with
/// a BOM, or GB18030/GBK. Anything else is refused with a reason, never guessed at.
public enum TextDecoder {
    /// The largest text file taken as one report. Real reports are tens of kilobytes.
    public static let sizeLimit = 16 * 1_048_576

    public static func decode(_ bytes: [UInt8], path: String) throws(ReadError) -> String {
        if bytes.isEmpty { throw ReadError(path: path, reason: .empty) }
        if bytes.count > sizeLimit { throw ReadError(path: path, reason: .tooLarge(bytes: bytes.count, limit: sizeLimit)) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try validatedUTF8(bytes.dropFirst(3), path: path)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return try utf16(bytes, path: path)
        }
        if bytes.withUnsafeBytes({ memchr($0.baseAddress!, 0, $0.count) }) != nil { throw ReadError(path: path, reason: .binary) }
        if looksBinary(bytes[...]) { throw ReadError(path: path, reason: .binary) }
        // Binary was ruled out on the bytes above; only emptiness is left to check.
        if let text = String(validating: bytes, as: UTF8.self) { return try nonEmpty(text, path: path) }
        if let text = Iconv.decode(bytes, from: "GB18030") { return try checkedText(text, path: path) }
        throw ReadError(path: path, reason: .unknownEncoding)
    }

    private static func validatedUTF8(_ bytes: ArraySlice<UInt8>, path: String) throws(ReadError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw ReadError(path: path, reason: .unknownEncoding) }
        return try checkedText(text, path: path)
    }

    private static func utf16(_ bytes: [UInt8], path: String) throws(ReadError) -> String {
        let bigEndian = bytes[0] == 0xFE
        let body = bytes.dropFirst(2)
        guard body.count % 2 == 0 else { throw ReadError(path: path, reason: .unknownEncoding) }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var i = body.startIndex
        while i < body.endIndex {
            let a = UInt16(body[i]), b = UInt16(body[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else { throw ReadError(path: path, reason: .unknownEncoding) }
        return try checkedText(text, path: path)
    }

    private static func checkedText(_ text: String, path: String) throws(ReadError) -> String {
        if looksBinary(Array(text.utf8.prefix(1024))[...]) { throw ReadError(path: path, reason: .binary) }
        return try nonEmpty(text, path: path)
    }

    /// Text of nothing but spaces of any width is an empty file, whatever its encoding.
    private static func nonEmpty(_ text: String, path: String) throws(ReadError) -> String {
        if text.unicodeScalars.allSatisfy(Characters.isSpace) { throw ReadError(path: path, reason: .empty) }
        return text
    }

    /// Text whose first bytes are mostly control codes is a binary file that happened to decode.
    private static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        var controls = 0
        let sample = bytes.prefix(1024)
        for byte in sample where byte < 32 && byte != 9 && byte != 10 && byte != 12 && byte != 13 { controls += 1 }
        return controls * 20 > sample.count
    }
}
