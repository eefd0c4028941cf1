import Foundation
import NianbaoCore
import NianbaoSamples
import NianbaoStore
@testable import NianbaoTUI
import Testing

@Suite("Review screen: moving as in tig and lazygit")
struct MovingTests {
    @Test("g/G first and last, Ctrl-D/Ctrl-U half a page, Shift-Tab the previous pane")
    func moving() throws {
        let t = try TestApp()
        t.press(.character("G"))
        #expect(t.state.cursor == 4)
        t.press(.character("g"))
        #expect(t.state.cursor == 0)
        t.press(.control("d"))
        #expect(t.state.cursor == 4)  // half of 40 rows is past the five reports
        t.press(.control("u"))
        #expect(t.state.cursor == 0)
        t.press(.tab)
        #expect(t.state.focus == .tables)
        t.press(.backTab, .backTab)
        #expect(t.state.focus == .raw)
    }

    @Test("J/K go to the next and previous report from any pane, and the pane stays")
    func reportFromAnyPane() throws {
        let t = try TestApp()
        t.press(.enter)
        #expect(t.state.focus == .tables)
        t.press(.character("J"))
        #expect(t.state.current?.key.hasPrefix("001") == true)
        #expect(t.state.focus == .tables)
        #expect(t.state.report?.agency == "莱州市柞村镇")
        t.press(.character("K"))
        #expect(t.state.current?.key.hasPrefix("000") == true)
    }

    @Test("}/{ go to the next and previous report with errors")
    func failingReports() throws {
        let t = try TestApp()
        t.press(.character("}"))
        #expect(t.state.current?.key.hasPrefix("004") == true)
        t.press(.character("{"))
        #expect(t.state.current?.key.hasPrefix("004") == true)
        #expect(t.state.message?.contains("没有其他有错误的报告") == true)
    }

    @Test("]/[ go through every finding of a report, a row's in the tables, one without a row (DATE_ORDER) in the findings")
    func findings() throws {
        let t = try TestApp()
        t.select("004")
        let all = t.state.findings
        #expect(!all.isEmpty)
        var sawTables = false, sawFindings = false
        for step in 0..<all.count {
            t.press(.character("]"))
            #expect(t.state.findingCursor == step)
            let finding = all[step]
            if t.state.focus == .tables {
                sawTables = true
                #expect(!Set(t.state.tableLines[t.state.tableCursor].cells).isDisjoint(with: finding.cells))
            } else {
                sawFindings = true
                #expect(t.state.focus == .findings)
            }
            if finding.rule.rawValue == "DATE_ORDER" {
                #expect(t.state.focus == .findings)
                #expect(t.state.rawHighlight == finding.line)
            }
        }
        #expect(sawTables && sawFindings)
        t.press(.character("["))
        #expect(t.state.findingCursor == all.count - 2)
    }

    @Test("reopening the folder returns to the report and the pane where the reviewer stopped")
    func reopen() throws {
        let first = try TestApp()
        first.select("003")
        first.press(.tab, .tab)
        #expect(first.state.focus == .findings)
        let folder = first.folder
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-reopen-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: folder, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let second = try TestApp(folder: copy)
        #expect(second.state.current?.key.hasPrefix("003") == true)
        #expect(second.state.focus == .findings)
        #expect(second.state.report?.agency == "祥云镇")
    }
}

@Suite("Review screen: the queue and decisions")
struct QueueTests {
    @Test("a approves and moves to the next unreviewed report; c marks, opens the note for the reason, Esc keeps it and moves on")
    func queue() throws {
        let t = try TestApp()
        t.press(.character("a"))
        #expect(t.state.entries[0].status == .approved)
        #expect(t.state.cursor == 1)
        t.press(.character("c"))
        guard case .note = t.state.mode else { Issue.record("c did not open the note"); return }
        t.type("表3数据为空，请补填")
        #expect(t.state.cursor == 1)
        t.press(.escape)
        #expect(t.state.entries[1].status == .needsCorrection)
        #expect(t.state.entries[1].review?.note == "表3数据为空，请补填")
        #expect(t.state.cursor == 2)
        // The next unreviewed is found after the decided ones, round the end of the list.
        t.press(.character("G"), .character("a"))
        #expect(t.state.cursor == 2)
        #expect(try t.store.record(path: t.state.entries[4].key)?.status == .approved)
    }

