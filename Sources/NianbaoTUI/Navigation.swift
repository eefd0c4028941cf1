import NianbaoCore

/// Moving: in the focused pane, between reports, between findings; the list's filter and
/// order; keeping the selection on screen.
extension ReviewState {
    mutating func move(by delta: Int) -> [Effect] {
        switch focus {
        case .list:
            guard !list.isEmpty else { return [] }
            return select(position: clamp(cursor + delta, list.count))
        case .tables:
            let lines = tableLines
            let selectable = lines.indices.filter { lines[$0].isSelectable }
            guard !selectable.isEmpty else { return [] }
            let position = selectable.firstIndex { $0 >= tableCursor } ?? 0
            tableCursor = selectable[clamp(position + delta, selectable.count)]
            tableColumn = min(tableColumn, max(lines[tableCursor].values.count - 1, 0))
            tableTop = scrolled(top: tableTop, cursor: tableCursor, visible: layout.visible(.tables))
            followSource()
        case .findings:
            guard !findings.isEmpty else { return [] }
            findingCursor = clamp(findingCursor + delta, findings.count)
            findingTop = scrolled(top: findingTop, cursor: findingCursor, visible: layout.visible(.findings))
            followSource()
        case .raw:
            let count = report?.text.lineCount ?? 0
            rawTop = clamp(rawTop - 1 + delta, max(count - layout.visible(.raw) + 1, 1)) + 1
        }
        return []
    }

    /// Selects the report at `position` of the list; a new report resets the other panes
    /// and asks for its whole report to be read.
    mutating func select(position: Int) -> [Effect] {
        guard list.indices.contains(position) else { return [] }
        let before = selected
        cursor = position
        listTop = scrolled(top: listTop, cursor: cursor, visible: layout.visible(.list))
        guard selected != before, let index = selected else { return [] }
        tableCursor = 0; tableColumn = 0; tableTop = 0; findingCursor = 0; findingTop = 0; rawTop = 1; rawLeft = 0
        rawHighlight = nil; cellHighlight = nil
        var effects: [Effect] = []
        if shown?.index != index {
            shown = nil
            if entries[index].failure == nil { effects.append(.fetch(index: index)) }
        } else if focus == .tables {
            selectFirstRow()
        }
        return effects
    }

    /// J/K, }/{: the next (previous) report of the list that `admits`, from any pane.
    mutating func step(_ direction: Int, where admits: (ReviewEntry) -> Bool, none: String? = nil) -> [Effect] {
        guard !list.isEmpty else { return [] }
        var position = cursor + direction
        while list.indices.contains(position) {
            if admits(entries[list[position]]) { return select(position: position) }
            position += direction
        }
        message = none ?? (direction > 0 ? "已是最后一份报告" : "已是第一份报告")
        return []
    }

    /// The next report still to review after the selection (wrapping round), if any.
    func nextUnreviewed() -> Int? {
        guard !list.isEmpty else { return nil }
        for offset in 1...list.count {
            let position = (cursor + offset) % list.count
            let entry = entries[list[position]]
            if entry.status == .unreviewed, position != cursor { return position }
        }
        return nil
    }

    mutating func cyclePane(_ direction: Int) {
        let all = Pane.allCases
        focus = all[(all.firstIndex(of: focus)! + direction + all.count) % all.count]
        if focus == .tables { selectFirstRow() }
        followSource()
        keepSelectionVisible()
    }

    /// ←/→: sideways in the raw text when it is not wrapped; the cell of the row in tables.
    mutating func sideways(_ direction: Int) {
        switch focus {
        case .tables:
            let lines = tableLines
            guard lines.indices.contains(tableCursor), !lines[tableCursor].values.isEmpty else { return }
            tableColumn = clamp(tableColumn + direction, lines[tableCursor].values.count)
            followSource()
        default:
            guard !wraps else { return }
            rawLeft = max(rawLeft + direction * 10, 0)
        }
    }

    mutating func selectFirstRow() {
        let lines = tableLines
        if !lines.indices.contains(tableCursor) || !lines[tableCursor].isSelectable {
            tableCursor = lines.firstIndex(where: \.isSelectable) ?? 0
        }
        tableTop = scrolled(top: tableTop, cursor: tableCursor, visible: layout.visible(.tables))
    }

