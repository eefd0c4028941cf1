/// Where each pane stands for a terminal size. Used by `update` (how far a page goes) and
/// by the renderer, so both agree. Zoomed (`z`), the focused pane takes the whole body.
public struct Layout: Sendable, Equatable {
    public static let minimumRows = 24
    public static let minimumColumns = 80
    /// Rows under the body: the status (two, so a finding's reason fits) and the hint bar.
    public static let statusRows = 2

    public struct Box: Sendable, Equatable {
        public let top: Int, left: Int, height: Int, width: Int
        static let none = Box(top: 0, left: 0, height: 0, width: 0)
    }

    public let rows: Int, columns: Int
    public let zoomed: Pane?
    /// The report list (left).
    public let list: Box
    /// The raw text (middle top) and the tables (right top).
    public let raw: Box
    public let tables: Box
    /// The findings (bottom right).
    public let findings: Box

    public var isTooSmall: Bool { rows < Layout.minimumRows || columns < Layout.minimumColumns }

    public init(rows: Int, columns: Int, zoomed: Pane? = nil) {
        self.rows = rows
        self.columns = columns
        self.zoomed = zoomed
        let bodyTop = 1
        let bodyHeight = max(rows - 1 - Self.statusRows - 1, 1)  // title bar, status, hint bar
        if let zoomed {
            let whole = Box(top: bodyTop, left: 0, height: bodyHeight, width: columns)
            list = zoomed == .list ? whole : .none
            raw = zoomed == .raw ? whole : .none
            tables = zoomed == .tables ? whole : .none
            findings = zoomed == .findings ? whole : .none
            return
        }
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

    public func box(_ pane: Pane) -> Box {
        switch pane {
        case .list: list
        case .raw: raw
        case .tables: tables
        case .findings: findings
        }
    }

    /// Rows of content in a pane (its first row is its title).
    public func visible(_ pane: Pane) -> Int { max(box(pane).height - 1, 1) }

    /// The first row of the status lines.
    public var statusTop: Int { rows - 1 - Self.statusRows }
}
