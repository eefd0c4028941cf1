#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// File names are bytes on disk, and a folder unzipped from Windows holds names in GBK that
/// are not UTF-8. Such a path is shown with its undecodable bytes escaped (`报告\xC4\xEA.txt`)
/// and remembered with its real bytes, so that it is opened as it is, never skipped.
public enum FilePath {
    /// Escaped display paths and the bytes they stand for.
    private static let raw = Mutex<[String: [UInt8]]>([:])

    /// The path as nianbao shows and keys it: UTF-8 as it is; other bytes as `\xNN`,
    /// remembered for `bytes(of:)`.
    public static func display(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var out = ""
        var i = 0
        while i < bytes.count {
            // The longest valid UTF-8 sequence starting here, else one escaped byte.
            var length = 0
            for n in stride(from: min(4, bytes.count - i), through: 1, by: -1) {
                if String(validating: bytes[i..<(i + n)], as: UTF8.self) != nil { length = n; break }
            }
            if length > 0 {
                out += String(decoding: bytes[i..<(i + length)], as: UTF8.self)
                i += length
            } else {
                out += "\\x" + String(bytes[i], radix: 16, uppercase: true).leftPadded(to: 2)
                i += 1
            }
        }
        raw.withLock { $0[out] = bytes }
        return out
    }

    /// The bytes to open for a path: the remembered ones for an escaped path, else its UTF-8.
    public static func bytes(of path: String) -> [UInt8] {
        raw.withLock { $0[path] } ?? Array(path.utf8)
    }

    /// Remembers the real bytes of an escaped path made elsewhere (a worker process).
    public static func remember(_ path: String, bytes: [UInt8]) {
        guard Array(path.utf8) != bytes else { return }
        raw.withLock { $0[path] = bytes }
    }

    /// Calls `body` with the path's real bytes as a C string.
    public static func withCString<T>(_ path: String, _ body: (UnsafePointer<CChar>) -> T) -> T {
        withCString(bytes: bytes(of: path), body)
    }

    /// Calls `body` with `bytes` as a C string.
    public static func withCString<T>(bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        var terminated = bytes
        terminated.append(0)
        return terminated.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { body($0) }
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
