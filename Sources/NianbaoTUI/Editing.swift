import NianbaoCore
import NianbaoStore

/// Decisions, the session's undo and redo, the note editor and searching.
extension ReviewState {
    // MARK: decisions and the queue

    mutating func decide(_ status: ReviewStatus) -> [Effect] {
        guard let entry = current else { return [] }
        guard entry.review != nil else { return notReady() }
        if status == .approved, let failure = entry.failure {
            message = "无法读取的文件不能通过：\(failure)"
            return []
        }
        if status == .approved, entry.isMissing {
            message = "文件已不在磁盘上，不能通过"
            return []
        }
        var effects: [Effect] = [write(entry.key, .decide(status, isUndo: false), recording: true)]
        if status == .needsCorrection {
            // The reason goes in the note; the queue moves on once it is closed.
            mode = .note(NoteEditor(entry.review?.note ?? "", key: entry.key, version: entry.review?.version))
            advanceAfterNote = true
            return effects
        }
        effects += advance()
        return effects
    }

    /// To the next report still to review, or a word that none is left.
    mutating func advance() -> [Effect] {
        guard let next = nextUnreviewed() else {
            message = "列表中的报告都已审阅"
            return []
        }
        return select(position: next)
    }

    /// A write of the selected report's record, pending until the app says it is committed;
    /// `recording` puts it in the session's history (undo and redo do not).
    /// The write is made on the version shown and the field as shown, unless `basis` says
    /// what the reviewer saw (the note editor: the note as it was when opened).
    mutating func write(
        _ key: String, _ change: PendingWrite.Change, recording: Bool, basis: (version: Int?, seen: PendingWrite.Seen)? = nil
    ) -> Effect {
        let index = indexByKey[key]
        let review = index.flatMap { entries[$0].review }
        let seen: PendingWrite.Seen?
        switch change {
        case .decide: seen = .status(review?.status ?? .unreviewed)
        case .note: seen = .note(review?.note ?? "")
        case .rule: seen = nil
        }
        let write = PendingWrite(
            id: nextWriteID, key: key, change: change, expected: basis.map(\.version) ?? review?.version, seen: basis.map(\.seen) ?? seen)
        nextWriteID += 1
        pending[write.id] = write
        if recording { history.record(write, before: index.flatMap { entries[$0].review }) }
        return .write(write)
    }

    mutating func undo() -> [Effect] {
        guard let change = history.done.popLast() else {
            message = "本次会话没有可撤销的修改"
            return []
        }
        history.writes.removeLast()
        history.undone.append(change)
        // Only the reviewer's own action: when someone changed it since, that is asked about.
        if let index = indexByKey[change.key], let review = entries[index].review, !change.isStanding(in: review) {
            let undo = change.reversed
            let write = PendingWrite(id: nextWriteID, key: change.key, change: undo.pendingChange(isUndo: true), expected: review.version)
            nextWriteID += 1
            history.undone.removeLast()
            conflicts.append(Conflict(write: write, theirs: review))
            return []
        }
        return apply(change.reversed, verb: "已撤销", isUndo: true)
    }

    mutating func redo() -> [Effect] {
        guard let change = history.undone.popLast() else {
            message = "没有可重做的修改"
            return []
        }
        let undone = history.undone
        let effects = apply(change, verb: "已重做", isUndo: false, recording: true)
        history.undone = undone
        return effects
    }

    private mutating func apply(_ change: SessionHistory.Change, verb: String, isUndo: Bool, recording: Bool = false) -> [Effect] {
        let name = indexByKey[change.key].map { entries[$0].name } ?? change.key
        switch change {
        case .decision(let key, _, let to):
            message = "\(verb)：\(name) → \(ReviewState.word(to))"
            return [write(key, .decide(to, isUndo: isUndo), recording: recording)]
        case .note(let key, _, let to):
            message = "\(verb)：\(name) 的备注"
            return [write(key, .note(to), recording: recording)]
        case .ruling(_, _, let to):
            let effect = rule(to, recording: recording)
            message = "\(verb)：\(name) \(to.rule) \(ReviewState.word(to.verdict))"
            return [effect]
        }
    }

    public static func word(_ status: ReviewStatus) -> String { status.chineseName }

    // MARK: the note editor

    /// The width the note editor wraps its text to, as the overlay draws it.
    var noteWidth: Int { NoteOverlay.textWidth(layout) }

