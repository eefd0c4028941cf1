import NianbaoCore

/// `?`: the keys of the current mode, from its key map.
enum HelpOverlay {
    static func frame(_ layout: Layout) -> (top: Int, left: Int, height: Int, width: Int) {
        let count = KeyMap.bindings(.browse).count
        let width = min(72, layout.columns - 4), height = min(count + 4, layout.rows - 2)
        return ((layout.rows - height) / 2, (layout.columns - width) / 2, height, width)
    }

    /// How many keys the box shows at once (the rest are scrolled to).
    static func visibleRows(_ layout: Layout) -> Int { max(frame(layout).height - 4, 1) }

    /// The first key shown when scrolled to the end.
    static func lastFirst(_ layout: Layout) -> Int { max(KeyMap.bindings(.browse).count - visibleRows(layout), 0) }

    static func draw(first: Int, _ layout: Layout, _ screen: Screen) {
        let bindings = KeyMap.bindings(.browse)
        let (top, left, height, width) = frame(layout)
        Box.draw(top: top, left: left, height: height, width: width, screen)
        let shown = visibleRows(layout)
        let first = max(0, min(first, lastFirst(layout)))
        let scrolls = bindings.count > shown
        let title = scrolls ? "按键 \(first + 1)–\(min(first + shown, bindings.count))/\(bindings.count)（↑↓ 滚动，其他任意键关闭）" : "按键（任意键关闭）"
        screen.put(top + 1, left + 2, DisplayWidth.fit(title, width - 4), .header)
        for (i, binding) in bindings.dropFirst(first).prefix(shown).enumerated() {
            screen.put(top + 3 + i, left + 2, DisplayWidth.fit("  " + DisplayWidth.fit(binding.label, 14) + binding.help, width - 4), .normal)
        }
        if scrolls, first + shown < bindings.count {
            screen.put(top + height - 1, left + width - 12, "↓ 还有 \(bindings.count - first - shown) 项", .dim)
        }
    }
}

/// `e`: the note of the selected report, being written, scrolled so the caret shows; the
/// terminal's own cursor stands at the caret (input methods draw their candidates there).
enum NoteOverlay {
    static func frame(_ layout: Layout) -> (top: Int, left: Int, height: Int, width: Int) {
        let width = min(72, layout.columns - 4), height = min(12, layout.rows - 4)
        return (layout.rows - height - 2, (layout.columns - width) / 2, height, width)
    }

    /// The width the text wraps to inside the box.
    static func textWidth(_ layout: Layout) -> Int { max(frame(layout).width - 4, 1) }

    static func draw(_ editor: NoteEditor, _ entry: ReviewEntry?, _ layout: Layout, _ screen: Screen) {
        let (top, left, height, width) = frame(layout)
        Box.draw(top: top, left: left, height: height, width: width, screen)
        screen.put(top, left + 2, DisplayWidth.fit(" 备注：\(entry?.name ?? "")（Esc 保存，Ctrl-G 放弃，Enter 换行） ", width - 4), .header)
        let textWidth = textWidth(layout)
        let starts = editor.lineStarts(width: textWidth)
        let (caretLine, caretColumn) = editor.caretPlace(width: textWidth)
        let rows = height - 2
        let first = max(0, caretLine - rows + 1)
        for (i, line) in (first..<min(starts.count, first + rows)).enumerated() {
            let end = line + 1 < starts.count ? starts[line + 1] : editor.text.count
            let text = String(editor.text[starts[line]..<end]).replacingOccurrences(of: "\n", with: "")
            screen.put(top + 1 + i, left + 2, DisplayWidth.fit(text, textWidth, ellipsis: false), .normal)
        }
        let caretRow = top + 1 + (caretLine - first)
        let caretX = left + 2 + min(caretColumn, textWidth - 1)
        // A visible caret for terminals that do not show the cursor, and the cursor itself.
        screen.put(caretRow, caretX, caretCell(editor), .selected)
        screen.setCursor((caretRow, caretX))
    }

    /// The character under the caret (a space at the end or before a line break).
    static func caretCell(_ editor: NoteEditor) -> String {
        guard editor.caret < editor.text.count, editor.text[editor.caret] != "\n" else { return " " }
        return String(editor.text[editor.caret])
    }
}

/// A question in a box in the middle of the screen (a conflict, quitting with unsaved writes).
enum PromptOverlay {
    static func draw(_ lines: [String], _ layout: Layout, _ screen: Screen) {
        let width = min(max(lines.map(DisplayWidth.of).max() ?? 0, 30) + 4, layout.columns - 4)
        let wrapped = lines.flatMap { DisplayWidth.wrap($0, width - 4) }
        let height = min(wrapped.count + 2, layout.rows - 2)
        let top = (layout.rows - height) / 2, left = (layout.columns - width) / 2
        Box.draw(top: top, left: left, height: height, width: width, screen)
        for (i, line) in wrapped.prefix(height - 2).enumerated() {
            screen.put(top + 1 + i, left + 2, DisplayWidth.fit(line, width - 4), i == 0 || i == wrapped.count - 1 ? .header : .normal)
        }
    }
}

/// A framed box, its inside cleared; drawn over what is there, it never leaves half a
/// wide character at its edges (the screen blanks the other half).
enum Box {
    static func draw(top: Int, left: Int, height: Int, width: Int, _ screen: Screen) {
        let inner = String(repeating: " ", count: max(width - 2, 0))
        screen.put(top, left, "┌" + String(repeating: "─", count: max(width - 2, 0)) + "┐", .header)
        for row in (top + 1)..<max(top + height - 1, top + 1) { screen.put(row, left, "│" + inner + "│", .header) }
        screen.put(top + height - 1, left, "└" + String(repeating: "─", count: max(width - 2, 0)) + "┘", .header)
        for row in (top + 1)..<max(top + height - 1, top + 1) { screen.put(row, left + 1, inner, .normal) }
    }
}
