/// A key press, as the review screen understands it.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Control with a letter: Ctrl-D is `.control("d")`.
    case control(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case tab, backTab, enter, escape, backspace, delete
    /// Control-C: quits like `q`, and never loses anything.
    case interrupt

    /// How the help and the hint bar name the key.
    public var name: String {
        switch self {
        case .character(" "): "空格"
        case .character(let c): String(c)
        case .control(let c): "Ctrl-\(c.uppercased())"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .interrupt: "Ctrl-C"
        }
    }
}
