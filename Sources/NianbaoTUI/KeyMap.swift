/// The tables from keys to actions, one per mode. The `?` help and the hint bar are drawn
/// from them, and docs/tui.md is checked against them, so none can disagree with the keys.
public enum KeyMap {
    public struct Binding: Sendable {
        public let keys: [Key]
        public let action: ReviewAction
        public let help: String
        /// Shown in the one-line hint bar.
        public let hinted: Bool

        init(_ keys: [Key], _ action: ReviewAction, _ help: String, hint: Bool = false) {
            self.keys = keys
            self.action = action
            self.help = help
            hinted = hint
        }

        /// The keys as the help names them: "↓/j".
        public var label: String { keys.map(\.name).joined(separator: "/") }
    }

    /// What the screen is doing, for choosing a key map.
    public enum ModeName: String, Sendable, CaseIterable {
        case browse, note, search, help
        /// Typing the reason a finding is dismissed.
        case dismiss
        /// Someone else changed the record first.
        case conflict
        /// Quitting with writes not committed yet.
        case confirmQuit
        /// The terminal is too small: only quitting and resizing act.
        case tooSmall
    }

    static func c(_ character: Character) -> Key { .character(character) }

    public static let browse: [Binding] = [
        Binding([.down, c("j")], .moveDown, "下移", hint: true),
        Binding([.up, c("k")], .moveUp, "上移"),
        Binding([.control("d")], .halfPageDown, "下移半页"),
        Binding([.control("u")], .halfPageUp, "上移半页"),
        Binding([.pageDown], .pageDown, "下一页"),
        Binding([.pageUp], .pageUp, "上一页"),
        Binding([c("g"), .home], .first, "到开头"),
        Binding([c("G"), .end], .last, "到末尾"),
        Binding([.left, c("h")], .scrollLeft, "原文向左滚动；表格中选左边的格"),
        Binding([.right, c("l")], .scrollRight, "原文向右滚动；表格中选右边的格"),
        Binding([.tab], .nextPane, "下一个窗格（列表→表格→发现→原文）", hint: true),
        Binding([.backTab], .previousPane, "上一个窗格"),
        Binding([.enter], .open, "打开所选报告 / 跳到原文"),
        Binding([c("J")], .nextReport, "下一份报告（任何窗格）", hint: true),
        Binding([c("K")], .previousReport, "上一份报告（任何窗格）"),
        Binding([c("}")], .nextFailingReport, "下一份有错误的报告", hint: true),
        Binding([c("{")], .previousFailingReport, "上一份有错误的报告"),
        Binding([c("]")], .nextFinding, "本报告的下一个发现", hint: true),
        Binding([c("[")], .previousFinding, "本报告的上一个发现"),
        Binding([c("a")], .approve, "通过，并到下一份未审报告", hint: true),
        Binding([c("c")], .needsCorrection, "需修改（随后写明理由），并到下一份未审报告", hint: true),
        Binding([c("y")], .confirmFinding, "确认所选发现（发现窗格中）"),
        Binding([c("d")], .dismissFinding, "驳回所选发现，写明理由（发现窗格中）"),
        Binding([c("u")], .undo, "撤销本次会话的上一个决定、备注或裁定", hint: true),
        Binding([.control("r")], .redo, "重做"),
        Binding([c("f")], .cycleFilter, "筛选：全部→未审→有错误→需修改→已通过", hint: true),
        Binding([c("s")], .cycleSort, "排序：路径→错误数→机关和年度"),
        Binding([c("/")], .search, "在当前窗格中搜索（空搜索重复上一次）", hint: true),
        Binding([c("n")], .nextMatch, "下一个匹配"),
        Binding([c("N")], .previousMatch, "上一个匹配"),
        Binding([c("w")], .toggleWrap, "原文长行折行 / 不折行"),
        Binding([c("z")], .zoom, "放大当前窗格 / 还原"),
        Binding([c("e")], .editNote, "编辑备注", hint: true),
        Binding([c("E")], .editNoteExternally, "用 $VISUAL / $EDITOR 编辑备注"),
        Binding([.control("l")], .redraw, "重画屏幕"),
        Binding([.control("z")], .suspend, "挂起（fg 返回）"),
        Binding([c("?")], .help, "帮助", hint: true),
        Binding([c("q"), .interrupt], .quit, "退出", hint: true),
    ]

