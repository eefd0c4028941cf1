/// A horizontal bar chart as inline SVG: readable without a script or a network, printable,
/// and its labels and numbers are text a browser can find.
public enum BarChart {
    public static func svg(_ bars: [(label: String, value: Int)], title: String, width: Int = 720) -> String {
        let rowHeight = 24, labelWidth = 260, valueWidth = 60
        let height = max(bars.count, 1) * rowHeight + 8
        let most = max(bars.map(\.value).max() ?? 0, 1)
        let room = width - labelWidth - valueWidth
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
        out += "<title>\(HTML.escape(title))</title>"
        if bars.isEmpty {
            out += "<text x=\"4\" y=\"18\" class=\"empty\">（无）</text>"
        }
        for (i, bar) in bars.enumerated() {
            let y = i * rowHeight + 4
            let length = bar.value == 0 ? 0 : max(2, room * bar.value / most)
            out += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 16)\" text-anchor=\"end\">\(HTML.escape(bar.label))</text>"
            out += "<rect class=\"bar\" x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(rowHeight - 8)\"></rect>"
            out += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 16)\">\(bar.value)</text>"
        }
        return out + "</svg>"
    }
}

/// Text in HTML and XML.
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
