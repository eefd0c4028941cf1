/// Reads a number one scalar at a time, without allocating: `12`, `+3`, `-2`, `1,234`,
/// `18.6`, `24252.311082` (six decimals at most), then an optional unit (万元, 元, 件 …).
///
/// A whole part of more than `maxWholeDigits` digits is read to its end but not taken:
/// the model keeps millionths in 64 bits, and no count in a report comes near a trillion.
/// `isTooLarge` then tells the caller, so that the cell is reported, never wrapped round.
struct NumberReader {
    /// The most whole digits a value may have (in millionths, even a sum of ninety such values fits in an Int64).
    static let maxWholeDigits = 11
    private enum State { case start, sign, whole, comma, dot, fraction, unit, unitWan, done }
    private var state = State.start
    private var wholeDigits = 0
    /// The whole part had more digits than the model holds.
    private(set) var isTooLarge = false
    private var negative = false
    private var whole: Int64 = 0
    private var fraction: Int64 = 0
    private var fractionDigits = 0

    /// Takes the next scalar (already folded to half width); false when the text cannot be a number.
    mutating func feed(_ s: Unicode.Scalar) -> Bool {
        let digit: Int64? = ("0"..."9").contains(s) ? Int64(s.value - 48) : nil
        switch state {
        case .start:
            if s == "+" || s == "-" { negative = s == "-"; state = .sign; return true }
            guard let digit else { return false }
            takeWhole(digit); state = .whole; return true
        case .sign:
            guard let digit else { return false }
            takeWhole(digit); state = .whole; return true
        case .whole, .comma:
            if let digit {
                takeWhole(digit); state = .whole; return true
            }
            guard state == .whole else { return false }
            if s == "," { state = .comma; return true }
            if s == "." { state = .dot; return true }
            return unit(s)
        case .dot, .fraction:
            if let digit {
                guard fractionDigits < 6 else { return false }
                fraction = fraction * 10 + digit; fractionDigits += 1; state = .fraction; return true
            }
            guard state == .fraction else { return false }
            return unit(s)
        case .unitWan:
            if s == "元" { state = .done; return true }
            return false
        case .unit, .done:
            return false
        }
    }

    private mutating func takeWhole(_ digit: Int64) {
        // Leading zeros add no digits ("007").
        if wholeDigits > 0 || digit != 0 { wholeDigits += 1 }
        if wholeDigits > Self.maxWholeDigits { isTooLarge = true; return }
        whole = whole * 10 + digit
    }

    private mutating func unit(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "万": state = .unitWan; return true
        case "元", "件", "个", "项", "次", "起", "%": state = .done; return true
        default: return false
        }
    }

    /// True when the text is a well-formed number whose whole part is too long to keep.
    var endsTooLarge: Bool {
        switch state {
        case .whole, .fraction, .done: isTooLarge
        default: false
        }
    }

    /// The number read, or nil when the text ended where a number cannot (or was too large).
    var result: Quantity? {
        if isTooLarge { return nil }
        switch state {
        case .whole, .fraction, .done:
            var scaled = fraction
            for _ in fractionDigits..<6 { scaled *= 10 }
            let micros = whole * Quantity.scale + scaled
            return Quantity(micros: negative ? -micros : micros)
        default:
            return nil
        }
    }
}
