import NianbaoCore
import NianbaoStore

/// `update`: the state after an event, and the effects the app must carry out. A pure
/// function of the state and the event: no terminal, no database, no files.
extension ReviewState {
    public mutating func update(_ event: Event) -> [Effect] {
        switch event {
        case .key(let key): return update(key: key)
        case .resize(let rows, let columns):
            self.rows = rows
            self.columns = columns
            keepSelectionVisible()
            return []
        case .loaded(let batch): return loaded(batch)
        case .report(let index, let report):
            guard let report else {
                if index == selected { message = "这份报告无法再次读取" }
                return []
            }
            show(report, index: index)
            return []
        case .crossYear(let byIndex):
            for (index, found) in byIndex where entries.indices.contains(index) { entries[index].crossYear = found }
            if let shown { show(shown.report, index: shown.index) }
            refreshList()
            return []
        case .saved(let key, let review, let message):
            saved(key: key, review: review, message: message)
            return []
        case .tick: return []
        }
    }

    /// The key map of the current mode.
    public var modeName: KeyMap.ModeName {
        if layout.isTooSmall { return .tooSmall }
        switch mode {
        case .browse: return .browse
        case .help: return .help
        case .note: return .note
        case .search: return .search
        }
    }

    mutating func update(key: Key) -> [Effect] {
        let name = modeName
        switch name {
        case .tooSmall:
            return KeyMap.action(for: key, in: .tooSmall) == .quit ? [.quit] : []
        case .help:
            // Any key closes the help.
            mode = .browse
            return [.redraw]
        case .note:
            guard case .note(var editor) = mode else { return [] }
            return editNote(&editor, key)
        case .search:
            guard case .search(var prompt) = mode else { return [] }
            return editSearch(&prompt, key)
        case .browse:
            guard let action = KeyMap.action(for: key, in: .browse) else { return [] }
            return update(action: action)
        }
    }

    /// Handles one action of the browse key map.
    public mutating func update(action: ReviewAction) -> [Effect] {
        message = nil
        let visible = layout.visible(focus)
        switch action {
        case .moveUp: return move(by: -1)
        case .moveDown: return move(by: 1)
        case .pageUp: return move(by: -visible)
        case .pageDown: return move(by: visible)
        case .halfPageUp: return move(by: -max(visible / 2, 1))
        case .halfPageDown: return move(by: max(visible / 2, 1))
        case .first: return move(by: -Int.max / 2)
        case .last: return move(by: Int.max / 2)
        case .scrollLeft: sideways(-1)
        case .scrollRight: sideways(1)
        case .nextPane: cyclePane(1)
        case .previousPane: cyclePane(-1)
        case .open:
            if focus == .list {
                focus = .tables
                selectFirstRow()
            }
            followSource()
        case .zoom:
            zoomed.toggle()
            keepSelectionVisible()
        case .toggleWrap: wraps.toggle(); rawLeft = 0
        case .nextReport: return step(1, where: { _ in true })
        case .previousReport: return step(-1, where: { _ in true })
        case .nextFailingReport: return step(1, where: \.hasErrors, none: "列表中没有其他有错误的报告")
        case .previousFailingReport: return step(-1, where: \.hasErrors, none: "列表中没有其他有错误的报告")
        case .nextFinding: jumpToFinding(forward: true)
        case .previousFinding: jumpToFinding(forward: false)
        case .approve: return decide(.approved)
        case .needsCorrection: return decide(.needsCorrection)
        case .undo: return undo()
        case .redo: return redo()
        case .cycleFilter:
            filter = ListFilter.allCases[(ListFilter.allCases.firstIndex(of: filter)! + 1) % ListFilter.allCases.count]
            return refreshList()
        case .cycleSort:
            sort = ListSort.allCases[(ListSort.allCases.firstIndex(of: sort)! + 1) % ListSort.allCases.count]
            message = "排序：\(sort.title)"
            return refreshList()
        case .search: mode = .search(SearchPrompt(query: "", pane: focus))
        case .nextMatch: return nextMatch(forward: true)
        case .previousMatch: return nextMatch(forward: false)
        case .editNote:
            guard let entry = current else { return [] }
            guard entry.review != nil else { return notReady() }
            mode = .note(NoteEditor(entry.review?.note ?? "", key: entry.key))
        case .editNoteExternally:
            guard let entry = current, let review = entry.review else { return notReady() }
            return [.editExternally(key: entry.key, note: review.note)]
        case .help: mode = .help
        case .redraw: return [.redraw]
        case .suspend: return [.suspend]
        case .quit: return [.quit]
        default: break
        }
        return []
    }

    /// Reports read in the background fill their rows of the list.
    mutating func loaded(_ batch: [LoadedEntry]) -> [Effect] {
        for loaded in batch where entries.indices.contains(loaded.index) {
            let before = entries[loaded.index]
            if !before.isLoaded { counts.loaded += 1 }
            counts.count(before.status, -1)
            entries[loaded.index].digest = loaded.digest
            if let review = loaded.review { entries[loaded.index].review = review }
            entries[loaded.index].searchText = Search.fold(before.key + "\n" + (loaded.digest.agency ?? loaded.review?.agency ?? ""))
            counts.count(entries[loaded.index].status, 1)
        }
        var effects: [Effect] = []
        if let selected, batch.contains(where: { $0.index == selected }), report == nil, current?.failure == nil {
            effects.append(.fetch(index: selected))
        }
        // Sorting and filtering by what was read: only when the list depends on it.
        if sort != .path || filter != .all { effects += refreshList() }
        return effects
    }

    /// The app saved (or failed to save) a change: the record as it now stands.
    mutating func saved(key: String, review: ReviewRecord?, message: String?) {
        if let message { self.message = message }
        guard let review, let index = entries.firstIndex(where: { $0.key == key }) else { return }
        counts.count(entries[index].status, -1)
        entries[index].review = review
        counts.count(review.status, 1)
        if filter != .all { _ = refreshList() }
    }

    /// Shows a report read for the selection.
    mutating func show(_ report: Report, index: Int) {
        let extra = entries.indices.contains(index) ? entries[index].crossYear : []
        let findings = extra.isEmpty ? report.findings : report.findings + extra
        shown = (index, report, TableLines.make(report, findings: findings))
        if index == selected {
            if focus == .tables { selectFirstRow() }
            followSource()
        }
    }

    mutating func notReady() -> [Effect] {
        message = "这份报告还在读取，稍候再试"
        return []
    }
}