    /// `]` and `[`: the next (previous) finding of the report, table row or not. A finding
    /// on a row selects the row (and its cell); one without selects it among the findings.
    mutating func jumpToFinding(forward: Bool) {
        let all = findings
        guard !all.isEmpty else {
            message = report == nil ? "这份报告还在读取" : "本报告没有发现"
            return
        }
        let next = forward ? (findingCursor + 1) % all.count : (findingCursor - 1 + all.count) % all.count
        // From the list (nothing chosen yet), ] starts at the first finding.
        let target = focus == .list || focus == .raw ? (forward ? 0 : all.count - 1) : next
        findingCursor = target
        findingTop = scrolled(top: findingTop, cursor: findingCursor, visible: layout.visible(.findings))
        let finding = all[target]
        let lines = tableLines
        if let row = lines.indices.first(where: { lines[$0].isSelectable && !Set(lines[$0].cells).isDisjoint(with: finding.cells) }) {
            focus = .tables
            tableCursor = row
            tableColumn = lines[row].cells.firstIndex { finding.cells.contains($0) } ?? 0
            tableTop = scrolled(top: tableTop, cursor: tableCursor, visible: layout.visible(.tables))
        } else {
            focus = .findings
        }
        followSource()
    }

    /// Scrolls the raw text to the source of the selected table cell or finding.
    mutating func followSource() {
        switch focus {
        case .tables:
            let lines = tableLines
            guard lines.indices.contains(tableCursor) else { return }
            let line = lines[tableCursor]
            let source = line.sources.indices.contains(tableColumn) ? line.sources[tableColumn] : nil
            cellHighlight = source
            rawHighlight = source?.line ?? line.sourceLine
        case .findings:
            let all = findings
            rawHighlight = all.indices.contains(findingCursor) ? all[findingCursor].line : nil
            cellHighlight = nil
        default:
            return
        }
        if let line = rawHighlight {
            rawTop = max(line - layout.visible(.raw) / 2, 1)
            if let cell = cellHighlight, !wraps, let report {
                // Unwrapped: scroll sideways so that the cell is in view.
                let before = DisplayWidth.of(String(String.UnicodeScalarView(report.text.line(cell.line).unicodeScalars.prefix(cell.column - 1))))
                let width = max(layout.raw.width - 6, 10)
                if before < rawLeft || before >= rawLeft + width { rawLeft = max(before - width / 3, 0) }
            }
        }
    }

    /// The list again after its filter, its order or a review changed, the selection kept
    /// on the same report when it is still in the list (else on the one now in its place).
    @discardableResult
    mutating func refreshList() -> [Effect] {
        let keep = selected
        var shownList = entries.indices.filter { !entries[$0].isMoved && filter.admits(entries[$0]) }
        // Keys made once per entry, then compared cheaply: 50,000 reports sort in milliseconds.
        switch sort {
        case .path: break
        case .errors:
            let errors = entries.map(\.errors)
            shownList.sort { a, b in errors[a] != errors[b] ? errors[a] > errors[b] : a < b }
        case .bodyAndYear:
            let names = entries.map { Array($0.name.utf8) }
            let years = entries.map { $0.year ?? 0 }
            shownList.sort { a, b in
                if names[a] != names[b] { return names[a].lexicographicallyPrecedes(names[b]) }
                return (years[a], a) < (years[b], b)
            }
        }
        list = shownList
        let position = keep.flatMap { list.firstIndex(of: $0) } ?? min(cursor, max(list.count - 1, 0))
        cursor = position
        listTop = scrolled(top: min(listTop, max(list.count - 1, 0)), cursor: cursor, visible: layout.visible(.list))
        if selected != keep, let index = selected {
            tableCursor = 0; tableColumn = 0; tableTop = 0; findingCursor = 0; findingTop = 0; rawTop = 1
            rawHighlight = nil; cellHighlight = nil
            if shown?.index != index {
                shown = nil
                return entries[index].failure == nil ? [.fetch(index: index)] : []
            }
        }
        return []
    }

    /// After a resize or a zoom: every cursor still on screen.
    mutating func keepSelectionVisible() {
        listTop = scrolled(top: listTop, cursor: cursor, visible: layout.visible(.list))
        tableTop = scrolled(top: tableTop, cursor: tableCursor, visible: layout.visible(.tables))
        findingTop = scrolled(top: findingTop, cursor: findingCursor, visible: layout.visible(.findings))
        if let line = rawHighlight, line < rawTop || line >= rawTop + layout.visible(.raw) {
            rawTop = max(line - layout.visible(.raw) / 2, 1)
        }
    }

    /// Puts the reviewer back where they stopped: the report with `key`, in `pane`.
    public mutating func restore(key: String, pane: Pane) -> [Effect] {
        guard let index = entries.firstIndex(where: { $0.key == key }), let position = list.firstIndex(of: index) else { return [] }
        focus = pane
        let effects = select(position: position)
        return effects.isEmpty && shown?.index != index ? [.fetch(index: index)] : effects
    }
}

func clamp(_ value: Int, _ count: Int) -> Int { min(max(value, 0), max(count - 1, 0)) }

/// The first visible index that keeps `cursor` on screen.
func scrolled(top: Int, cursor: Int, visible: Int) -> Int {
    if cursor < top { return cursor }
    if cursor >= top + visible { return cursor - visible + 1 }
    return top
}
