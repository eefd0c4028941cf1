import NianbaoCore
import NianbaoStore

/// `view`: draws a `ReviewState` on a `Screen`. The only code that knows where things go.
public enum ReviewRenderer {
    public static func render(_ state: ReviewState, on screen: Screen) {
        screen.clear()
        let layout = Layout(rows: screen.rows, columns: screen.columns)
        if layout.isTooSmall {
            screen.put(0, 0, DisplayWidth.fit("终端太小：至少需要 80×24（现在 \(screen.columns)×\(screen.rows)）", screen.columns), .error)
            screen.put(min(1, screen.rows - 1), 0, DisplayWidth.fit("请放大窗口；按 q 退出", screen.columns), .normal)
            screen.present()
            return
        }
        titleBar(state, layout, screen)
        // Separators first: a pane that overflowed its box would erase them (tests check).
        separators(layout, screen)
        ListPane.draw(state, layout.list, screen)
        RawTextPane.draw(state, layout.raw, screen)
        TablesPane.draw(state, layout.tables, screen)
        FindingsPane.draw(state, layout.findings, screen)
        statusLine(state, layout, screen)
        screen.put(layout.rows - 1, 0, DisplayWidth.fit(KeyMap.hint, layout.columns), .dim)
        switch state.mode {
        case .help: HelpOverlay.draw(layout, screen)
        case .note(let editor): NoteOverlay.draw(editor, state.current, layout, screen)
        case .search, .browse: break
        }
        screen.present()
    }

    private static func titleBar(_ state: ReviewState, _ layout: Layout, _ screen: Screen) {
        let loading = state.loadedCount < state.entries.count ? " · 读取中 \(state.loadedCount)/\(state.entries.count)" : ""
        let left = " nianbao 年报审阅 │ \(state.progress)\(loading)"
        let right = state.current.map { " \($0.key) " } ?? ""
        let leftWidth = max(layout.columns - DisplayWidth.of(right), 0)
        screen.put(0, 0, DisplayWidth.fit(left, leftWidth), .title)
        screen.put(0, leftWidth, DisplayWidth.fit(right, layout.columns - leftWidth), .title)
    }

    private static func separators(_ layout: Layout, _ screen: Screen) {
        for row in layout.list.top..<(layout.list.top + layout.list.height) {
            screen.put(row, layout.list.width, "│", .dim)
        }
        for row in layout.raw.top..<(layout.raw.top + layout.raw.height) {
            screen.put(row, layout.raw.left + layout.raw.width, "│", .dim)
        }
        let rule = String(repeating: "─", count: layout.findings.width)
        screen.put(layout.findings.top - 1, layout.findings.left, rule, .dim)
    }

    private static func statusLine(_ state: ReviewState, _ layout: Layout, _ screen: Screen) {
        let row = layout.rows - 2
        if case .search(let query) = state.mode {
            screen.put(row, 0, DisplayWidth.fit("搜索：\(query)▏（Enter 查找，Esc 取消）", layout.columns), .highlight)
            return
        }
        if let message = state.message {
            screen.put(row, 0, DisplayWidth.fit(" " + message, layout.columns), .highlight)
            return
        }
        guard let entry = state.current else { return }
        var parts: [String] = []
        if let failure = entry.failure { parts.append("无法读取：\(failure)") }
        if entry.review?.changedSinceReview == true { parts.append("文件在审阅后已改动") }
        if let note = entry.review?.note, !note.isEmpty {
            parts.append("备注：" + note.split(separator: "\n").joined(separator: " ⏎ "))
        }
        screen.put(row, 0, DisplayWidth.fit(" " + parts.joined(separator: " │ "), layout.columns), parts.isEmpty ? .normal : .dim)
    }

    /// The glyph and style of a severity, shown together with its colour.
    static func mark(_ severity: Severity?) -> (String, CellStyle) {
        switch severity {
        case .error: ("✗", .error)
        case .warning: ("!", .warning)
        case .info: ("·", .dim)
        case nil: (" ", .normal)
        }
    }

    static func paneTitle(_ title: String, focused: Bool, _ box: Layout.Box, _ screen: Screen) {
        screen.put(box.top, box.left, DisplayWidth.fit((focused ? "▶ " : "  ") + title, box.width), focused ? .header : .dim)
    }
}