    mutating func editNote(_ editor: inout NoteEditor, _ key: Key) -> [Effect] {
        let action = KeyMap.action(for: key, in: .note)
        switch action {
        case .save:
            mode = .browse
            var effects: [Effect] = []
            if editor.string != editor.original {
                // On the note as it was opened: a note someone wrote meanwhile is a conflict, not overwritten.
                effects.append(write(editor.key, .note(editor.string), recording: true, basis: (editor.version, .note(editor.original))))
            }
            return effects + closeNote() + [.redraw]
        case .cancel:
            mode = .browse
            message = "备注未改动"
            return closeNote() + [.redraw]
        case .newline: editor.insert("\n")
        case .deleteBackward: editor.deleteBackward()
        case .deleteForward: editor.deleteForward()
        case .caretLeft: editor.caret = max(editor.caret - 1, 0)
        case .caretRight: editor.caret = min(editor.caret + 1, editor.text.count)
        case .caretUp: editor.moveVertically(-1, width: noteWidth)
        case .caretDown: editor.moveVertically(1, width: noteWidth)
        case .caretHome: editor.moveToLineEdge(end: false, width: noteWidth)
        case .caretEnd: editor.moveToLineEdge(end: true, width: noteWidth)
        default:
            switch key {
            case .character(let c): editor.insert(c)
            case .tab: editor.insert(" ")
            default: break
            }
        }
        mode = .note(editor)
        return []
    }

    private mutating func closeNote() -> [Effect] {
        guard advanceAfterNote else { return [] }
        advanceAfterNote = false
        return advance()
    }

    /// The note came back from $EDITOR.
    public mutating func editedExternally(key: String, from: String, to: String) -> [Effect] {
        guard from != to else {
            message = "备注未改动"
            return []
        }
        return [write(key, .note(to), recording: true)]
    }

    // MARK: searching

    mutating func editSearch(_ prompt: inout SearchPrompt, _ key: Key) -> [Effect] {
        switch KeyMap.action(for: key, in: .search) {
        case .cancel:
            mode = .browse
            return []
        case .deleteBackward:
            if !prompt.query.isEmpty { prompt.query.removeLast() }
        case .submit:
            mode = .browse
            let query = prompt.query.isEmpty ? search?.query ?? "" : prompt.query
            guard !query.isEmpty else {
                message = "没有可重复的搜索"
                return []
            }
            return find(query, in: prompt.pane)
        default:
            if case .character(let c) = key { prompt.query.append(c) }
        }
        mode = .search(prompt)
        return []
    }

    /// Finds `query` in `pane` and goes to the first match after the current place.
    mutating func find(_ query: String, in pane: Pane) -> [Effect] {
        let folded = Search.fold(query)
        var places: [Int] = []
        var here = 0
        switch pane {
        case .list:
            places = list.indices.filter { entries[list[$0]].searchable.contains(folded) }
            here = cursor
        case .raw:
            if let text = report?.text {
                places = (1...max(text.lineCount, 1)).filter { $0 <= text.lineCount && Search.fold(String(text.line($0))).contains(folded) }
            }
            here = rawHighlight ?? rawTop
        case .tables:
            let lines = tableLines
            places = lines.indices.filter { lines[$0].isSelectable && Search.fold(lines[$0].fullLabel).contains(folded) }
            here = tableCursor
        case .findings:
            let all = findings
            places = all.indices.filter { Search.fold(all[$0].message).contains(folded) || Search.fold(all[$0].rule.rawValue).contains(folded) }
            here = findingCursor
        }
        search = SearchResult(query: query, pane: pane, folded: folded, places: places, current: nil)
        guard !places.isEmpty else {
            message = "没有找到：\(query)"
            return []
        }
        let first = places.firstIndex { $0 > here } ?? 0
        return goToMatch(first)
    }

    /// `n` and `N`: the next (previous) match of the last search.
    mutating func nextMatch(forward: Bool) -> [Effect] {
        guard let result = search, !result.places.isEmpty else {
            message = search == nil ? "还没有搜索（按 / 搜索）" : "没有找到：\(search!.query)"
            return []
        }
        let count = result.places.count
        let next = result.current.map { forward ? ($0 + 1) % count : ($0 - 1 + count) % count } ?? 0
        return goToMatch(next)
    }

    private mutating func goToMatch(_ index: Int) -> [Effect] {
        guard var result = search else { return [] }
        result.current = index
        search = result
        let place = result.places[index]
        focus = result.pane
        message = "“\(result.query)”：第 \(index + 1)/\(result.places.count) 处"
        switch result.pane {
        case .list: return select(position: place)
        case .raw:
            rawHighlight = place
            cellHighlight = nil
            rawTop = max(place - layout.visible(.raw) / 2, 1)
        case .tables:
            tableCursor = place
            tableTop = scrolled(top: tableTop, cursor: tableCursor, visible: layout.visible(.tables))
            followSource()
        case .findings:
            findingCursor = place
            findingTop = scrolled(top: findingTop, cursor: findingCursor, visible: layout.visible(.findings))
            followSource()
        }
        return []
    }
}
