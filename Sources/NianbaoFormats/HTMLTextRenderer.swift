internal import CLibXML2

/// Renders HTML as the lines the core reads: block elements become lines, inline text runs
/// together, and a table becomes one tab-separated line per row of its grid.
struct HTMLTextRenderer {
    private(set) var lines: [String] = []
    private var current = ""

    static let blocks: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "blockquote", "header",
        "footer", "center", "pre", "dl", "dt", "dd", "form",
    ]
    static let skipped: Set<String> = ["script", "style", "noscript", "iframe", "select", "button", "input", "head"]

    mutating func render(_ node: MarkupNode) {
        walk(node)
        endLine()
    }

    private mutating func walk(_ node: MarkupNode) {
        if node.isText {
            append(node.content)
            return
        }
        guard node.isElement else { return }
        let name = node.name
        if Self.skipped.contains(name) { return }
        if name == "br" { endLine(); return }
        if name == "table" {
            endLine()
            for row in HTMLTableGrid(node).rows { lines.append(row.joined(separator: "\t")) }
            return
        }
        let isBlock = Self.blocks.contains(name)
        if isBlock { endLine() }
        for child in node.children { walk(child) }
        if isBlock { endLine() }
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
        if !line.isEmpty { lines.append(line) }
        current = ""
    }
}

/// A table's cells placed on its grid: a cell spanning rows or columns takes its place in
/// the first row and column it covers; the other places it covers stay empty, as they are
/// in the tab-separated text of PDF reports. A cell's text is its text with the `<p>`,
/// `<br>`, `<span>` and `&nbsp;` that break labels joined.
struct HTMLTableGrid {
    private(set) var rows: [[String]] = []

    init(_ table: MarkupNode) {
        var occupied: [Int: Set<Int>] = [:]  // row → columns taken by rowspans from above
        var rowIndex = 0
        for tr in Self.rows(of: table) {
            var cells: [Int: String] = [:]
            var column = 0
            for cell in tr.children where cell.isElement && (cell.name == "td" || cell.name == "th") {
                while occupied[rowIndex]?.contains(column) == true { column += 1 }
                let colspan = max(Int(cell.attribute("colspan") ?? "") ?? 1, 1)
                let rowspan = max(Int(cell.attribute("rowspan") ?? "") ?? 1, 1)
                cells[column] = Self.cellText(cell)
                for r in rowIndex..<(rowIndex + rowspan) {
                    for c in column..<(column + colspan) where r > rowIndex || c > column {
                        occupied[r, default: []].insert(c)
                    }
                }
                column += colspan
            }
            let width = max((cells.keys.max() ?? -1) + 1, (occupied[rowIndex]?.max() ?? -1) + 1)
            rows.append((0..<width).map { cells[$0] ?? "" })
            rowIndex += 1
        }
    }

    /// The `<tr>`s of a table, through thead/tbody/tfoot, not those of nested tables.
    static func rows(of table: MarkupNode) -> [MarkupNode] {
        var out: [MarkupNode] = []
        for child in table.children where child.isElement {
            if child.name == "tr" { out.append(child) }
            if ["thead", "tbody", "tfoot"].contains(child.name) {
                out += child.children.filter { $0.isElement && $0.name == "tr" }
            }
        }
        return out
    }

    static func cellText(_ cell: MarkupNode) -> String {
        var text = ""
        func collect(_ node: MarkupNode) {
            if node.isText { text += node.content; return }
            guard node.isElement, !HTMLTextRenderer.skipped.contains(node.name) else { return }
            for child in node.children { collect(child) }
        }
        collect(cell)
        // Labels broken over <p>/<br> are joined; spaces (including &nbsp;) collapse.
        return text.collapsingSpaces
    }
}