    @Test("u undoes the session's last decision or note wherever it was, Ctrl-R redoes it")
    func undoRedo() throws {
        let t = try TestApp()
        t.press(.character("a"))          // 000 approved, on to 001
        t.press(.character("e"))
        t.type("备注")
        t.press(.escape)                  // 001's note
        t.press(.character("J"), .character("J"))
        t.press(.character("u"))          // the note goes, from two reports away
        #expect(try t.store.record(path: t.state.entries[1].key)?.note == "")
        t.press(.character("u"))          // then the approval
        #expect(try t.store.record(path: t.state.entries[0].key)?.status == .unreviewed)
        t.press(.character("u"))
        #expect(t.state.message?.contains("没有可撤销") == true)
        t.press(.control("r"))
        #expect(try t.store.record(path: t.state.entries[0].key)?.status == .approved)
        t.press(.control("r"))
        #expect(try t.store.record(path: t.state.entries[1].key)?.note == "备注")
        // Only this session's own changes: another reviewer's decision is not undone.
        _ = try t.store.decide(path: t.state.entries[3].key, .needsCorrection, reviewer: "王五")
        t.press(.character("u"), .character("u"), .character("u"))
        #expect(try t.store.record(path: t.state.entries[3].key)?.status == .needsCorrection)
    }

    @Test("an unreadable file shows its reason as an error and cannot be approved")
    func unreadable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-unreadable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data([0x00, 0x01, 0x02, 0xFF, 0x00]).write(to: folder.appendingPathComponent("broken.txt"))
        try FileManager.default.copyItem(at: SampleReports.files[0], to: folder.appendingPathComponent(SampleReports.files[0].lastPathComponent))
        let t = try TestApp(folder: folder)
        #expect(t.state.current?.key == "000_4a17cc4c212eaa48.txt")
        t.press(.down)
        #expect(t.state.current?.failure != nil)
        t.press(.character("a"))
        #expect(t.state.current?.status == .unreviewed)
        #expect(t.state.message?.hasPrefix("无法读取的文件不能通过") == true)
        t.press(.character("k"), .character("j"))  // the message gone: the status line has the reason
        let status = t.state.layout.statusTop
        #expect(t.screen.line(status).contains("✗ 无法读取"))
        #expect(t.screen.style(status, try #require(t.screen.column(of: "✗", in: status))) == .error)
        #expect(t.state.current?.hasErrors == true)
    }

    @Test("the list's decision marks (✓ ✎) and error counts (✗) use different glyphs")
    func glyphs() throws {
        let t = try TestApp()
        t.press(.character("a"))
        t.press(.character("c"), .escape)
        let list = t.state.layout.list
        #expect(t.screen.pane(list, row: 2).hasPrefix("✓ 鲁山县张良镇"))
        #expect(t.screen.pane(list, row: 3).hasPrefix("✎ 莱州市柞村镇"))
        #expect(t.screen.pane(list, row: 6).contains("✗9"))
        #expect(!t.screen.pane(list, row: 3).hasPrefix("✗"))
    }
}

@Suite("Review screen: triage")
struct TriageTests {
    @Test("f cycles 全部 → 未审 → 有错误 → 需修改 → 已通过, shown in the list's title with its count")
    func filter() throws {
        let t = try TestApp()
        t.press(.character("a"))
        t.press(.character("c"), .escape)
        let titles = ["未审（3）", "有错误（1）", "需修改（1）", "已通过（1）", "全部（5）"]
        for title in titles {
            t.press(.character("f"))
            #expect(t.screen.line(1).contains("报告 · \(title)"), "\(t.screen.line(1))")
            #expect(t.state.list.count == Int(title.filter(\.isNumber))!)
        }
    }

    @Test("s cycles the order: path → errors → body and year")
    func sort() throws {
        let t = try TestApp()
        t.press(.character("s"))
        #expect(t.state.entries[t.state.list[0]].name == "张营乡")
        t.press(.character("s"))
        let names = t.state.list.map { t.state.entries[$0].name }
        #expect(names == names.sorted())
        t.press(.character("s"))
        #expect(t.state.list == Array(0..<5))
    }

    @Test("/ in the list finds body and path, full- and half-width alike; n/N go on; an empty / repeats")
    func searchList() throws {
        let t = try TestApp()
        t.press(.character("/"))
        t.type("００４")   // full-width digits find the path 004_…
        t.press(.enter)
        #expect(t.state.current?.key.hasPrefix("004") == true)
        t.press(.character("/"))
        t.type("镇")
        t.press(.enter)
        let first = t.state.cursor
        t.press(.character("n"))
        #expect(t.state.cursor != first)
        t.press(.character("N"))
        #expect(t.state.cursor == first)
        t.press(.character("/"), .enter)  // empty: the same search again
        #expect(t.state.search?.query == "镇")
        #expect(t.state.cursor != first)
    }