/// The list of reports: status mark, body name, year, counts of errors and warnings.
enum ListPane {
    static func draw(_ state: ReviewState, _ box: Layout.Box, _ screen: Screen) {
        ReviewRenderer.paneTitle("报告（\(state.entries.count)）", focused: state.focus == .list, box, screen)
        let visible = box.height - 1
        for (offset, index) in (state.listTop..<min(state.listTop + visible, state.entries.count)).enumerated() {
            let entry = state.entries[index]
            let (mark, markStyle) = statusMark(entry)
            let counts = entry.isLoaded ? (entry.failure != nil ? "无法读取" : "✗\(entry.errors) !\(entry.warnings)") : "读取中"
            let year = entry.year.map(String.init) ?? "    "
            // Fixed columns: name, year, counts right-aligned, so every row lines up.
            let countsWidth = 9
            let nameWidth = max(box.width - 2 - countsWidth - 1 - 5, 4)
            let line = DisplayWidth.fit(entry.name, nameWidth) + " " + year + " " + DisplayWidth.fit(counts, countsWidth)
            let selected = index == state.selected
            let style: CellStyle = selected ? (state.focus == .list ? .selected : .highlight) : entry.errors > 0 ? .error : .normal
            screen.put(box.top + 1 + offset, 0, mark + " ", selected ? style : markStyle)
            screen.put(box.top + 1 + offset, 2, DisplayWidth.fit(line, box.width - 2), style)
        }
    }

    static func statusMark(_ entry: ReviewEntry) -> (String, CellStyle) {
        if !entry.isLoaded { return ("…", .dim) }
        if entry.review?.changedSinceReview == true { return ("*", .warning) }
        switch entry.status {
        case .approved: return ("✓", .approved)
        case .needsCorrection: return ("✗", .error)
        case .unreviewed: return (entry.failure != nil ? "?" : "·", .dim)
        }
    }
}

/// The raw text of the report with line numbers; the source line of the selected table row
/// or finding is highlighted.
enum RawTextPane {
    static func draw(_ state: ReviewState, _ box: Layout.Box, _ screen: Screen) {
        let highlight = state.rawHighlight.map { "（行 \($0)）" } ?? ""
        ReviewRenderer.paneTitle("原文\(highlight)", focused: state.focus == .raw, box, screen)
        guard let entry = state.current else { return }
        guard let text = entry.report?.text else {
            let why = entry.failure.map { "无法读取：\($0)" } ?? "读取中…"
            for (i, line) in DisplayWidth.wrap(why, box.width).prefix(box.height - 1).enumerated() {
                screen.put(box.top + 1 + i, box.left, line, entry.failure != nil ? .error : .dim)
            }
            return
        }
        let numberWidth = String(text.lineCount).count
        let first = max(state.rawTop, 1)
        for offset in 0..<(box.height - 1) {
            let number = first + offset
            guard number <= text.lineCount else { break }
            let gutter = DisplayWidth.right(String(number), numberWidth) + " "
            let isHighlight = number == state.rawHighlight
            screen.put(box.top + 1 + offset, box.left, gutter, isHighlight ? .highlight : .dim)
            let body = DisplayWidth.fit(text.line(number), box.width - numberWidth - 1, ellipsis: false)
            screen.put(box.top + 1 + offset, box.left + numberWidth + 1, body, isHighlight ? .highlight : .normal)
        }
    }
}

/// The extracted tables: official labels, numbers right-aligned in columns, failing rows
/// marked with a glyph and drawn in their severity's style.
enum TablesPane {
    /// Width of a number column: narrow for Table 2's seven columns, wider for Tables 1 and 3.
    static func valueWidth(_ columns: Int) -> Int { columns > 5 ? 6 : 9 }

    static func draw(_ state: ReviewState, _ box: Layout.Box, _ screen: Screen) {
        ReviewRenderer.paneTitle("表格", focused: state.focus == .tables, box, screen)
        let lines = state.tableLines
        guard !lines.isEmpty else {
            let why = state.current?.failure != nil ? "没有可显示的表格" : "读取中…"
            screen.put(box.top + 1, box.left, DisplayWidth.fit(why, box.width), .dim)
            return
        }
        let visible = box.height - 1
        for (offset, index) in (state.tableTop..<min(state.tableTop + visible, lines.count)).enumerated() {
            let line = lines[index]
            let row = box.top + 1 + offset
            let selected = state.focus == .tables && index == state.tableCursor
            let columns = line.values.count
            let valueWidth = Self.valueWidth(columns)
            let labelWidth = max(box.width - 2 - columns * (valueWidth + 1), 8)
            switch line.kind {
            case .title:
                screen.put(row, box.left, DisplayWidth.fit(line.label, box.width), .header)
            case .header:
                let heads = line.values.map { " " + DisplayWidth.right(DisplayWidth.fit($0, valueWidth, ellipsis: false).trimmingTrailingSpaces, valueWidth) }.joined()
                screen.put(row, box.left, DisplayWidth.fit(String(repeating: " ", count: labelWidth + 2) + heads, box.width), .dim)
            case .row, .missing:
                let (mark, markStyle) = ReviewRenderer.mark(line.severity)
                let values = line.values.map { " " + DisplayWidth.right($0, valueWidth) }.joined()
                let text = DisplayWidth.fit(line.label, labelWidth) + values
                let style: CellStyle
                switch (selected, line.severity) {
                case (true, .error): style = .errorSelected
                case (true, .warning): style = .warningSelected
                case (true, _): style = .selected
                case (false, .error): style = .error
                case (false, .warning): style = .warning
                default: style = .normal
                }
                screen.put(row, box.left, mark + " ", selected ? style : markStyle)
                screen.put(row, box.left + 2, DisplayWidth.fit(text, box.width - 2), style)
            }
        }
    }
}

