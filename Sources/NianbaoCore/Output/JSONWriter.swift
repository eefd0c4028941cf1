/// A small JSON writer with stable key order, so outputs can be diffed and compared by
/// scripts (`check-seeds`) without a JSON library's reordering.
///
/// It writes UTF-8 bytes, as the output goes out: constant keys are copied as the literal
/// bytes they are, strings are copied a clean run at a time (only `"`, `\` and control
/// characters are escaped), numbers are written as digits without a `String` between.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Whether the value or key about to be written needs a comma first, one flag per open
    /// object or array (bit `depth`); 64 levels is far deeper than any output of ours.
    private var commaNeeded: UInt64 = 0
    private let pretty: Bool
    private var depth = 0
    private var afterKey = false

    public init(pretty: Bool = true, capacity: Int = 4096) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    /// The output as text, for the callers that want a `String`.
    public var output: String { String(decoding: bytes, as: UTF8.self) }

    /// `s` as a JSON string literal, quotes included.
    public static func escape(_ s: String) -> String {
        var writer = JSONWriter(capacity: s.utf8.count + 2)
        writer.appendString(s)
        return writer.output
    }

    // MARK: keys and values

    /// A key known when the program is written (`"path"`): its bytes are copied as they are.
    public mutating func key(_ name: StaticString) {
        separator()
        bytes.append(0x22)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        appendKeyEnd()
    }

    /// A key made at run time (a cell id), escaped like any string.
    public mutating func key(escaping name: String) {
        separator()
        appendString(name)
        appendKeyEnd()
    }

    /// Text that is already JSON (`true`, a nested literal).
    public mutating func raw(_ text: StaticString) {
        valuePrefix()
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func string(_ s: String?) {
        valuePrefix()
        if let s { appendString(s) } else { appendNull() }
    }

    public mutating func number(_ n: Int?) {
        valuePrefix()
        if let n { appendDigits(n) } else { appendNull() }
    }

    /// An exact decimal (`12`, `24252.311082`), as `Quantity` prints it.
    public mutating func number(_ q: Quantity) {
        valuePrefix()
        bytes.append(contentsOf: q.description.utf8)
    }

    public mutating func bool(_ value: Bool) {
        valuePrefix()
        if value { appendASCII("true") } else { appendASCII("false") }
    }

    /// `{"line": 12, "column": 3}`, the form of a source location in every output.
    public mutating func location(_ location: SourceLocation) {
        valuePrefix()
        appendASCII("{\"line\": ")
        appendDigits(location.line)
        appendASCII(", \"column\": ")
        appendDigits(location.column)
        bytes.append(0x7D)
    }

    /// `["a", "b"]` on one line, whatever the writer's layout: the cells of a finding.
    public mutating func inlineStrings(_ items: [String]) {
        valuePrefix()
        bytes.append(0x5B)
        for (index, item) in items.enumerated() {
            if index > 0 { appendASCII(", ") }
            appendString(item)
        }
        bytes.append(0x5D)
    }

    public mutating func beginObject() { valuePrefix(); bytes.append(0x7B); open() }
    public mutating func endObject() { close(); bytes.append(0x7D) }
    public mutating func beginArray() { valuePrefix(); bytes.append(0x5B); open() }
    public mutating func endArray() { close(); bytes.append(0x5D) }

    // MARK: layout

    private var bit: UInt64 { 1 << UInt64(min(depth, 63)) }

    private mutating func separator() {
        if commaNeeded & bit != 0 { bytes.append(0x2C) }
        commaNeeded |= bit
        if pretty, depth > 0 { newline() }
    }

    private mutating func valuePrefix() {
        if afterKey { afterKey = false } else { separator() }
    }

    private mutating func appendKeyEnd() {
        if pretty { appendASCII(": ") } else { bytes.append(0x3A) }
        afterKey = true
    }

    private mutating func open() {
        depth += 1
        commaNeeded &= ~bit
    }

    private mutating func close() {
        let had = commaNeeded & bit != 0
        commaNeeded &= ~bit
        depth -= 1
        if pretty, had { newline() }
    }

    private mutating func newline() {
        bytes.append(0x0A)
        for _ in 0..<(2 * depth) { bytes.append(0x20) }
    }

    // MARK: bytes

    private mutating func appendASCII(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func appendNull() { appendASCII("null") }

    private mutating func appendDigits(_ n: Int) {
        if n < 0 { bytes.append(0x2D) }
        var magnitude = n.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: more than any Int has digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    /// A string literal: runs that need no escape are copied whole.
    private mutating func appendString(_ s: String) {
        bytes.append(0x22)
        var text = s
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                if index > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                appendEscape(byte)
                runStart = index + 1
            }
            if utf8.count > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        bytes.append(0x22)
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(0x5C)
        switch byte {
        case 0x22: bytes.append(0x22)
        case 0x5C: bytes.append(0x5C)
        case 0x0A: bytes.append(0x6E)
        case 0x0D: bytes.append(0x72)
        case 0x09: bytes.append(0x74)
        default:
            // \u00XX, lowercase hex: only bytes under 0x20 come here.
            let low = byte & 0xF
            bytes.append(0x75); bytes.append(0x30); bytes.append(0x30)
            bytes.append(0x30 + (byte >> 4))
            bytes.append(low < 10 ? 0x30 + low : 0x57 + low)
        }
    }
}