    @Test("/ in the raw text and in the tables; matches are marked")
    func searchPanes() throws {
        let t = try TestApp()
        t.press(.tab, .tab, .tab)  // the raw text
        #expect(t.state.focus == .raw)
        t.press(.character("/"))
        t.type("行政复议")
        t.press(.enter)
        let line = try #require(t.state.rawHighlight)
        #expect(t.state.report?.text.line(line).contains("行政复议") == true)
        let row = try #require(t.screen.row(containing: "行政复议", from: t.state.layout.raw.left))
        let column = try #require(t.screen.column(of: "行政复议", in: row, from: t.state.layout.raw.left))
        #expect(t.screen.style(row, column) == .match)
        t.press(.backTab, .backTab)  // the findings, then the tables
        t.press(.character("/"))
        t.type("国家秘密")
        t.press(.enter)
        #expect(t.state.tableLines[t.state.tableCursor].label.contains("国家秘密"))
    }
}

@Suite("Review screen: the evidence")
struct EvidenceTests {
    @Test("w wraps a long raw line by display width without cutting a character; unwrapped, ←/→ scroll sideways")
    func wrapAndScroll() throws {
        let t = try TestApp()
        t.press(.tab, .tab, .tab)
        let raw = t.state.layout.raw
        let long = try #require(t.state.report?.text.lines.firstIndex { DisplayWidth.of($0) > raw.width * 3 }) + 1
        t.press(.character("g"))
        t.press(Array(repeating: Key.down, count: long - 1))
        #expect(t.state.rawTop == long)
        let before = t.screen.pane(raw, row: raw.top + 1)
        t.press(.character("l"))
        #expect(t.state.rawLeft == 10)
        #expect(t.screen.pane(raw, row: raw.top + 1) != before)
        t.press(.character("h"))
        #expect(t.state.rawLeft == 0)
        t.press(.character("w"))
        // The long line now takes several rows, the later ones without a line number.
        #expect(t.screen.pane(raw, row: raw.top + 2).hasPrefix(String(repeating: " ", count: 4)))
        for row in raw.top..<(raw.top + raw.height) {
            #expect(DisplayWidth.of(t.screen.pane(raw, row: row)) <= raw.width)
        }
        let text = try #require(t.state.report?.text.line(long))
        let shown = (raw.top + 1..<raw.top + 6).map { t.screen.pane(raw, row: $0).dropFirst(4).trimmingCharacters(in: .whitespaces) }.joined()
        #expect(String(text).replacingOccurrences(of: " ", with: "").hasPrefix(shown.replacingOccurrences(of: " ", with: "").prefix(40)))
    }

    @Test("the selected cell's characters are marked inside its raw line")
    func cellInRawLine() throws {
        let t = try TestApp()
        t.press(.enter, .down, .down)  // 行政许可 17
        let cell = try #require(t.state.cellHighlight)
        #expect(t.state.report?.text.line(cell.line).hasPrefix("行政许可") == true)
        let raw = t.state.layout.raw
        let row = try #require(t.screen.row(containing: "\(cell.line) 行政许可", from: raw.left))
        let column = try #require(t.screen.column(of: "17", in: row, from: raw.left))
        #expect(t.screen.style(row, column) == .match)
        #expect(t.screen.style(row, column + 1) == .match)
        t.press(.right)  // a row with one value: the cell stays
        #expect(t.state.tableColumn == 0)
    }

    @Test("z at 80×24: Table 2 shows 总计 and all seven numbers of each row, labels with their group")
    func zoom() throws {
        let t = try TestApp(rows: 24, columns: 80)
        t.press(.enter, .character("z"))
        let box = t.state.layout.tables
        #expect(box.width == 80)
        t.press(.character("/"))
        t.type("国家秘密")
        t.press(.enter)
        let row = try #require(t.screen.row(containing: "国家秘密"))
        let text = t.screen.line(row)
        #expect(text.contains("(三) 1.属于国家秘密") || text.contains("（三） 1.属于国家秘密"), "\(text)")
        #expect(text.split(separator: " ").filter { Int($0) != nil || $0 == "空" }.count == 7, "\(text)")
        let header = try #require((0..<row).last { t.screen.line($0).contains("自然人") })
        #expect(t.screen.line(header).contains("总计"))
        t.press(.character("z"))
        #expect(t.state.layout.tables.width < 80)
    }

