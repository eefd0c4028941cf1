import Foundation
import NianbaoCore
import NianbaoStore

/// `update`: the state after an event, and the effects the app must carry out. A pure
/// function of the state and the event: no terminal, no database, no files.
extension ReviewState {
    public mutating func update(_ event: Event) -> [Effect] {
        let effects = apply(event)
        askNextConflict()
        return effects
    }

    /// A refused write is asked about as soon as the reviewer is not typing (a note, a
    /// search) or reading the help, one at a time, and before quitting.
    private mutating func askNextConflict() {
        guard !conflicts.isEmpty else { return }
        switch mode {
        case .browse, .confirmQuit: mode = .conflict(conflicts.removeFirst())
        case .help, .note, .search, .dismiss, .conflict: break
        }
    }

    private mutating func apply(_ event: Event) -> [Effect] {
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
        case .written(let result): return written(result)
        case .remote(let records):
            remote(records)
            return []
        case .rulings(let byReport):
            takeRulings(byReport)
            if let shown, byReport[entries[shown.index].key] != nil { show(shown.report, index: shown.index) }
            return []
        case .fileChanged(let index):
            guard entries.indices.contains(index) else { return [] }
            entries[index].changedOnDisk = .changed
            entries[index].isMissing = false
            if index == selected { shown = nil; return [.fetch(index: index)] }
            return []
        case .fileAdded(let path, let key):
            guard indexByKey[key] == nil else { return [] }
            var entry = ReviewEntry(path: path, key: key)
            entry.changedOnDisk = .added
            entries.append(entry)
            indexByKey[key] = entries.count - 1
            return refreshList()
        case .fileMissing(let index):
            guard entries.indices.contains(index), !entries[index].isMissing else { return [] }
            entries[index].isMissing = true
            entries[index].digest = nil
            counts.loaded += 1
            if index == selected { shown = nil }
            return []
        case .fileMoved(let key):
            guard let index = indexByKey[key], entries[index].isMissing, !entries[index].isMoved else { return [] }
            counts.count(entries[index].status, -1)
            counts.moved += 1
            entries[index].isMoved = true
            return refreshList()
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
        case .dismiss: return .dismiss
        case .conflict: return .conflict
        case .confirmQuit: return .confirmQuit
        }
    }

    mutating func update(key: Key) -> [Effect] {
        let name = modeName
        switch name {
        case .tooSmall:
            return KeyMap.action(for: key, in: .tooSmall) == .quit ? [.quit] : []
        case .help:
            guard case .help(let first) = mode else { return [] }
            // The arrows and page keys scroll a help taller than the terminal; any other key closes it.
            let page = max(HelpOverlay.visibleRows(layout) - 1, 1)
            let step: Int
            switch KeyMap.action(for: key, in: .help) {
            case .moveDown: step = 1
            case .moveUp: step = -1
            case .pageDown: step = page
            case .pageUp: step = -page
            default:
                mode = .browse
                return [.redraw]
            }
            mode = .help(first: max(0, min(first + step, HelpOverlay.lastFirst(layout))))
            return []
        case .note:
            guard case .note(var editor) = mode else { return [] }
            return editNote(&editor, key)
        case .search:
            guard case .search(var prompt) = mode else { return [] }
            return editSearch(&prompt, key)
        case .dismiss:
            guard case .dismiss(var prompt) = mode else { return [] }
            return editDismissal(&prompt, key)
        case .conflict:
            guard case .conflict(let conflict) = mode else { return [] }
            return resolve(conflict, KeyMap.action(for: key, in: .conflict))
        case .confirmQuit:
            switch KeyMap.action(for: key, in: .confirmQuit) {
            case .quit: return [.quit]
            case .cancel:
                mode = .browse
                message = "继续审阅；未保存的修改仍在重试"
            default: break
            }
            return []
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
        case .confirmFinding: return confirmFinding()
        case .dismissFinding: return dismissFinding()
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
            mode = .note(NoteEditor(entry.review?.note ?? "", key: entry.key, version: entry.review?.version))
        case .editNoteExternally:
            guard let entry = current, let review = entry.review else { return notReady() }
            return [.editExternally(key: entry.key, note: review.note)]
        case .help: mode = .help(first: 0)
        case .redraw: return [.redraw]
        case .suspend: return [.suspend]
        case .quit:
            // Writes not committed yet are not given up without asking.
            if !pending.isEmpty {
                mode = .confirmQuit(pending.count)
                return []
            }
            return [.quit]
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

    /// A record as the store now has it: the entry takes it.
    mutating func saved(key: String, review: ReviewRecord?, message: String?) {
        if let message { self.message = message }
        guard let review, let index = indexByKey[key] else { return }
        take(review, at: index)
        if filter != .all { _ = refreshList() }
    }

    private mutating func take(_ review: ReviewRecord, at index: Int) {
        counts.count(entries[index].status, -1)
        entries[index].review = review
        counts.count(review.status, 1)
    }

    /// What became of one of the reviewer's writes.
    mutating func written(_ result: WriteResult) -> [Effect] {
        switch result {
        case .saved(let write, let record):
            pending[write.id] = nil
            if !isPending(write.key) { waiting[write.key] = nil }
            // The ruling as committed (a snapshot read while it was pending may have been passed over).
            // (Not when a later ruling on the same finding is still on its way: that one is shown.)
            if case .rule(let ruling) = write.change, !pending.values.contains(where: { $0.isRuling(on: ruling) }) { setRuling(ruling) }
            saved(key: write.key, review: record, message: "已保存：" + describe(write))
        case .waiting(let write, let why):
            waiting[write.key] = why
            message = "未保存：\(describe(write))（\(why)），正在重试"
        case .failed(let write, let why):
            pending[write.id] = nil
            if !isPending(write.key) { waiting[write.key] = nil }
            // A ruling shown at once is taken back: it was not saved.
            if case .ruling(_, let before, _)? = history.change(of: write) { setRuling(before) }
            history.forget(write)
            message = "保存失败：\(describe(write))（\(why)）"
        case .conflict(let write, let theirs):
            pending[write.id] = nil
            if !isPending(write.key) { waiting[write.key] = nil }
            history.forget(write)
            saved(key: write.key, review: theirs, message: nil)
            if isSame(write.change, as: theirs) {
                // The other reviewer did the same: nothing to choose.
                message = "\(ReviewState.changedBy(write.change, theirs))（与你的相同）"
            } else {
                conflicts.append(Conflict(write: write, theirs: theirs))
            }
        }
        return []
    }

    /// True when the record already says what the refused write would have.
    private func isSame(_ change: PendingWrite.Change, as record: ReviewRecord) -> Bool {
        switch change {
        case .decide(let status, _): record.status == status
        case .note(let note): record.note == note
        case .rule: false
        }
    }

    /// `k` keeps the reviewer's change (written again on the version now standing), `t` or
    /// Esc takes the other reviewer's.
    mutating func resolve(_ conflict: Conflict, _ action: ReviewAction?) -> [Effect] {
        switch action {
        case .keepMine:
            mode = .browse
            let seen: PendingWrite.Seen?
            switch conflict.write.change {
            case .decide: seen = .status(conflict.theirs.status)
            case .note: seen = .note(conflict.theirs.note)
            case .rule: seen = nil
            }
            let write = PendingWrite(
                id: nextWriteID, key: conflict.write.key, change: conflict.write.change, expected: conflict.theirs.version, seen: seen)
            nextWriteID += 1
            pending[write.id] = write
            history.record(write, before: conflict.theirs)
            return [.write(write)]
        case .takeTheirs:
            mode = .browse
            message = "已采用对方的修改"
            return []
        default:
            return []
        }
    }

    /// Records others (or this screen) committed: each entry takes the newer one, and a
    /// change to the shown report by someone else is said.
    mutating func remote(_ records: [ReviewRecord]) {
        var changedList = false
        for record in records {
            guard let index = indexByKey[record.path] else { continue }
            let before = entries[index].review
            guard before.map({ record.version > $0.version || record.revision > $0.revision }) ?? true else { continue }
            take(record, at: index)
            changedList = true
            let byOther = (record.noteBy ?? record.reviewer) != reviewer || reviewer == nil
            if index == selected, byOther, let before, record.version > before.version {
                let who = record.status != before.status ? record.reviewer : record.noteBy
                let what = record.status != before.status ? "已标为\(ReviewState.word(record.status))" : "改了备注"
                message = "\(who ?? "有人") \(ReviewState.clock(record.updatedAt)) \(what)"
            }
        }
        if changedList, filter != .all { _ = refreshList() }
    }

    func describe(_ write: PendingWrite) -> String {
        let name = indexByKey[write.key].map { entries[$0].name } ?? write.key
        switch write.change {
        case .decide(let status, _): return "\(name) \(ReviewState.word(status))"
        case .note: return "\(name) 的备注"
        case .rule(let ruling): return "\(name) \(ruling.rule) \(ReviewState.word(ruling.verdict))"
        }
    }

    /// Who changed what the refused write was about, and when: 李四 14:02 已标为需修改.
    static func changedBy(_ change: PendingWrite.Change, _ theirs: ReviewRecord) -> String {
        switch change {
        case .decide:
            "\(theirs.reviewer ?? "有人") \(ReviewState.clock(theirs.reviewedAt ?? theirs.updatedAt)) 已标为\(ReviewState.word(theirs.status))"
        case .note:
            "\(theirs.noteBy ?? theirs.reviewer ?? "有人") \(ReviewState.clock(theirs.noteAt ?? theirs.updatedAt)) 改了备注：\(theirs.note)"
        case .rule(let ruling):
            "\(ruling.rule) \(ReviewState.word(ruling.verdict))"
        }
    }

    /// 14:02, in local time.
    static func clock(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm"
        return formatter.string(from: date)
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
