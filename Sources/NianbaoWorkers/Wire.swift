import NianbaoCore

/// A compact binary form of what a worker sends back: little-endian integers, length-prefixed
/// strings. Every read is checked against the bytes there are, so that a garbled answer from
/// a dying worker is a failure of that file, never a trap in the supervisor.
struct WireWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        var v = UInt64(bitPattern: Int64(value))
        for _ in 0..<8 { bytes.append(UInt8(v & 0xFF)); v >>= 8 }
    }
    mutating func byte(_ value: UInt8) { bytes.append(value) }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
    mutating func double(_ value: Double) { int(Int(Int64(bitPattern: value.bitPattern))) }
    mutating func string(_ value: String) {
        let utf8 = value.utf8
        int(utf8.count)
        bytes.append(contentsOf: utf8)
    }
    mutating func data(_ value: [UInt8]) {
        int(value.count)
        bytes.append(contentsOf: value)
    }
    mutating func optional<T>(_ value: T?, _ write: (inout WireWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }
}

struct WireReader {
    struct Malformed: Error {}
    private let bytes: [UInt8]
    private var at = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { at == bytes.count }

    mutating func int() throws(Malformed) -> Int {
        guard bytes.count - at >= 8 else { throw Malformed() }
        var v: UInt64 = 0
        for i in (0..<8).reversed() { v = v << 8 | UInt64(bytes[at + i]) }
        at += 8
        return Int(Int64(bitPattern: v))
    }
    mutating func byte() throws(Malformed) -> UInt8 {
        guard at < bytes.count else { throw Malformed() }
        defer { at += 1 }
        return bytes[at]
    }
    mutating func bool() throws(Malformed) -> Bool { try byte() != 0 }
    mutating func double() throws(Malformed) -> Double { Double(bitPattern: UInt64(bitPattern: Int64(try int()))) }
    mutating func data() throws(Malformed) -> [UInt8] {
        let count = try int()
        guard count >= 0, count <= bytes.count - at else { throw Malformed() }
        defer { at += count }
        return Array(bytes[at..<(at + count)])
    }
    mutating func string() throws(Malformed) -> String { String(decoding: try data(), as: UTF8.self) }
    mutating func count() throws(Malformed) -> Int {
        let n = try int()
        // No list can have more entries than there are bytes left.
        guard n >= 0, n <= bytes.count - at else { throw Malformed() }
        return n
    }
    mutating func optional<T>(_ read: (inout WireReader) throws(Malformed) -> T) throws(Malformed) -> T? {
        try bool() ? try read(&self) : nil
    }
}
