/// How a piece of the screen is drawn. Severity is shown three ways — colour, a glyph and
/// the message — so it reads on a monochrome terminal too (there: bold, underline, reverse).
public enum CellStyle: Hashable, Sendable {
    case normal
    case title
    case header
    case dim
    case selected
    case error
    case warning
    case approved
    case errorSelected
    case warningSelected
    case highlight
}

/// Where the review screen is drawn: the real terminal (`CursesScreen`) or a grid in memory
/// (`MemoryScreen`) that tests read back as text and styles.
public protocol Screen: AnyObject {
    var rows: Int { get }
    var columns: Int { get }
    func clear()
    /// Draws `text` from (row, column), clipped at the right edge by display width.
    func put(_ row: Int, _ column: Int, _ text: String, _ style: CellStyle)
    /// Makes what was drawn visible.
    func present()
}
