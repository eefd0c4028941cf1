import NianbaoCore
import NianbaoStore

/// `update`: the state after a key or an event, and the effects the app must carry out.
/// A pure function of the state and its input: no terminal, no database.
extension ReviewState {
    public var layout: Layout { Layout(rows: rows, columns: columns) }

    /// Handles one key press.
    public mutating func update(key: Key) -> [Effect] {
        if key == .resize { return [] }
        switch mode {
        case .help:
            mode = .browse
            return []
        case .note(var editor):
            return editNote(&editor, key)
        case .search(let query):
            return editSearch(query, key)
        case .browse:
            guard let action = KeyMap.action(for: key) else { return [] }
            return update(action: action)
        }
    }

    /// Handles one action from the key map.
    public mutating func update(action: ReviewAction) -> [Effect] {
        message = nil
        let page = layout.visible(focus)
        switch action {
        case .moveUp: move(by: -1)
        case .moveDown: move(by: 1)
        case .pageUp: move(by: -page)
        case .pageDown: move(by: page)
        case .first: move(by: -Int.max / 2)
        case .last: move(by: Int.max / 2)
        case .nextPane:
            let all = Pane.allCases
            focus = all[(all.firstIndex(of: focus)! + 1) % all.count]
            if focus == .tables { selectFirstRow() }
            followSource()
        case .open:
            if focus == .list {
                focus = .tables
                selectFirstRow()
            }
            followSource()
        case .nextFailing: jumpToFailing(forward: true)
        case .previousFailing: jumpToFailing(forward: false)
        case .approve: return decide(.approved)
        case .needsCorrection: return decide(.needsCorrection)
        case .undo:
            guard let entry = current, entry.review != nil else { return notReady() }
            return [.undo(key: entry.key)]
        case .editNote:
            guard let entry = current, entry.review != nil else { return notReady() }
            mode = .note(NoteEditor(entry.review?.note ?? ""))
        case .search: mode = .search("")
        case .help: mode = .help
        case .quit: return [.quit]
        }
        return []
    }

    /// A report has been read (or could not be): it fills its row of the list.
    public mutating func loaded(_ index: Int, report: Report?, failure: String?, review: ReviewRecord?) {
        guard entries.indices.contains(index) else { return }
        entries[index].report = report
        entries[index].failure = failure
        if let review { entries[index].review = review }
        if index == selected { followSource() }
    }

    /// The app saved (or failed to save) an effect: the record as it now stands.
    public mutating func saved(key: String, review: ReviewRecord?, message: String) {
        if let review, let index = entries.firstIndex(where: { $0.key == key }) { entries[index].review = review }
        self.message = message
    }

    // MARK: moving

    private mutating func move(by delta: Int) {
        switch focus {
        case .list:
            guard !entries.isEmpty else { return }
            let target = clamp(selected + delta, entries.count)
            if target != selected {
                selected = target
                tableCursor = 0; tableTop = 0; findingCursor = 0; findingTop = 0; rawTop = 0; rawHighlight = nil
            }
            listTop = scrolled(top: listTop, cursor: selected, visible: layout.visible(.list))
        case .tables:
            let lines = tableLines
            let selectable = lines.indices.filter { lines[$0].isSelectable }
            guard !selectable.isEmpty else { return }
            let position = selectable.firstIndex { $0 >= tableCursor } ?? 0
            tableCursor = selectable[clamp(position + delta, selectable.count)]
            tableTop = scrolled(top: tableTop, cursor: tableCursor, visible: layout.visible(.tables))
            followSource()
        case .findings:
            guard !findings.isEmpty else { return }
            findingCursor = clamp(findingCursor + delta, findings.count)
            findingTop = scrolled(top: findingTop, cursor: findingCursor, visible: layout.visible(.findings))
            followSource()
        case .raw:
            let count = current?.report?.text.lineCount ?? 0
            rawTop = clamp(rawTop + delta, max(count - layout.visible(.raw) + 1, 1))
        }
    }

