#if canImport(Glibc)
import Glibc
#endif

/// Messages between nianbao and its workers: a 4-byte little-endian length, then the bytes.
enum Frames {
    /// No answer about one report comes near this; a longer length is a garbled stream.
    static let maxLength = 512 * 1_048_576

    /// Writes one message whole; false when the other end is gone.
    static func write(_ payload: [UInt8], to fd: Int32) -> Bool {
        let n = UInt32(payload.count)
        var message: [UInt8] = [UInt8(n & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 24)]
        message += payload
        var offset = 0
        while offset < message.count {
            let written = message.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, message.count - offset) }
            if written < 0, errno == EINTR { continue }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }

    /// Reads one message, blocking; nil at the end of the stream or on a garbled length.
    static func read(from fd: Int32) -> [UInt8]? {
        guard let header = readExactly(4, from: fd) else { return nil }
        let length = Int(header[0]) | Int(header[1]) << 8 | Int(header[2]) << 16 | Int(header[3]) << 24
        guard length <= maxLength else { return nil }
        return readExactly(length, from: fd)
    }

    private static func readExactly(_ count: Int, from fd: Int32) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + offset, count - offset) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return nil }
            offset += n
        }
        return buffer
    }
}

/// Collects the bytes of a worker's answers as they arrive, without blocking.
struct FrameBuffer {
    private var bytes: [UInt8] = []

    mutating func append(_ chunk: ArraySlice<UInt8>) { bytes += chunk }

    /// The next whole message, if one has arrived; `garbled` when the stream cannot be read.
    mutating func next() -> (message: [UInt8]?, garbled: Bool) {
        guard bytes.count >= 4 else { return (nil, false) }
        let length = Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16 | Int(bytes[3]) << 24
        guard length <= Frames.maxLength else { return (nil, true) }
        guard bytes.count >= 4 + length else { return (nil, false) }
        let message = Array(bytes[4..<(4 + length)])
        bytes.removeFirst(4 + length)
        return (message, false)
    }

    mutating func reset() { bytes = [] }
}
