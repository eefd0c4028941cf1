import Synchronization

/// Remembers a result computed from a normalised label. The same headings and labels occur
/// in nearly every report of a batch, so the header and template checks are done once per
/// distinct text, not once per report. Keyed by a 64-bit hash of the bytes, checked against
/// the stored text, and bounded so that a batch of unusual reports cannot grow it forever.
final class LabelMemo<Value: Sendable>: Sendable {
    private let storage = Mutex<[UInt64: (String, Value)]>([:])
    private let limit: Int

    init(limit: Int = 20_000) { self.limit = limit }

    func value(for label: String, compute: (String) -> Value) -> Value {
        let key = Self.hash(label)
        if let hit = storage.withLock({ $0[key] }), hit.0.sameBytes(label) { return hit.1 }
        let value = compute(label)
        storage.withLock { table in
            if table.count >= limit { table.removeAll(keepingCapacity: true) }
            table[key] = (label, value)
        }
        return value
    }

    /// FNV-1a over the UTF-8 bytes.
    static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        let done = s.utf8.withContiguousStorageIfAvailable { bytes in
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        }
        if done == nil { for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 } }
        return h
    }
}
