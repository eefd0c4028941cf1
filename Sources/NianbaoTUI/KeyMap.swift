/// The one table from keys to actions. The `?` help and the hint bar are drawn from it, so
/// they cannot disagree with what the keys do.
public enum KeyMap {
    public struct Binding: Sendable {
        public let keys: [Key]
        public let label: String
        public let action: ReviewAction
        public let help: String
    }

    public static let bindings: [Binding] = [
        Binding(keys: [.up, .character("k")], label: "↑/k", action: .moveUp, help: "上移"),
        Binding(keys: [.down, .character("j")], label: "↓/j", action: .moveDown, help: "下移"),
        Binding(keys: [.pageUp], label: "PgUp", action: .pageUp, help: "上一页"),
        Binding(keys: [.pageDown], label: "PgDn", action: .pageDown, help: "下一页"),
        Binding(keys: [.home], label: "Home", action: .first, help: "到开头"),
        Binding(keys: [.end], label: "End", action: .last, help: "到末尾"),
        Binding(keys: [.tab], label: "Tab", action: .nextPane, help: "切换窗格（列表→表格→发现→原文）"),
        Binding(keys: [.enter], label: "Enter", action: .open, help: "打开所选报告 / 跳到原文"),
        Binding(keys: [.character("]")], label: "]", action: .nextFailing, help: "下一个有问题的行"),
        Binding(keys: [.character("[")], label: "[", action: .previousFailing, help: "上一个有问题的行"),
        Binding(keys: [.character("a")], label: "a", action: .approve, help: "通过"),
        Binding(keys: [.character("c")], label: "c", action: .needsCorrection, help: "需修改"),
        Binding(keys: [.character("u")], label: "u", action: .undo, help: "撤销上一个决定"),
        Binding(keys: [.character("n")], label: "n", action: .editNote, help: "编辑备注（Esc 保存并关闭）"),
        Binding(keys: [.character("/")], label: "/", action: .search, help: "搜索报告"),
        Binding(keys: [.character("?")], label: "?", action: .help, help: "帮助"),
        Binding(keys: [.character("q"), .interrupt], label: "q", action: .quit, help: "退出"),
    ]

    public static func action(for key: Key) -> ReviewAction? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The one-line hint bar.
    public static var hint: String {
        bindings.filter { [.moveDown, .nextPane, .open, .nextFailing, .approve, .needsCorrection, .undo, .editNote, .search, .help, .quit].contains($0.action) }
            .map { "\($0.label) \($0.help.split(separator: "（").first ?? "")" }
            .joined(separator: "  ")
    }
}
