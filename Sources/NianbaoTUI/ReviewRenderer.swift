import Foundation
import NianbaoCore
import NianbaoStore

/// `view`: draws a `ReviewState` on a `Screen`. The only code that knows where things go.
public enum ReviewRenderer {
    public static func render(_ state: ReviewState, on screen: Screen) {
        screen.clear()
        screen.setCursor(nil)
        let layout = Layout(rows: screen.rows, columns: screen.columns, zoomed: state.zoomed ? state.focus : nil)
        if layout.isTooSmall {
            let lines = [
                "终端太小：至少需要 \(Layout.minimumColumns)×\(Layout.minimumRows)（现在 \(screen.columns)×\(screen.rows)）",
                "请放大窗口；此时只有 q 退出和调整窗口大小有效",
            ]
            for (i, line) in lines.enumerated() where i < screen.rows {
                screen.put(i, 0, DisplayWidth.fit(line, screen.columns), i == 0 ? .error : .normal)
            }
            screen.present()
            return
        }
        titleBar(state, layout, screen)
        if layout.zoomed == nil { separators(layout, screen) }
        if layout.list.height > 0 { ListPane.draw(state, layout.list, screen) }
        if layout.raw.height > 0 { RawTextPane.draw(state, layout.raw, screen) }
        if layout.tables.height > 0 { TablesPane.draw(state, layout.tables, screen) }
        if layout.findings.height > 0 { FindingsPane.draw(state, layout.findings, screen) }
        statusLines(state, layout, screen)
        screen.put(layout.rows - 1, 0, DisplayWidth.fit(KeyMap.hint(state.modeName), layout.columns), .dim)
        switch state.mode {
        case .help(let first): HelpOverlay.draw(first: first, layout, screen)
        case .note(let editor): NoteOverlay.draw(editor, state.current, layout, screen)
        case .conflict(let conflict): PromptOverlay.draw(conflictLines(conflict, state), layout, screen)
        case .confirmQuit(let count):
            PromptOverlay.draw(["还有 \(count) 个修改尚未保存（正在重试）。", "y 仍然退出（这些修改会丢失） · n 不退出"], layout, screen)
        case .search, .dismiss, .browse: break
        }
        screen.present()
    }

    /// What the reviewer is asked when someone else changed the record first.
    static func conflictLines(_ conflict: Conflict, _ state: ReviewState) -> [String] {
        let theirs = conflict.theirs
        let name = state.indexByKey[theirs.path].map { state.entries[$0].name } ?? theirs.path
        let mine: String
        switch conflict.write.change {
        case .decide(let status, _): mine = "你的：\(ReviewState.word(status))"
        case .note(let note): mine = "你的备注：\(note)"
        case .rule(let ruling): mine = "你的裁定：\(ReviewState.word(ruling.verdict))"
        }
        let more = state.conflicts.isEmpty ? "" : "（之后还有 \(state.conflicts.count) 个）"
        return ["\(name)：在你之前已有修改\(more)", ReviewState.changedBy(conflict.write.change, theirs), mine, "k 保留我的 · t 采用对方的"]
    }

    private static func titleBar(_ state: ReviewState, _ layout: Layout, _ screen: Screen) {
        let loading = state.counts.loaded < state.entries.count ? " · 读取中 \(state.counts.loaded)/\(state.entries.count)" : ""
        let unsaved = state.pending.isEmpty ? "" : " · 未保存 \(state.pending.count)"
        let left = " nianbao 年报审阅 │ \(state.progress)\(loading)\(unsaved) │ \(state.storeLocation)"
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

    /// Two lines: the search prompt, a message, the reason of the selected row's finding in
    /// full, or the selected report's state (unreadable, changed, its note).
    private static func statusLines(_ state: ReviewState, _ layout: Layout, _ screen: Screen) {
        let top = layout.statusTop
        func show(_ text: String, _ style: CellStyle) {
            let lines = DisplayWidth.wrap(text, layout.columns)
            for (i, line) in lines.prefix(Layout.statusRows).enumerated() {
                var shown = line
                if i == Layout.statusRows - 1, lines.count > Layout.statusRows { shown = DisplayWidth.fit(line, layout.columns - 1) + "…" }
                screen.put(top + i, 0, DisplayWidth.fit(shown, layout.columns), style)
            }
        }
        if case .search(let prompt) = state.mode {
            let last = state.search.map { "（空：重复“\($0.query)”）" } ?? ""
            let text = "搜索\(paneName(prompt.pane))：\(prompt.query)"
            screen.put(top, 0, DisplayWidth.fit(text + "  Enter 查找\(last)，Esc 取消", layout.columns), .highlight)
            screen.setCursor((top, min(DisplayWidth.of(text), layout.columns - 1)))
            return
        }
        if case .dismiss(let prompt) = state.mode {
            let text = "驳回 \(prompt.finding.rule.rawValue) 的理由：\(prompt.reason)"
            let warning = state.message.map { "  \($0)" } ?? ""
            screen.put(top, 0, DisplayWidth.fit(text + "  Enter 驳回，Esc 取消" + warning, layout.columns), .highlight)
            screen.setCursor((top, min(DisplayWidth.of(text), layout.columns - 1)))
            return
        }
        if let message = state.message {
            show(" " + message, .highlight)
            return
        }
        guard let entry = state.current else { return }
        if let why = state.waiting[entry.key] {
            show(" 未保存：正在重试（\(why)）", .warning)
            return
        }
        if entry.isMissing {
            show(" 文件已不在磁盘上：\(entry.key)", .warning)
            return
        }
        if let failure = entry.failure {
            show(" ✗ 无法读取：\(failure)", .error)
            return
        }
        if state.focus == .tables, state.tableLines.indices.contains(state.tableCursor), let reason = state.tableLines[state.tableCursor].reason {
            let (mark, style) = mark(state.tableLines[state.tableCursor].severity)
            show(" \(mark) \(reason)", style)
            return
        }
        var parts: [String] = []
        if state.isPending(entry.key) { parts.append("保存中") }
        switch entry.changedOnDisk {
        case .changed: parts.append("文件刚被改动，已重新读取")
        case .added: parts.append("新文件")
        case nil: break
        }
        if entry.review?.changedSinceReview == true { parts.append("文件在审阅后已改动") }
        if let review = entry.review, let reviewer = review.reviewer, entry.status != .unreviewed {
            parts.append("\(ReviewState.word(entry.status))（\(reviewer) \(ReviewState.clock(review.reviewedAt ?? review.updatedAt))）")
        }
        if let note = entry.review?.note, !note.isEmpty {
            parts.append("备注：" + note.split(separator: "\n").joined(separator: " ⏎ "))
        }
        show(" " + parts.joined(separator: " │ "), parts.isEmpty ? .normal : .dim)
    }

    static func paneName(_ pane: Pane) -> String {
        switch pane {
        case .list: "报告列表"
        case .raw: "原文"
        case .tables: "表格"
        case .findings: "发现"
        }
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

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