    @Test("the status line shows the reason of the selected row's finding in full; the selected finding is shown whole")
    func reasons() throws {
        let t = try TestApp(rows: 30, columns: 100)
        t.select("004")
        t.press(.character("]"))
        let line = t.state.tableLines[t.state.tableCursor]
        let reason = try #require(line.reason)
        let status = t.state.layout.statusTop
        let shown = (status..<status + 2).map { t.screen.line($0).trimmingCharacters(in: .whitespaces) }.joined()
        #expect(shown.replacingOccurrences(of: " ", with: "").contains(reason.replacingOccurrences(of: " ", with: "")), "\(shown)")
        // The findings pane: a long message wrapped whole under the selected finding.
        t.press(.tab)
        #expect(t.state.focus == .findings)
        let finding = t.state.findings[t.state.findingCursor]
        let box = t.state.layout.findings
        let text = (box.top + 1..<box.top + box.height).map { t.screen.pane(box, row: $0) }.joined()
        #expect(text.replacingOccurrences(of: " ", with: "").contains(finding.message.replacingOccurrences(of: " ", with: "")))
    }
}

@Suite("Review screen: it never lies")
struct TruthTests {
    @Test("a help box opened and closed over Chinese text leaves the frame identical to the frame before")
    func helpLeavesNoTrace() throws {
        let t = try TestApp()
        t.press(.enter, .down, .down)
        let before = t.screen.text
        t.press(.character("?"))
        #expect(t.screen.text != before)
        let box = HelpOverlay.self
        _ = box
        t.press(.character("x"))
        #expect(t.screen.text == before)
    }

    @Test("an overlay over half a wide character blanks its other half, as a terminal does")
    func halfWide() {
        let screen = MemoryScreen(rows: 1, columns: 10)
        screen.put(0, 0, "张营乡人民", .normal)
        screen.put(0, 3, "│", .header)
        #expect(screen.line(0) == "张 │乡人民")
        #expect(DisplayWidth.of(screen.line(0)) == 10)
    }

    /// The lines inside the help box, from its title down to its bottom border, between its sides.
    func helpBox(_ t: TestApp) throws -> String {
        let top = try #require(t.screen.row(containing: "按键"))
        let left = try #require(t.screen.column(of: "┌", in: top - 1))
        let right = try #require(t.screen.column(of: "┐", in: top - 1, from: left))
        let bottom = try #require((top..<t.screen.rows).first { t.screen.line($0, from: left).hasPrefix("└") })
        return (top...bottom).map { t.screen.line($0, from: left, through: right) }.joined(separator: "\n")
    }

    @Test("? shows the keys of the current mode from its key map (checked on the help box alone)")
    func help() throws {
        let t = try TestApp()
        t.press(.character("?"))
        let inside = try helpBox(t)
        for binding in KeyMap.bindings(.browse) {
            #expect(inside.contains(binding.help), "\(binding.label) missing from the help box")
            #expect(inside.contains(binding.label), "\(binding.label) missing from the help box")
        }
        t.press(.character("x"))
        #expect(t.state.mode == .browse)
    }

    @Test("at 80×24 the help is taller than the box: ↓ and PgDn scroll it to every key, another key closes it")
    func helpScrolls() throws {
        let t = try TestApp(rows: 24, columns: 80)
        t.press(.character("?"))
        var box = try helpBox(t)
        #expect(box.contains("↑↓ 滚动"))
        #expect(box.contains("↓ 还有"))
        var seen = Set<String>()
        for _ in 0..<12 {
            box = try helpBox(t)
            for binding in KeyMap.bindings(.browse) where box.contains(binding.help) { seen.insert(binding.help) }
            t.press(.pageDown)
        }
        box = try helpBox(t)
        #expect(seen == Set(KeyMap.bindings(.browse).map(\.help)))
        #expect(box.contains("确认所选发现"))
        #expect(!box.contains("↓ 还有"))
        t.press(.up)
        guard case .help = t.state.mode else { Issue.record("↑ closed the help"); return }
        t.press(.character("x"))
        #expect(t.state.mode == .browse)
    }

