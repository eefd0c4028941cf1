import NianbaoCore

/// A screen in memory: what the review screen would show, as text and styles per cell, so
/// tests can check layout, alignment and highlighting without a terminal.
public final class MemoryScreen: Screen {
    public private(set) var rows: Int
    public private(set) var columns: Int
    private var chars: [[String]]
    private var styles: [[CellStyle]]
    public private(set) var presented = 0
    public private(set) var cursor: (row: Int, column: Int)?

    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        chars = Array(repeating: Array(repeating: " ", count: columns), count: rows)
        styles = Array(repeating: Array(repeating: .normal, count: columns), count: rows)
    }

    public func resize(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        clear()
    }

    public func clear() {
        chars = Array(repeating: Array(repeating: " ", count: columns), count: rows)
        styles = Array(repeating: Array(repeating: .normal, count: columns), count: rows)
    }

    public func put(_ row: Int, _ column: Int, _ text: String, _ style: CellStyle) {
        guard row >= 0, row < rows else { return }
        var x = column
        for s in text.unicodeScalars {
            let w = DisplayWidth.of(s)
            if w == 0 { continue }
            guard x >= 0, x + w <= columns else { break }
            // A wide character half overwritten loses its other half, as on a terminal.
            if chars[row][x] == "", x > 0 { chars[row][x - 1] = " " }
            if x + w < columns, chars[row][x + w] == "" { chars[row][x + w] = " " }
            chars[row][x] = String(s)
            styles[row][x] = style
            if w == 2 {
                chars[row][x + 1] = ""
                styles[row][x + 1] = style
            }
            x += w
        }
    }

    public func setCursor(_ position: (row: Int, column: Int)?) { cursor = position }

    public func present() { presented += 1 }

    /// The text of a row; a wide character's second cell adds nothing, so columns line up
    /// as they do on a terminal.
    public func line(_ row: Int) -> String { chars[row].joined() }

    /// The text of a row from display column `column` on (a pane's part of the row).
    public func line(_ row: Int, from column: Int) -> String { chars[row][column...].joined() }

    /// The text of a row between two display columns, both included (an overlay's part).
    public func line(_ row: Int, from column: Int, through last: Int) -> String { chars[row][column...last].joined() }

    public var text: String { (0..<rows).map(line).joined(separator: "\n") }

    public func style(_ row: Int, _ column: Int) -> CellStyle { styles[row][column] }

    /// The first row containing `needle` (from display column `column` on).
    public func row(containing needle: String, from column: Int = 0) -> Int? {
        (0..<rows).first { line($0, from: column).contains(needle) }
    }

    /// The display column at which `needle` starts in `row`, looking from `column` on.
    public func column(of needle: String, in row: Int, from column: Int = 0) -> Int? {
        let part = line(row, from: column)
        guard let range = part.range(of: needle) else { return nil }
        return column + DisplayWidth.of(part[..<range.lowerBound])
    }
}
