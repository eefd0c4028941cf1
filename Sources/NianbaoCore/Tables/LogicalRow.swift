/// One cell of a table as the text gave it, before it is known which row and column it is.
/// Readers of other formats (HTML, DOCX, PDF) hand the core rows of these too.
public struct RawCell: Sendable {
    public let text: Substring
    public let location: SourceLocation
    public let kind: CellText
    /// The label normalised once (see `LabelText.normalize`); empty for values.
    public let normalized: String

    public init(text: Substring, location: SourceLocation) {
        self.text = text
        self.location = location
        self.kind = CellText.classify(text)
        self.normalized = kind == .label ? LabelText.normalize(text) : ""
    }

    public var isLabel: Bool { kind == .label }
    public var isEmpty: Bool { kind == .empty }
}

/// The cells of one table row in reading order, whatever the layout they came from.
public struct LogicalRow: Sendable {
    public var cells: [RawCell]
    /// Its values were seen but could not be put one to a column (read by position, two
    /// numbers under one heading): none of them is placed, and the row is reported.
    public var unplaceable = false

    public init(cells: [RawCell]) { self.cells = cells }

    /// The index of the last label cell: the most specific label of the row
    /// ("1. 属于国家秘密" rather than "(三) 不予公开").
    var lastLabelIndex: Int? { cells.lastIndex(where: \.isLabel) }

    var firstLine: Int { cells.first?.location.line ?? 0 }
}
