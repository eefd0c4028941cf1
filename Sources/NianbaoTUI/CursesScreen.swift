import NianbaoCore
import CNcursesw
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real terminal, through ncursesw's wide-character API. The only place that touches it.
public final class CursesScreen: Screen, EventSource, TerminalControl, @unchecked Sendable {
    public private(set) var rows = 0
    public private(set) var columns = 0
    private let window: UnsafeMutablePointer<WINDOW>
    private let hasColors: Bool
    private var cursor: (row: Int, column: Int)?

    /// Starts curses. Chinese text needs a UTF-8 locale: the user's, or C.UTF-8 when theirs
    /// is not UTF-8 (LANG unset, as under CI), or nothing Chinese would be drawn. With
    /// NO_COLOR set (https://no-color.org) no colour is used; glyphs, bold and reverse stay.
    public init() {
        CursesScreen.useUTF8Locale()
        window = initscr()!
        raw()
        noecho()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        wtimeout(window, 40)
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        hasColors = has_colors() && !noColor
        if hasColors {
            start_color()
            use_default_colors()
            init_pair(1, Int16(COLOR_RED), -1)
            init_pair(2, Int16(COLOR_YELLOW), -1)
            init_pair(3, Int16(COLOR_CYAN), -1)
            init_pair(4, Int16(COLOR_GREEN), -1)
            init_pair(5, Int16(COLOR_WHITE), Int16(COLOR_RED))
            init_pair(6, Int16(COLOR_BLACK), Int16(COLOR_YELLOW))
            init_pair(7, Int16(COLOR_BLACK), Int16(COLOR_CYAN))
            init_pair(8, Int16(COLOR_BLACK), Int16(COLOR_GREEN))
        }
        updateSize()
    }

    public static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            if setlocale(LC_ALL, "C.UTF-8") == nil { setlocale(LC_ALL, "C.utf8") }
        }
    }

    public func end() { endwin() }

    func updateSize() {
        rows = Int(getmaxy(window))
        columns = Int(getmaxx(window))
    }

    public func clear() {
        updateSize()
        werase(window)
    }

    public func put(_ row: Int, _ column: Int, _ text: String, _ style: CellStyle) {
        guard row >= 0, row < rows, column >= 0, column < columns else { return }
        let (clipped, _) = DisplayWidth.prefix(text, fitting: columns - column)
        var wide = clipped.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        let attributes = attributes(for: style)
        wattr_on(window, attr_t(attributes), nil)
        _ = wide.withUnsafeMutableBufferPointer { mvwaddnwstr(window, Int32(row), Int32(column), $0.baseAddress, Int32($0.count)) }
        wattr_off(window, attr_t(attributes), nil)
    }

    public func setCursor(_ position: (row: Int, column: Int)?) { cursor = position }

    public func present() {
        if let cursor {
            wmove(window, Int32(cursor.row), Int32(cursor.column))
            curs_set(1)
        } else {
            curs_set(0)
        }
        wrefresh(window)
    }

    public func invalidate() { clearok(nianbao_curscr(), true) }

    public func suspend() {
        endwin()
        signal(SIGTSTP, SIG_DFL)
        kill(getpid(), SIGTSTP)
        // Back from `fg`.
        wrefresh(window)
        updateSize()
    }

    public func released<T>(_ body: () -> T) -> T {
        def_prog_mode()
        endwin()
        let result = body()
        reset_prog_mode()
        wrefresh(window)
        return result
    }

    private func attributes(for style: CellStyle) -> Int32 {
        let bold = nianbao_a_bold(), reverse = nianbao_a_reverse(), underline = nianbao_a_underline(), dim = nianbao_a_dim()
        func pair(_ n: Int32) -> Int32 { hasColors ? nianbao_color_pair(n) : 0 }
        switch style {
        case .normal: return 0
        case .title: return reverse | bold
        case .header: return bold | pair(3)
        case .dim: return hasColors ? dim : 0
        case .selected: return reverse
        case .highlight: return hasColors ? pair(7) : reverse | underline
        case .match: return hasColors ? pair(8) | bold : bold | underline
        case .error: return bold | pair(1)
        case .warning: return (hasColors ? pair(2) : underline)
        case .approved: return pair(4) | bold
        case .errorSelected: return bold | (hasColors ? pair(5) : reverse | underline)
        case .warningSelected: return hasColors ? pair(6) : reverse | underline
        }
    }

    /// The next key or resize, or nil when none came within the poll interval.
    public func nextEvent() -> Event? {
        var value: wint_t = 0
        let result = wget_wch(window, &value)
        if result == ERR { return nil }
        if result == KEY_CODE_YES {
            switch Int32(value) {
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_ENTER: return .key(.enter)
            case KEY_BACKSPACE: return .key(.backspace)
            case nianbao_key_btab(): return .key(.backTab)
            case nianbao_key_dc(): return .key(.delete)
            case nianbao_key_resize():
                updateSize()
                return .resize(rows: rows, columns: columns)
            default: return nil
            }
        }
        switch value {
        case 3: return .key(.interrupt)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.control(Character(Unicode.Scalar(UInt8(value) + 96))))
        default:
            guard let scalar = Unicode.Scalar(UInt32(value)), value >= 32 else { return nil }
            return .key(.character(Character(scalar)))
        }
    }
}
