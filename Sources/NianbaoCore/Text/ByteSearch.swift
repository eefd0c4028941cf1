import CByteSearch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level comparisons of UTF-8 text. The standard library's `contains` builds a search
/// table on every call and its `==` normalises Unicode; labels here are already
/// normalised, so comparing bytes is both right and many times faster on the hot path.
enum ByteSearch {
    /// The offset of the first `needle` in `haystack`, or nil.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        guard needle.count > 0 else { return 0 }
        let offset = nianbao_find_bytes(haystack.baseAddress!, haystack.count, needle.baseAddress!, needle.count)
        return offset < 0 ? nil : offset
    }
}

extension StringProtocol {
    /// True when `needle` occurs in the text.
    func includes(_ needle: String) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { h in
            needle.utf8.withContiguousStorageIfAvailable { n in ByteSearch.find(n, in: h) != nil }
        }
        if let found = found ?? nil { return found }
        return Array(utf8).withUnsafeBufferPointer { h in
            Array(needle.utf8).withUnsafeBufferPointer { n in ByteSearch.find(n, in: h) != nil }
        }
    }

    /// True when both texts have the same UTF-8 bytes.
    func sameBytes(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        let same = utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }
        return (same ?? nil) ?? utf8.elementsEqual(other.utf8)
    }

    /// True when the text contains a tab, without breaking it into characters.
    var hasTab: Bool { utf8.contains(9) }
}

extension Array where Element == String {
    /// Membership by bytes: see `sameBytes`.
    func containsBytes(_ text: String) -> Bool { contains { $0.sameBytes(text) } }
}
