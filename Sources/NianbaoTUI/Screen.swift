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
    /// A search match or the selected cell's characters in the raw text.
    case match
}

/// Where the review screen is drawn: the real terminal (`CursesScreen`) or a grid in memory
/// (`MemoryScreen`) that tests read back as text and styles. Both behave as a terminal
/// does when a wide character is half overwritten: its other half becomes a space.
public protocol Screen: AnyObject {
    var rows: Int { get }
    var columns: Int { get }
    func clear()
    /// Draws `text` from (row, column), clipped at the right edge by display width.
    func put(_ row: Int, _ column: Int, _ text: String, _ style: CellStyle)
    /// Where the terminal's own cursor stands after drawing (the caret of the note editor,
    /// for input methods), or nil to hide it.
    func setCursor(_ position: (row: Int, column: Int)?)
    /// Makes what was drawn visible.
    func present()
}