    @Test("a missing row and a missing table are marked as their findings say, with their messages; without findings, unmarked")
    func missingFromFindings() throws {
        let text = try String(contentsOf: SampleReports.files[0], encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.remove(at: try #require(lines.firstIndex { $0.hasPrefix("行政许可") }))
        // Table 3's heading and rows gone: the whole table is missing.
        let table3 = try #require(lines.firstIndex { $0.contains("行政复议、行政诉讼情况") })
        let six = try #require(lines.firstIndex { $0.hasPrefix("六、") })
        lines.removeSubrange((table3 + 1)..<six)
        let report = try ReportReader.report(from: lines.joined(separator: "\n"), path: "x.txt")
        let row = try #require(report.findings.first { $0.rule == .missingRow })
        let table = try #require(report.findings.first { $0.rule == .missingTable })
        let shown = TableLines.make(report, findings: report.findings).filter { $0.kind == .missing }
        #expect(shown.contains { $0.reason == row.message && $0.severity == row.severity && $0.cells == row.cells })
        #expect(shown.contains { $0.label == "（缺少此表）" && $0.reason == table.message && $0.severity == table.severity })
        let bare = TableLines.make(report, findings: []).filter { $0.kind == .missing }
        #expect(bare.count == shown.count)
        #expect(bare.allSatisfy { $0.severity == nil && $0.reason == nil })
    }

    @Test("too small a terminal: only q and resizes act (a does not approve)")
    func tooSmall() throws {
        let t = try TestApp()
        t.resize(rows: 20, columns: 70)
        #expect(t.screen.line(0).contains("终端太小：至少需要 80×24（现在 70×20）"))
        t.press(.character("j"), .character("a"))
        #expect(t.state.cursor == 0)
        #expect(t.state.entries[0].status == .unreviewed)
        #expect(try t.store.record(path: t.state.entries[0].key)?.status == .unreviewed)
        t.resize(rows: 30, columns: 100)
        #expect(t.screen.row(containing: "报告 · 全部（5）") != nil)
    }

    @Test("after a resize the selection stays on screen")
    func resizeKeepsSelection() throws {
        let t = try TestApp()
        t.press(.enter)
        t.press(Array(repeating: Key.down, count: 40))
        let selected = t.state.tableLines[t.state.tableCursor]
        t.resize(rows: 24, columns: 80)
        #expect(t.state.tableCursor >= t.state.tableTop && t.state.tableCursor < t.state.tableTop + t.state.layout.visible(.tables))
        let box = t.state.layout.tables
        let selectedStyles: Set<CellStyle> = [.selected, .errorSelected, .warningSelected]
        #expect((box.top + 1..<box.top + box.height).contains { selectedStyles.contains(t.screen.style($0, box.left + 3)) }, "\(selected.label) not on screen")
    }

    @Test("every row is as wide as the terminal and no pane spills into the next, at 160×48, 100×30 and 80×24")
    func noOverflow() throws {
        for (rows, columns) in [(48, 160), (30, 100), (24, 80)] {
            let t = try TestApp(rows: rows, columns: columns)
            for _ in 0..<5 {
                t.press(.tab, .character("G"), .tab, .character("G"), .backTab, .backTab, .character("J"))
                let layout = t.state.layout
                for row in 0..<t.screen.rows {
                    #expect(DisplayWidth.of(t.screen.line(row)) == columns, "row \(row) at \(columns)×\(rows)")
                }
                for row in layout.list.top..<(layout.list.top + layout.list.height) {
                    #expect(t.screen.line(row, from: layout.list.width).hasPrefix("│"), "list separator, row \(row)")
                }
                for row in layout.raw.top..<(layout.raw.top + layout.raw.height) {
                    #expect(t.screen.line(row, from: layout.raw.left + layout.raw.width).hasPrefix("│"), "raw separator, row \(row)")
                }
            }
        }
    }

    @Test("Ctrl-L asks the terminal to repaint; Ctrl-Z to suspend")
    func redrawAndSuspend() throws {
        var state = try TestApp().state
        #expect(state.update(.key(.control("l"))) == [.redraw])
        #expect(state.update(.key(.control("z"))) == [.suspend])
    }
}

@Suite("Review screen: the note editor")
struct NoteEditorTests {
    @Test("e edits: Chinese text, Enter, Up/Down/Home/End/Delete, the cursor at the caret, Esc saves")
    func editing() throws {
        let t = try TestApp()
        t.press(.character("e"))
        t.type("第一行内容")
        t.press(.enter)
        t.type("第二行")
        t.press(.up)           // to the first line, same display column
        t.press(.home)
        t.press(.delete)       // 第 goes
        t.press(.end)
        t.type("！")
        t.press(.down, .end)
        t.type("。")
        guard case .note(let editor) = t.state.mode else { Issue.record("not editing"); return }
        #expect(editor.string == "一行内容！\n第二行。")
        // The terminal's cursor stands where the caret is drawn.
        let cursor = try #require(t.screen.cursor)
        #expect(t.screen.style(cursor.row, cursor.column) == .selected)
        t.press(.escape)
        #expect(try t.store.record(path: t.state.entries[0].key)?.note == "一行内容！\n第二行。")
        #expect(t.screen.cursor == nil)
    }

    @Test("Ctrl-G gives the change up")
    func cancel() throws {
        let t = try TestApp()
        t.press(.character("e"))
        t.type("不要")
        t.press(.control("g"))
        #expect(t.state.mode == .browse)
        #expect(try t.store.record(path: t.state.entries[0].key)?.note == "")
    }

    @Test("a long note scrolls so the caret stays in view")
    func longNote() throws {
        let t = try TestApp(rows: 24, columns: 80)
        t.press(.character("e"))
        for i in 0..<30 { t.type("第\(i)行"); t.press(.enter) }
        t.type("最后")
        let cursor = try #require(t.screen.cursor)
        #expect(t.screen.line(cursor.row).contains("最后"))
        #expect(cursor.row < t.screen.rows)
    }

    @Test("keys typed in the note editor do not act as commands")
    func keysAreText() throws {
        let t = try TestApp()
        t.press(.character("e"))
        t.type("qajc?")
        #expect(t.state.cursor == 0)
        guard case .note(let editor) = t.state.mode else { Issue.record("not editing"); return }
        #expect(editor.string == "qajc?")
    }
}

@Suite("Review screen: cross-year findings, as check has them")
struct CrossYearScreenTests {
    @Test("a body's two years in one folder: the later report shows CROSS_YEAR_CARRY, counted in the list")
    func crossYear() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-cross-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = try String(contentsOf: SampleReports.files[0], encoding: .utf8)
        try text.write(to: folder.appendingPathComponent("2023.txt"), atomically: true, encoding: .utf8)
        // The same body a year earlier, carrying 3 applications forward (2023 says none came over).
        var earlier = text.replacingOccurrences(of: "2023", with: "2022").replacingOccurrences(of: "2024", with: "2023")
        earlier = earlier.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.hasPrefix("四、结转下年度继续办理") ? "四、结转下年度继续办理\t\t\t3\t0\t0\t0\t0\t0\t3" : String(line)
        }.joined(separator: "\n")
        try earlier.write(to: folder.appendingPathComponent("2022.txt"), atomically: true, encoding: .utf8)
        let t = try TestApp(folder: folder)
        t.waitUntil { !$0.entries[1].crossYear.isEmpty }
        #expect(t.state.entries[1].crossYear.contains { $0.rule.rawValue == "CROSS_YEAR_CARRY" })
        t.select("2023")
        #expect(t.state.findings.contains { $0.rule.rawValue == "CROSS_YEAR_CARRY" })
        let warnings = t.state.entries[1].warnings
        #expect(t.screen.pane(t.state.layout.list, row: 3).contains("!\(warnings)"))
    }
}

@Suite("Review screen: the run loop in-process")
struct RunLoopTests {
    @Test("the app's own run loop on the in-memory screen with scripted keys: decisions saved, quits on q")
    func scripted() throws {
        let t = try TestApp()
        let events = ScriptedEvents(keys: [.character("a"), .character("a"), .character("G")])
        t.app.run(screen: t.screen, events: events)
        #expect(events.isEmpty)
        #expect(try t.store.record(path: t.state.entries[0].key)?.status == .approved)
        #expect(try t.store.record(path: t.state.entries[1].key)?.status == .approved)
        #expect(t.state.cursor == 4)
        #expect(t.state.progress.hasPrefix("已审 2/5"))
    }

    @Test("a resize event through the loop redraws at the new size")
    func resize() throws {
        let t = try TestApp()
        t.screen.resize(rows: 30, columns: 100)
        let events = ScriptedEvents([.resize(rows: 30, columns: 100)])
        t.app.run(screen: t.screen, events: events)
        #expect(t.state.columns == 100)
        #expect(DisplayWidth.of(t.screen.line(0)) == 100)
    }
}
