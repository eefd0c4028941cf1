/// A key press, as the review screen understands it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case tab, enter, escape, backspace
    case resize
    /// Control-C: quits like `q`, and never loses anything.
    case interrupt
}
