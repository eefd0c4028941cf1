import NianbaoCore
import NianbaoStore

/// The list of reports: decision mark, body name, year, counts of errors and warnings. The
/// decision marks (✓ 通过, ✎ 需修改) and the severity counts (✗ errors, ! warnings) use
/// different glyphs, so that "needs correction" and "has errors" never look alike.
enum ListPane {
    static func draw(_ state: ReviewState, _ box: Layout.Box, _ screen: Screen) {
        let order = state.sort == .path ? "" : " · \(state.sort.title)"
        ReviewRenderer.paneTitle("报告 · \(state.filter.title)（\(state.list.count)）\(order)", focused: state.focus == .list, box, screen)
        let visible = box.height - 1
        let matches = state.search?.pane == .list ? Set(state.search?.places ?? []) : []
        for (offset, position) in (state.listTop..<min(state.listTop + visible, state.list.count)).enumerated() {
            let entry = state.entries[state.list[position]]
            let (mark, markStyle) = decisionMark(entry)
            let counts = entry.isMissing ? "文件不在" : state.isPending(entry.key) ? "未保存"
                : entry.isLoaded ? (entry.failure != nil ? "无法读取" : "✗\(entry.errors) !\(entry.warnings)") : "读取中"
            let year = entry.year.map(String.init) ?? "    "
            // Fixed columns: name, year, counts, so every row lines up.
            let countsWidth = 9
            let nameWidth = max(box.width - 2 - countsWidth - 1 - 5, 4)
            let line = DisplayWidth.fit(entry.name, nameWidth) + " " + year + " " + DisplayWidth.fit(counts, countsWidth)
            let selected = position == state.cursor
            let style: CellStyle = selected
                ? (state.focus == .list ? .selected : .highlight)
                : matches.contains(position) ? .match : entry.hasErrors ? .error : .normal
            let row = box.top + 1 + offset
            screen.put(row, box.left, mark + " ", selected ? style : markStyle)
            screen.put(row, box.left + 2, DisplayWidth.fit(line, box.width - 2), style)
        }
    }

    static func decisionMark(_ entry: ReviewEntry) -> (String, CellStyle) {
        if entry.isMissing { return ("-", .dim) }
        if !entry.isLoaded { return ("…", .dim) }
        if entry.changedOnDisk == .added { return ("+", .warning) }
        if entry.review?.changedSinceReview == true || entry.changedOnDisk == .changed { return ("*", .warning) }
        switch entry.status {
        case .approved: return ("✓", .approved)
        case .needsCorrection: return ("✎", .warning)
        case .unreviewed: return (entry.failure != nil ? "?" : "·", .dim)
        }
    }
}
