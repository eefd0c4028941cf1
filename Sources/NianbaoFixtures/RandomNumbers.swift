/// A seeded generator (SplitMix64), so that every generated report can be made again.
public struct RandomNumbers: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A count as reports have them: mostly 0, sometimes a few, now and then dozens.
    public mutating func count() -> Int {
        switch Int.random(in: 0..<10, using: &self) {
        case 0...4: 0
        case 5...8: Int.random(in: 1...9, using: &self)
        default: Int.random(in: 10...60, using: &self)
        }
    }
}
