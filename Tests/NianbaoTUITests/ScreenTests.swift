import NianbaoCore
import NianbaoStore
import NianbaoTUI
import Testing

@Suite("Display width: Chinese is two cells, nothing cut in half")
struct DisplayWidthTests {
    @Test("widths of ASCII, Chinese, full-width forms and box lines")
    func widths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("张营乡") == 6)
        #expect(DisplayWidth.of("（一）") == 6)
        #expect(DisplayWidth.of("１２") == 4)
        #expect(DisplayWidth.of("│✗✓") == 3)
    }

    @Test("cutting to an odd width never splits a Chinese character")
    func cut() {
        let (head, used) = DisplayWidth.prefix("行政复议", fitting: 5)
        #expect(head == "行政")
        #expect(used == 4)
        #expect(DisplayWidth.of(DisplayWidth.fit("莱州市柞村镇人民政府", 9)) == 9)
        #expect(DisplayWidth.fit("莱州市柞村镇人民政府", 9) == "莱州市柞…")
    }

    @Test("a tab is one cell, drawn as a space, so lines with tabs stay inside their pane")
    func tabs() {
        let text = "\t\t\t业\t构\t\t\t\t\t"
        #expect(DisplayWidth.of(text) == 13)
        let fitted = DisplayWidth.fit(text, 20, ellipsis: false)
        #expect(!fitted.contains("\t"))
        #expect(DisplayWidth.of(fitted) == 20)
    }

    @Test("wrapping keeps every line within the width")
    func wrap() {
        let lines = DisplayWidth.wrap("表三行政复议数据为空请补充abc", 7)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 7 })
        #expect(lines.joined() == "表三行政复议数据为空请补充abc")
    }
}

@Suite("Review screen, drawn in memory")
struct ScreenTests {
    @Test("layout: title with progress, the list, raw text with line numbers, tables, findings, hint bar")
    func layout() throws {
        let screen = draw(try loadedState(reviews: ["000_4a17cc4c212eaa48.txt": .approved, "004_93ad30aaa514de17.txt": .needsCorrection]))
        #expect(screen.line(0).contains("已审 2/5 · 通过 1 · 需修改 1"))
        #expect(screen.row(containing: "报告（5）") == 1)
        #expect(screen.line(2).hasPrefix("✓ 鲁山县张良镇"))
        #expect(screen.row(containing: "表1 主动公开政府信息情况") != nil)
        #expect(screen.row(containing: "发现（错误 0") != nil)
        #expect(screen.line(47).contains("a 通过"))
        #expect(screen.row(containing: "  3 鲁山县张良镇 2023 年政府信息公开") != nil)
    }

    @Test("list columns line up by display width whatever the names")
    func listAlignment() throws {
        let screen = draw(try loadedState())
        let years = (2...6).compactMap { row in screen.column(of: "20", in: row) }
        #expect(years.count == 5)
        #expect(Set(years).count == 1, "years at columns \(years)")
        let counts = (2...6).compactMap { row in screen.column(of: "✗", in: row) }
        #expect(Set(counts).count == 1, "counts at columns \(counts)")
    }

    @Test("numbers are right-aligned in table columns")
    func numbersAligned() throws {
        var state = try loadedState()
        state.press(.enter)
        let screen = draw(state)
        let pane = state.layout.tables.left
        let licensing = try #require(screen.row(containing: "行政许可", from: pane))
        let penalty = try #require(screen.row(containing: "行政处罚", from: pane))
        // 17 and 1 end in the same column, and so do the 0s of 行政强制.
        let end17 = try #require(screen.column(of: "17", in: licensing, from: pane)) + 2
        let end1 = try #require(screen.column(of: "1", in: penalty, from: pane + 4)) + 1
        #expect(end17 == end1)
    }

