internal import CInflate

/// Reads one member of a ZIP archive (a .docx) from bytes in memory, checking every
/// offset and length against the bytes it has, so that a damaged or hostile file is a
/// reason, never a trap, and never expands past `limit`.
///
/// Only what a Word file needs: the central directory, stored and deflated members.
/// Writing (the correction notices) is left to ZIPFoundation.
struct ZipArchive {
    enum Failure: Error, Equatable {
        /// Not a ZIP archive at all, or its directory is cut off or inconsistent.
        case notAZip
        case damaged(String)
        case missingMember(String)
        case tooLarge(limit: Int)
        case unsupported(String)
    }

    struct Member {
        let name: [UInt8]
        let method: UInt16
        let compressedSize: Int
        let uncompressedSize: Int
        let localHeaderOffset: Int
        let flags: UInt16
    }

    private let bytes: [UInt8]
    let members: [Member]

    init(_ bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        members = try Self.directory(bytes)
    }

    /// The names of the members, as UTF-8 where they decode.
    var names: [String] { members.map { String(decoding: $0.name, as: UTF8.self) } }

    /// The bytes of the member `name`, inflated, refusing more than `limit` bytes.
    func extract(_ name: String, limit: Int) throws(Failure) -> [UInt8] {
        let wanted = Array(name.utf8)
        guard let member = members.first(where: { $0.name == wanted }) else { throw .missingMember(name) }
        if member.flags & 0x1 != 0 { throw .unsupported("it is encrypted") }
        let local = member.localHeaderOffset
        guard let signature = u32(bytes, local), signature == 0x0403_4B50,
              let nameLength = u16(bytes, local + 26), let extraLength = u16(bytes, local + 28) else {
            throw .damaged("a member's header is damaged")
        }
        let start = local + 30 + Int(nameLength) + Int(extraLength)
        guard start <= bytes.count, member.compressedSize <= bytes.count - start else {
            throw .damaged("a member runs past the end of the file")
        }
        let data = bytes[start..<(start + member.compressedSize)]
        switch member.method {
        case 0:
            guard data.count <= limit else { throw .tooLarge(limit: limit) }
            return Array(data)
        case 8:
            return try Self.inflate(data, limit: limit)
        default:
            throw .unsupported("compression method \(member.method)")
        }
    }

    /// The central directory, found from the end record.
    private static func directory(_ bytes: [UInt8]) throws(Failure) -> [Member] {
        guard bytes.count >= 22 else { throw .notAZip }
        // The end record is in the last 64 KiB + 22 bytes (its comment is at most 65,535 bytes).
        var end = -1
        var i = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while i >= lowest {
            if bytes[i] == 0x50, u32(bytes, i) == 0x0605_4B50 { end = i; break }
            i -= 1
        }
        guard end >= 0, let count = u16(bytes, end + 10), let size = u32(bytes, end + 12), let offset = u32(bytes, end + 16) else {
            throw .notAZip
        }
        guard Int(offset) <= bytes.count, Int(size) <= bytes.count - Int(offset) else {
            throw .damaged("its directory points past the end of the file")
        }
        var members: [Member] = []
        members.reserveCapacity(Int(count))
        var at = Int(offset)
        let directoryEnd = Int(offset) + Int(size)
        for _ in 0..<Int(count) {
            guard at + 46 <= directoryEnd, u32(bytes, at) == 0x0201_4B50,
                  let flags = u16(bytes, at + 8), let method = u16(bytes, at + 10),
                  let compressed = u32(bytes, at + 20), let uncompressed = u32(bytes, at + 24),
                  let nameLength = u16(bytes, at + 28), let extraLength = u16(bytes, at + 30),
                  let commentLength = u16(bytes, at + 32), let local = u32(bytes, at + 42) else {
                throw .damaged("its directory is damaged")
            }
            let nameStart = at + 46
            let next = nameStart + Int(nameLength) + Int(extraLength) + Int(commentLength)
            guard next <= directoryEnd else { throw .damaged("its directory is damaged") }
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                throw .unsupported("it is a ZIP64 archive, larger than a Word report can be")
            }
            members.append(Member(
                name: Array(bytes[nameStart..<(nameStart + Int(nameLength))]), method: method,
                compressedSize: Int(compressed), uncompressedSize: Int(uncompressed), localHeaderOffset: Int(local),
                flags: flags))
            at = next
        }
        return members
    }

    /// Raw deflate through zlib, stopping as soon as the output would pass `limit`.
    private static func inflate(_ input: ArraySlice<UInt8>, limit: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard nianbao_inflate_init_raw(&stream) == Z_OK else { throw .damaged("it could not be decompressed") }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var status: Int32 = Z_OK
        var input = Array(input)
        var failure: Failure?
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            while status == Z_OK {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    status = CInflate.inflate(&stream, Z_NO_FLUSH)
                    return buffer.count - Int(stream.avail_out)
                }
                if status != Z_OK, status != Z_STREAM_END {
                    failure = .damaged("its compressed data is damaged")
                    return
                }
                if output.count + produced > limit {
                    failure = .tooLarge(limit: limit)
                    return
                }
                output.append(contentsOf: chunk[0..<produced])
                if produced == 0, stream.avail_in == 0, status == Z_OK {
                    failure = .damaged("its compressed data is cut off")
                    return
                }
            }
        }
        if let failure { throw failure }
        return output
    }
}

private func u16(_ b: [UInt8], _ at: Int) -> UInt16? {
    guard at >= 0, at <= b.count - 2 else { return nil }
    return UInt16(b[at]) | UInt16(b[at + 1]) << 8
}

private func u32(_ b: [UInt8], _ at: Int) -> UInt32? {
    guard at >= 0, at <= b.count - 4 else { return nil }
    return UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24
}
