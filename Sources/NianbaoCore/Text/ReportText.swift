#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The decoded text of a report split into lines. Line numbers in every output refer to it,
/// and the TUI shows exactly these lines as the raw side.
public struct ReportText: Sendable {
    public let string: String
    /// The lines without their terminators (`\n`, `\r\n` and a lone `\r` all end a line).
    public let lines: [Substring]

    public init(_ string: String) {
        var string = string
        string.makeContiguousUTF8()
        // Byte offsets of each line, found on the raw bytes, then turned into indices once.
        var bounds: [(Int, Int)] = []
        bounds.reserveCapacity(string.utf8.count / 40 + 1)
        string.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return }
            var start = 0
            if memchr(base, 0x0D, bytes.count) == nil {
                // The common case: LF only, found with memchr.
                while start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
                    let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    bounds.append((start, end))
                    start = end + 1
                }
                if start < bytes.count { bounds.append((start, bytes.count)) }
                return
            }
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte == 0x0A || byte == 0x0D {
                    bounds.append((start, i))
                    i += byte == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
                    start = i
                } else {
                    i += 1
                }
            }
            if start < bytes.count { bounds.append((start, bytes.count)) }
        }
        let utf8 = string.utf8
        var lines: [Substring] = []
        lines.reserveCapacity(bounds.count)
        var index = utf8.startIndex
        var offset = 0
        for (start, end) in bounds {
            let from = utf8.index(index, offsetBy: start - offset)
            let to = utf8.index(from, offsetBy: end - start)
            lines.append(string[from..<to])
            index = to
            offset = end
        }
        self.string = string
        self.lines = lines
    }

    public var lineCount: Int { lines.count }

    /// The line with the 1-based number `number`, or an empty line past the end.
    public func line(_ number: Int) -> Substring {
        (1...lines.count).contains(number) ? lines[number - 1] : ""
    }
}
