/// Where each pane stands for a terminal size. Used by `update` (how far a page goes) and
/// by the renderer, so both agree.
public struct Layout: Sendable, Equatable {
    public static let minimumRows = 24
    public static let minimumColumns = 80

    public struct Box: Sendable, Equatable {
        public let top: Int, left: Int, height: Int, width: Int
    }

    public let rows: Int, columns: Int
    /// The report list (left).
    public let list: Box
    /// The raw text (middle top) and the tables (right top).
    public let raw: Box
    public let tables: Box
    /// The findings (bottom right).
    public let findings: Box

    public var isTooSmall: Bool { rows < Layout.minimumRows || columns < Layout.minimumColumns }

    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        let bodyTop = 1
        let bodyHeight = max(rows - 3, 1)  // title bar, message line, hint bar
        let listWidth = max(30, min(44, columns / 4))
        let rightLeft = listWidth + 1
        let rightWidth = max(columns - rightLeft, 1)
        let findingsHeight = max(6, bodyHeight / 4)
        let topHeight = max(bodyHeight - findingsHeight - 1, 1)
        let rawWidth = max(rightWidth * 2 / 5, 20)
        list = Box(top: bodyTop, left: 0, height: bodyHeight, width: listWidth)
        raw = Box(top: bodyTop, left: rightLeft, height: topHeight, width: rawWidth)
        tables = Box(top: bodyTop, left: rightLeft + rawWidth + 1, height: topHeight, width: max(rightWidth - rawWidth - 1, 1))
        findings = Box(top: bodyTop + topHeight + 1, left: rightLeft, height: findingsHeight, width: rightWidth)
    }

    /// Rows of content in a pane (its first row is its title).
    public func visible(_ pane: Pane) -> Int {
        switch pane {
        case .list: max(list.height - 1, 1)
        case .raw: max(raw.height - 1, 1)
        case .tables: max(tables.height - 1, 1)
        case .findings: max(findings.height - 1, 1)
        }
    }
}
