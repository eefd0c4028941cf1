/// A small JSON writer with stable key order, so outputs can be diffed and compared by
/// scripts (`check-seeds`) without a JSON library's reordering.
public struct JSONWriter {
    public private(set) var output = ""
    private var needsComma = [false]
    private let pretty: Bool
    private var depth = 0

    public init(pretty: Bool = true) { self.pretty = pretty }

    public static func escape(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = true
        if pretty, depth > 0 { output += "\n" + String(repeating: "  ", count: depth) }
    }

    public mutating func key(_ name: String) {
        separator()
        output += JSONWriter.escape(name) + (pretty ? ": " : ":")
        needsComma[needsComma.count - 1] = true
        suppressNext = true
    }

    private var suppressNext = false

    private mutating func valuePrefix() {
        if suppressNext { suppressNext = false } else { separator() }
    }

    public mutating func raw(_ text: String) { valuePrefix(); output += text }
    public mutating func string(_ s: String?) { raw(s.map(JSONWriter.escape) ?? "null") }
    public mutating func number(_ n: Int?) { raw(n.map(String.init) ?? "null") }

    public mutating func beginObject() { valuePrefix(); output += "{"; open() }
    public mutating func endObject() { close(); output += "}" }
    public mutating func beginArray() { valuePrefix(); output += "["; open() }
    public mutating func endArray() { close(); output += "]" }

    private mutating func open() { needsComma.append(false); depth += 1 }
    private mutating func close() {
        let had = needsComma.removeLast()
        depth -= 1
        if pretty, had { output += "\n" + String(repeating: "  ", count: depth) }
    }
}