    @Test("rows with an error finding are drawn in the error style with a ✗ glyph")
    func failingRowsHighlighted() throws {
        var state = try loadedState()
        state.press(.end)  // 张营乡: blank cells, missing rows, a missing table
        state.press(.enter)
        let pane = state.layout.tables.left
        var screen = draw(state)
        let warningRow = try #require(screen.row(containing: "二、上年结转", from: pane))
        #expect(screen.style(warningRow, pane) == .warning)
        #expect(screen.line(warningRow, from: pane).hasPrefix("! "))
        let clean = try #require(screen.row(containing: "行政许可", from: pane))
        #expect(screen.style(clean, try #require(screen.column(of: "行政许可", in: clean, from: pane))) != .warning)
        state.press(.end)  // the last rows of the tables: what is missing
        screen = draw(state)
        let missing = try #require(screen.row(containing: "缺少：四、结转下年度继续办理", from: pane))
        #expect(screen.line(missing, from: pane).hasPrefix("✗ "))
        #expect(screen.style(missing, pane) == .error)
    }

    @Test("selecting a table row scrolls the raw text to its source line and highlights it")
    func rowFollowsSource() throws {
        var state = try loadedState()
        state.press(.enter)  // 规章
        state.press(.down, .down)  // 行政规范性文件, 行政许可
        let line = try #require(state.rawHighlight)
        let report = try #require(state.current?.report)
        #expect(report.text.line(line).hasPrefix("行政许可"))
        let screen = draw(state)
        let row = try #require(screen.row(containing: "\(line) 行政许可"))
        #expect(screen.style(row, try #require(screen.column(of: "行政许可", in: row))) == .highlight)
        #expect(screen.line(1).contains("原文（行 \(line)）"))
    }

    @Test("selecting a finding scrolls the raw text to its line")
    func findingFollowsSource() throws {
        var state = try loadedState()
        state.press(.down)  // 莱州市柞村镇
        state.focus = .findings
        _ = state.update(action: .first)
        let finding = try #require(state.findings.first)
        #expect(state.rawHighlight == finding.line)
    }

    @Test("a terminal smaller than 80×24 shows a message, not a broken layout")
    func tooSmall() throws {
        let screen = draw(try loadedState(rows: 20, columns: 70))
        #expect(screen.line(0).contains("终端太小：至少需要 80×24（现在 70×20）"))
        #expect(screen.row(containing: "报告（5）") == nil)
    }

    @Test("every row of the screen is exactly as wide as the terminal, whatever the report holds")
    func noOverflow() throws {
        var state = try loadedState()
        for index in state.entries.indices {
            state.selected = index
            state.focus = .tables
            _ = state.update(action: .last)
            let screen = draw(state)
            let layout = state.layout
            for row in 0..<screen.rows {
                #expect(DisplayWidth.of(screen.line(row)) == screen.columns, "row \(row) of report \(index)")
            }
            // No pane spills into the next: the separators drawn before the panes are intact.
            for row in layout.list.top..<(layout.list.top + layout.list.height) {
                #expect(screen.line(row, from: layout.list.width).hasPrefix("│"), "list separator, row \(row) of report \(index)")
            }
            for row in layout.raw.top..<(layout.raw.top + layout.raw.height) {
                #expect(screen.line(row, from: layout.raw.left + layout.raw.width).hasPrefix("│"), "raw separator, row \(row) of report \(index)")
            }
        }
    }

    @Test("the minimum size still shows every pane")
    func minimumSize() throws {
        let screen = draw(try loadedState(rows: 24, columns: 80))
        #expect(screen.row(containing: "报告（5）") != nil)
        #expect(screen.row(containing: "表格") != nil)
        #expect(screen.row(containing: "发现") != nil)
    }

    @Test("? shows every key of the key map; any key closes it")
    func help() throws {
        var state = try loadedState()
        state.press(.character("?"))
        let screen = draw(state)
        for binding in KeyMap.bindings { #expect(screen.row(containing: binding.help) != nil, "\(binding.label) missing from help") }
        state.press(.character("x"))
        #expect(state.mode == .browse)
    }
}

@Suite("Review keys: moving, deciding, notes, search")
struct KeyTests {
    @Test("↓/j and ↑/k move the selection; Home/End go to the ends")
    func move() throws {
        var state = try loadedState()
        state.press(.down, .character("j"))
        #expect(state.selected == 2)
        state.press(.character("k"))
        #expect(state.selected == 1)
        state.press(.end)
        #expect(state.selected == 4)
        state.press(.down)
        #expect(state.selected == 4)
        state.press(.home)
        #expect(state.selected == 0)
    }

