internal import CLibXML2
import NianbaoCore

/// Renders HTML as the lines the core reads: block elements become lines, inline text runs
/// together, and a table becomes one tab-separated line per row of its grid, with the
/// grid itself kept for the core.
struct HTMLTextRenderer {
    private(set) var lines: [String] = []
    private(set) var grids: [TableGrid] = []
    /// Bytes of text still allowed (the size limit of a report's text).
    private var budget: Int
    private(set) var overBudget = false
    private var current = ""

    static let blocks: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "blockquote", "header",
        "footer", "center", "pre", "dl", "dt", "dd", "form",
    ]
    static let skipped: Set<String> = ["script", "style", "noscript", "iframe", "select", "button", "input", "head"]

    init(budget: Int) { self.budget = budget }

    mutating func render(_ root: MarkupNode) {
        if root.named("table") {
            table(root)
        } else {
            root.walk(enter: { enter($0) }, leave: { leave($0) })
        }
        endLine()
    }

    private mutating func enter(_ node: MarkupNode) -> MarkupNode.Step {
        if overBudget { return .stop }
        if node.isText {
            append(node.content)
            return .skip
        }
        guard node.isElement else { return .skip }
        let name = node.name
        if Self.skipped.contains(name) { return .skip }
        if name == "br" { endLine(); return .skip }
        if name == "table" {
            table(node)
            return .skip
        }
        if Self.blocks.contains(name) { endLine() }
        return .descend
    }

    private mutating func leave(_ node: MarkupNode) {
        if Self.blocks.contains(node.name) { endLine() }
    }

    private mutating func table(_ node: MarkupNode) {
        endLine()
        let builder = HTMLTableGrid.cells(of: node)
        if let grid = builder.render(into: &lines, budget: &budget) { grids.append(grid) } else { overBudget = true }
    }

    private mutating func append(_ text: String) {
        for c in text {
            if c == "\n" || c == "\r" || c == "\t" {
                if !current.isEmpty, current.last != " " { current.append(" ") }
            } else {
                current.append(c)
            }
        }
    }

    private mutating func endLine() {
        let line = current.collapsingSpaces
        current = ""
        guard !line.isEmpty else { return }
        budget -= line.utf8.count + 1
        if budget < 0 { overBudget = true; return }
        lines.append(line)
    }
}

/// A table's cells placed on its grid: a cell spanning rows or columns takes its place in
/// the first row and column it covers; the other places it covers hold no cell. A cell's
/// text is its text with the `<p>`, `<br>`, `<span>` and `&nbsp;` that break labels joined.
/// Spans are cut to the table's real size: a rowspan to the rows left in the table, a
/// colspan to the cells of its widest row.
enum HTMLTableGrid {
    static func cells(of table: MarkupNode) -> GridBuilder {
        let rows = self.rows(of: table)
        let widest = rows.map { row in row.children.filter(isCell).count }.max() ?? 1
        var builder = GridBuilder()
        // Rowspans from rows above: the columns they cover and the row they end before.
        var covering: [(columns: Range<Int>, untilRow: Int)] = []
        for (rowIndex, tr) in rows.enumerated() {
            builder.startRow()
            covering.removeAll { $0.untilRow <= rowIndex }
            var column = 0
            for cell in tr.children where isCell(cell) {
                while let cover = covering.first(where: { $0.columns.contains(column) }) { column = cover.columns.upperBound }
                let left = rows.count - rowIndex
                let colspan = span(cell.attribute("colspan"), limit: max(widest, 1), zeroMeans: 1, builder: &builder)
                let rowspan = span(cell.attribute("rowspan"), limit: left, zeroMeans: left, builder: &builder)
                builder.add(column: column, rowSpan: rowspan, columnSpan: colspan, text: cellText(cell))
                if rowspan > 1 { covering.append((column..<(column + colspan), rowIndex + rowspan)) }
                column += colspan
                if column >= GridBuilder.maxColumns { break }
            }
        }
        return builder
    }

    static func isCell(_ node: MarkupNode) -> Bool { node.named("td") || node.named("th") }

    /// A span attribute as a count within `1...limit`; a cut span is counted.
    static func span(_ attribute: String?, limit: Int, zeroMeans: Int, builder: inout GridBuilder) -> Int {
        guard let attribute else { return 1 }
        let digits = attribute.trimmingSpaces.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return 1 }
        // More digits than any table has rows or columns: as large as the table allows.
        guard digits.count <= 9, let value = Int(digits) else { builder.noteClamped(); return limit }
        if value == 0 { return max(min(zeroMeans, limit), 1) }
        if value > limit { builder.noteClamped(); return limit }
        return value
    }

    /// The `<tr>`s of a table, through thead/tbody/tfoot, not those of nested tables.
    static func rows(of table: MarkupNode) -> [MarkupNode] {
        var out: [MarkupNode] = []
        for child in table.children where child.isElement {
            if child.named("tr") { out.append(child) }
            if child.named("thead") || child.named("tbody") || child.named("tfoot") {
                out += child.children.filter { $0.named("tr") }
            }
        }
        return out
    }

    static func cellText(_ cell: MarkupNode) -> String {
        var text = ""
        cell.walk { node in
            if node.isText { text += node.content; return .skip }
            guard node.isElement, !HTMLTextRenderer.skipped.contains(node.name) else { return .skip }
            return .descend
        }
        // Labels broken over <p>/<br> are joined; spaces (including &nbsp;) collapse.
        return text.collapsingSpaces
    }
}

extension String {
    var trimmingSpaces: Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return self[first...last]
    }
}
