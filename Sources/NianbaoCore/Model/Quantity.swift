/// A number as the report wrote it, kept exact: sums of counts must balance to the unit,
/// and amounts such as `24252.311082` must print back unchanged.
///
/// Stored as millionths, which covers the six decimals seen in real reports.
public struct Quantity: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let scale: Int64 = 1_000_000

    /// The value in millionths of a unit.
    public let micros: Int64

    public init(micros: Int64) { self.micros = micros }
    public init(_ integer: Int) { self.micros = Int64(integer) * Quantity.scale }

    public static let zero = Quantity(0)

    public var isInteger: Bool { micros % Quantity.scale == 0 }
    public var isNegative: Bool { micros < 0 }

    /// Shortest exact decimal text: `12`, `-2`, `18.6`, `24252.311082`.
    public var description: String {
        let sign = micros < 0 ? "-" : ""
        let magnitude = micros.magnitude
        let whole = magnitude / UInt64(Quantity.scale)
        var fraction = magnitude % UInt64(Quantity.scale)
        guard fraction != 0 else { return sign + String(whole) }
        var digits = 6
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let text = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: digits - text.count) + text
    }

    public static func + (a: Quantity, b: Quantity) -> Quantity { Quantity(micros: a.micros &+ b.micros) }
    public static func - (a: Quantity, b: Quantity) -> Quantity { Quantity(micros: a.micros &- b.micros) }
    public static func < (a: Quantity, b: Quantity) -> Bool { a.micros < b.micros }
}