    private mutating func selectFirstRow() {
        let lines = tableLines
        if !lines.indices.contains(tableCursor) || !lines[tableCursor].isSelectable {
            tableCursor = lines.firstIndex(where: \.isSelectable) ?? 0
        }
        tableTop = scrolled(top: tableTop, cursor: tableCursor, visible: layout.visible(.tables))
    }

    /// `]` and `[`: the next (previous) table row that a finding touches.
    private mutating func jumpToFailing(forward: Bool) {
        let lines = tableLines
        let failing = lines.indices.filter { lines[$0].isSelectable && lines[$0].severity.map { $0 != .info } == true }
        guard !failing.isEmpty else {
            message = "本报告没有出错的行"
            return
        }
        focus = .tables
        let next = forward ? failing.first { $0 > tableCursor } ?? failing[0] : failing.last { $0 < tableCursor } ?? failing[failing.count - 1]
        tableCursor = next
        tableTop = scrolled(top: tableTop, cursor: tableCursor, visible: layout.visible(.tables))
        followSource()
    }

    /// Scrolls the raw text to the source line of the selected table row or finding.
    mutating func followSource() {
        let line: Int?
        switch focus {
        case .tables:
            let lines = tableLines
            line = lines.indices.contains(tableCursor) ? lines[tableCursor].sourceLine : nil
        case .findings:
            line = findings.indices.contains(findingCursor) ? findings[findingCursor].line : nil
        default:
            return
        }
        rawHighlight = line
        if let line { rawTop = max(line - layout.visible(.raw) / 2, 1) }
    }

    // MARK: decisions

    private mutating func decide(_ status: ReviewStatus) -> [Effect] {
        guard let entry = current, entry.review != nil else { return notReady() }
        return [.decide(key: entry.key, status)]
    }

    private mutating func notReady() -> [Effect] {
        message = "这份报告还在读取，稍候再试"
        return []
    }

    // MARK: note editor and search

    private mutating func editNote(_ editor: inout NoteEditor, _ key: Key) -> [Effect] {
        switch key {
        case .escape:
            mode = .browse
            guard let entry = current else { return [] }
            return [.saveNote(key: entry.key, editor.string)]
        case .enter: editor.text.insert("\n", at: editor.cursor); editor.cursor += 1
        case .backspace:
            if editor.cursor > 0 { editor.text.remove(at: editor.cursor - 1); editor.cursor -= 1 }
        case .left: editor.cursor = max(editor.cursor - 1, 0)
        case .right: editor.cursor = min(editor.cursor + 1, editor.text.count)
        case .home: editor.cursor = 0
        case .end: editor.cursor = editor.text.count
        case .character(let c): editor.text.insert(c, at: editor.cursor); editor.cursor += 1
        case .tab: editor.text.insert(" ", at: editor.cursor); editor.cursor += 1
        default: break
        }
        mode = .note(editor)
        return []
    }

    private mutating func editSearch(_ query: String, _ key: Key) -> [Effect] {
        switch key {
        case .escape: mode = .browse
        case .backspace: mode = .search(String(query.dropLast()))
        case .character(let c): mode = .search(query + String(c))
        case .enter:
            mode = .browse
            let start = selected + 1
            let order = Array(entries.indices[start...]) + Array(entries.indices[..<min(start, entries.count)])
            if let found = order.first(where: { matches(entries[$0], query) }) {
                focus = .list
                selected = found
                tableCursor = 0; tableTop = 0; findingCursor = 0; findingTop = 0; rawTop = 0; rawHighlight = nil
                listTop = scrolled(top: listTop, cursor: selected, visible: layout.visible(.list))
            } else {
                message = "没有找到：\(query)"
            }
        default: break
        }
        return []
    }

    private func matches(_ entry: ReviewEntry, _ query: String) -> Bool {
        guard !query.isEmpty else { return false }
        return entry.name.contains(query) || entry.key.contains(query) || entry.year.map { String($0) == query } == true
    }
}

func clamp(_ value: Int, _ count: Int) -> Int { min(max(value, 0), max(count - 1, 0)) }

/// The first visible index that keeps `cursor` on screen.
func scrolled(top: Int, cursor: Int, visible: Int) -> Int {
    if cursor < top { return cursor }
    if cursor >= top + visible { return cursor - visible + 1 }
    return top
}
