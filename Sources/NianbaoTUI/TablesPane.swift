import NianbaoCore

/// The extracted tables: labels, numbers right-aligned in columns, failing rows marked with
/// a glyph and drawn in their severity's style, the selected cell marked. Zoomed, every
/// column is shown and each label with its group ((三) 1.属于国家秘密).
enum TablesPane {
    /// Width of a number column: narrow for Table 2's seven columns, wider for Tables 1 and 3.
    static func valueWidth(_ columns: Int) -> Int { columns > 5 ? 6 : 9 }

    static func draw(_ state: ReviewState, _ box: Layout.Box, _ screen: Screen) {
        ReviewRenderer.paneTitle(state.zoomed ? "表格（z 还原）" : "表格", focused: state.focus == .tables, box, screen)
        let lines = state.tableLines
        guard !lines.isEmpty else {
            let why = state.current?.failure != nil ? "没有可显示的表格" : "读取中…"
            screen.put(box.top + 1, box.left, DisplayWidth.fit(why, box.width), .dim)
            return
        }
        let matches = state.search?.pane == .tables ? Set(state.search?.places ?? []) : []
        let visible = box.height - 1
        for (offset, index) in (state.tableTop..<min(state.tableTop + visible, lines.count)).enumerated() {
            let line = lines[index]
            let row = box.top + 1 + offset
            let selected = state.focus == .tables && index == state.tableCursor
            let columns = line.values.count
            let valueWidth = Self.valueWidth(columns)
            let labelWidth = max(box.width - 2 - columns * (valueWidth + 1), 6)
            switch line.kind {
            case .title:
                screen.put(row, box.left, DisplayWidth.fit(line.label, box.width), .header)
            case .header:
                let heads = line.values.map { " " + DisplayWidth.right(DisplayWidth.fit($0, valueWidth, ellipsis: false).trimmingTrailingSpaces, valueWidth) }.joined()
                screen.put(row, box.left, DisplayWidth.fit(String(repeating: " ", count: labelWidth + 2) + heads, box.width), .dim)
            case .row, .missing:
                let (mark, markStyle) = ReviewRenderer.mark(line.severity)
                let label = state.zoomed ? line.fullLabel : line.label
                let values = line.values.map { " " + DisplayWidth.right($0, valueWidth) }.joined()
                let text = DisplayWidth.fit(label, labelWidth) + values
                let style: CellStyle
                switch (selected, line.severity) {
                case (true, .error): style = .errorSelected
                case (true, .warning): style = .warningSelected
                case (true, _): style = .selected
                case (false, .error): style = .error
                case (false, .warning): style = .warning
                default: style = matches.contains(index) ? .match : .normal
                }
                screen.put(row, box.left, mark + " ", selected ? style : markStyle)
                screen.put(row, box.left + 2, DisplayWidth.fit(text, box.width - 2), style)
                if selected, line.values.indices.contains(state.tableColumn) {
                    // The selected cell, where it stands (if the pane is wide enough to show it).
                    let x = box.left + 2 + labelWidth + state.tableColumn * (valueWidth + 1) + 1
                    if x + valueWidth <= box.left + box.width {
                        screen.put(row, x, DisplayWidth.right(line.values[state.tableColumn], valueWidth), .match)
                    }
                }
            }
        }
    }
}