    public static let note: [Binding] = [
        Binding([.escape], .save, "保存并关闭", hint: true),
        Binding([.control("g")], .cancel, "放弃修改并关闭", hint: true),
        Binding([.enter], .newline, "换行", hint: true),
        Binding([.backspace], .deleteBackward, "删除前一个字"),
        Binding([.delete], .deleteForward, "删除后一个字"),
        Binding([.left], .caretLeft, "光标左移"),
        Binding([.right], .caretRight, "光标右移"),
        Binding([.up], .caretUp, "光标上移一行"),
        Binding([.down], .caretDown, "光标下移一行"),
        Binding([.home], .caretHome, "到行首"),
        Binding([.end], .caretEnd, "到行尾"),
    ]

    public static let search: [Binding] = [
        Binding([.enter], .submit, "查找（空则重复上一次）", hint: true),
        Binding([.escape, .control("g")], .cancel, "取消", hint: true),
        Binding([.backspace], .deleteBackward, "删除前一个字"),
    ]

    public static let dismiss: [Binding] = [
        Binding([.enter], .submit, "驳回（须写明理由）", hint: true),
        Binding([.escape, .control("g")], .cancel, "取消", hint: true),
        Binding([.backspace], .deleteBackward, "删除前一个字"),
    ]

    public static let help: [Binding] = [
        Binding([.down, c("j")], .moveDown, "向下滚动", hint: true),
        Binding([.up, c("k")], .moveUp, "向上滚动"),
        Binding([.pageDown, c(" ")], .pageDown, "向下翻页"),
        Binding([.pageUp], .pageUp, "向上翻页"),
        Binding([.escape, c("q"), c("?")], .closeHelp, "关闭帮助（其他任意键也关闭）", hint: true),
    ]

    public static let conflict: [Binding] = [
        Binding([c("k")], .keepMine, "保留我的修改（写在对方的之上）", hint: true),
        Binding([c("t"), .escape], .takeTheirs, "采用对方的修改", hint: true),
    ]

    public static let confirmQuit: [Binding] = [
        Binding([c("y")], .quit, "仍然退出（未保存的修改会丢失）", hint: true),
        Binding([c("n"), .escape], .cancel, "不退出，继续重试保存", hint: true),
    ]

    public static let tooSmall: [Binding] = [
        Binding([c("q"), c("Q"), .interrupt], .quit, "退出", hint: true),
    ]

    public static func bindings(_ mode: ModeName) -> [Binding] {
        switch mode {
        case .browse: browse
        case .note: note
        case .search: search
        case .dismiss: dismiss
        case .help: help
        case .conflict: conflict
        case .confirmQuit: confirmQuit
        case .tooSmall: tooSmall
        }
    }

    public static func action(for key: Key, in mode: ModeName) -> ReviewAction? {
        bindings(mode).first { $0.keys.contains(key) }?.action
    }

    /// The one-line hint bar of a mode.
    public static func hint(_ mode: ModeName) -> String {
        bindings(mode).filter(\.hinted).map { binding in
            let short = binding.help.split(whereSeparator: { $0 == "，" || $0 == "（" || $0 == "；" }).first ?? ""
            return "\(binding.keys[0].name) \(short)"
        }.joined(separator: "  ")
    }
}

extension KeyMap {
    /// A mode's keys as a Markdown table, as README and docs/tui.md show them (a test checks
    /// that they do).
    public static func markdown(_ mode: ModeName) -> String {
        let rows = bindings(mode).map { binding in
            "| " + binding.keys.map { "`\($0.name.replacingOccurrences(of: "|", with: "\\|"))`" }.joined(separator: " ") + " | \(binding.help) |"
        }
        return (["| 键 | 作用 |", "|---|---|"] + rows).joined(separator: "\n")
    }
}
