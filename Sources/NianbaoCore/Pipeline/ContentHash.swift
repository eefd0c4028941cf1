/// A fingerprint of a file's bytes (FNV-1a, 64 bits, as hex), to tell that a report changed
/// after it was reviewed. Not a security hash: nothing here defends against forgery.
public enum ContentHash {
    public static func of(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        bytes.withUnsafeBufferPointer { buffer in
            for b in buffer { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