/// The findings of the report, most severe first, each with its rule id and message.
enum FindingsPane {
    static func draw(_ state: ReviewState, _ box: Layout.Box, _ screen: Screen) {
        let findings = state.findings
        let errors = findings.filter { $0.severity == .error }.count, warnings = findings.filter { $0.severity == .warning }.count
        ReviewRenderer.paneTitle("发现（错误 \(errors) · 警告 \(warnings) · 共 \(findings.count)）", focused: state.focus == .findings, box, screen)
        if findings.isEmpty, state.current?.report != nil {
            screen.put(box.top + 1, box.left, DisplayWidth.fit("  ✓ 没有发现问题", box.width), .approved)
            return
        }
        for (offset, index) in (state.findingTop..<min(state.findingTop + box.height - 1, findings.count)).enumerated() {
            let finding = findings[index]
            let (mark, style) = ReviewRenderer.mark(finding.severity)
            let selected = state.focus == .findings && index == state.findingCursor
            let line = finding.line.map { "行\($0)" } ?? "—"
            let text = "\(mark) \(finding.rule.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0)) \(DisplayWidth.fit(line, 6)) \(finding.message)"
            screen.put(box.top + 1 + offset, box.left, DisplayWidth.fit(text, box.width), selected ? .selected : style)
        }
    }
}

/// `?`: every key from the key map, with what it does.
enum HelpOverlay {
    static func draw(_ layout: Layout, _ screen: Screen) {
        let lines = ["按键（任意键关闭）", ""] + KeyMap.bindings.map { "  " + DisplayWidth.fit($0.label, 8) + $0.help }
        let width = min(56, layout.columns - 4), height = min(lines.count + 2, layout.rows - 2)
        let top = (layout.rows - height) / 2, left = (layout.columns - width) / 2
        Box.draw(top: top, left: left, height: height, width: width, screen)
        for (i, line) in lines.prefix(height - 2).enumerated() {
            screen.put(top + 1 + i, left + 2, DisplayWidth.fit(line, width - 4), i == 0 ? .header : .normal)
        }
    }
}

/// `n`: the note of the selected report, being written.
enum NoteOverlay {
    static func draw(_ editor: NoteEditor, _ entry: ReviewEntry?, _ layout: Layout, _ screen: Screen) {
        let width = min(72, layout.columns - 4), height = min(10, layout.rows - 4)
        let top = layout.rows - height - 2, left = (layout.columns - width) / 2
        Box.draw(top: top, left: left, height: height, width: width, screen)
        screen.put(top, left + 2, DisplayWidth.fit(" 备注：\(entry?.name ?? "")（Esc 保存并关闭，Enter 换行） ", width - 4), .header)
        // The text with a visible cursor: a reversed space (or the character under it).
        let before = String(editor.text[..<editor.cursor]), after = String(editor.text[editor.cursor...])
        let lines = DisplayWidth.wrap(before + "\u{E000}" + after, width - 4)
        let shown = lines.suffix(height - 2)
        for (i, line) in shown.enumerated() {
            var x = left + 2
            for ch in line {
                if ch == "\u{E000}" {
                    screen.put(top + 1 + i, x, " ", .selected)
                    x += 1
                } else {
                    screen.put(top + 1 + i, x, String(ch), .normal)
                    x += DisplayWidth.of(String(ch))
                }
            }
        }
    }
}

enum Box {
    static func draw(top: Int, left: Int, height: Int, width: Int, _ screen: Screen) {
        let inner = String(repeating: " ", count: max(width - 2, 0))
        screen.put(top, left, "┌" + String(repeating: "─", count: max(width - 2, 0)) + "┐", .header)
        for row in (top + 1)..<(top + height - 1) { screen.put(row, left, "│" + inner + "│", .header) }
        screen.put(top + height - 1, left, "└" + String(repeating: "─", count: max(width - 2, 0)) + "┘", .header)
        for row in (top + 1)..<(top + height - 1) { screen.put(row, left + 1, inner, .normal) }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