    @Test("a, c and u ask the store to decide and undo for the selected report")
    func decisions() throws {
        var state = try loadedState()
        state.press(.down)
        #expect(state.press(.character("a")) == [.decide(key: "001_8b957fd57b8434a8.txt", .approved)])
        #expect(state.press(.character("c")) == [.decide(key: "001_8b957fd57b8434a8.txt", .needsCorrection)])
        #expect(state.press(.character("u")) == [.undo(key: "001_8b957fd57b8434a8.txt")])
        #expect(state.press(.character("q")) == [.quit])
    }

    @Test("a report still being read cannot be decided: a message says so")
    func notLoaded() {
        var state = ReviewState(entries: [ReviewEntry(path: "/x/a.txt", key: "a.txt")])
        #expect(state.press(.character("a")).isEmpty)
        #expect(state.message == "这份报告还在读取，稍候再试")
    }

    @Test("the note editor takes Chinese text, Enter for a new line, Backspace, and saves on Esc")
    func noteEditor() throws {
        var state = try loadedState()
        state.press(.character("n"))
        state.type("表三为空")
        state.press(.backspace, .enter)
        state.type("请补充")
        state.press(.left, .left, .left)
        state.type("尽快")
        let screen = draw(state)
        #expect(screen.row(containing: "备注：鲁山县张良镇") != nil)
        #expect(screen.row(containing: "表三为") != nil)
        let effects = state.press(.escape)
        #expect(effects == [.saveNote(key: "000_4a17cc4c212eaa48.txt", "表三为\n尽快请补充")])
        #expect(state.mode == .browse)
    }

    @Test("keys typed in the note editor do not act as commands")
    func noteSwallowsKeys() throws {
        var state = try loadedState()
        state.press(.character("n"))
        #expect(state.press(.character("q"), .character("a")).isEmpty)
        guard case .note(let editor) = state.mode else { Issue.record("left the editor"); return }
        #expect(editor.string == "qa")
    }

    @Test("/ searches the list by body name")
    func search() throws {
        var state = try loadedState()
        state.press(.character("/"))
        state.type("张营")
        state.press(.enter)
        #expect(state.current?.name == "张营乡")
        state.press(.character("/"))
        state.type("不存在")
        state.press(.enter)
        #expect(state.message == "没有找到：不存在")
    }

    @Test("] and [ jump between failing rows of the tables")
    func failingRows() throws {
        var state = try loadedState()
        state.press(.end, .character("]"))
        #expect(state.focus == .tables)
        let lines = state.tableLines
        let first = state.tableCursor
        #expect(lines[first].severity == .warning || lines[first].severity == .error)
        state.press(.character("]"))
        #expect(state.tableCursor > first)
        state.press(.character("["))
        #expect(state.tableCursor == first)
    }

    @Test("Tab cycles the panes")
    func tab() throws {
        var state = try loadedState()
        let order = (0..<4).map { _ -> Pane in state.press(.tab); return state.focus }
        #expect(order == [.tables, .findings, .raw, .list])
    }

    @Test("the app's saved record updates the list mark and the progress line")
    func saved() throws {
        var state = try loadedState()
        var record = try #require(state.entries[1].review)
        record.status = .needsCorrection
        state.saved(key: record.path, review: record, message: "已保存：需修改")
        let screen = draw(state)
        #expect(screen.line(0).contains("已审 1/5 · 通过 0 · 需修改 1"))
        #expect(screen.line(3).hasPrefix("✗ 莱州市柞村镇"))
        #expect(screen.row(containing: "已保存：需修改") == 46)
    }
}
