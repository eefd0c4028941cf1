import NianbaoCore

/// The findings of the report in this batch (cross-year ones included), most severe first,
/// each with its rule id and message; the selected one is shown whole, wrapped.
enum FindingsPane {
    static func draw(_ state: ReviewState, _ box: Layout.Box, _ screen: Screen) {
        let findings = state.findings
        // Each finding's ruling, looked up once a frame (its identity is built from its message).
        let rulings = findings.map(state.ruling(on:))
        let stale = state.staleRulings
        let counted = zip(findings, rulings).filter { $0.1?.verdict != .dismissed }.map(\.0)
        let dismissed = findings.count - counted.count
        let errors = counted.filter { $0.severity == .error }.count, warnings = counted.filter { $0.severity == .warning }.count
        let ruled = (dismissed > 0 ? " · 已驳回 \(dismissed)" : "") + (stale.isEmpty ? "" : " · 已失效的裁定 \(stale.count)")
        ReviewRenderer.paneTitle("发现（错误 \(errors) · 警告 \(warnings) · 共 \(findings.count)\(ruled)）", focused: state.focus == .findings, box, screen)
        if let failure = state.current?.failure {
            for (i, line) in DisplayWidth.wrap("✗ 无法读取：\(failure)", box.width).prefix(box.height - 1).enumerated() {
                screen.put(box.top + 1 + i, box.left, DisplayWidth.fit(line, box.width), .error)
            }
            return
        }
        if findings.isEmpty, state.report != nil, stale.isEmpty {
            screen.put(box.top + 1, box.left, DisplayWidth.fit("  ✓ 没有发现问题", box.width), .approved)
            return
        }
        let matches = state.search?.pane == .findings ? Set(state.search?.places ?? []) : []
        var row = box.top + 1
        let bottom = box.top + box.height
        var index = state.findingTop
        while row < bottom, index < findings.count {
            let finding = findings[index]
            let (mark, style) = ReviewRenderer.mark(finding.severity)
            let selected = state.focus == .findings && index == state.findingCursor
            let line = finding.line.map { "行\($0)" } ?? "—"
            let ruling = rulings[index]
            let verdict = ruling.map { ruling in
                ruling.verdict == .dismissed ? "✗ 已驳回：\(ruling.reason) ｜ " : "✓ 已确认 ｜ "
            } ?? ""
            // The ruling before the message, so that a long message cannot push it off the pane.
            let text = "\(mark) \(finding.rule.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0)) \(DisplayWidth.fit(line, 6)) \(verdict)\(finding.message)"
            // A dismissed finding stays in the list, dimmed: it no longer counts.
            let unselected: CellStyle = ruling?.verdict == .dismissed ? .dim : style
            let shownStyle: CellStyle = selected ? .selected : matches.contains(index) ? .match : unselected
            if selected {
                // The selected finding whole: its message wrapped under its first line.
                for piece in DisplayWidth.wrap(text, box.width) where row < bottom {
                    screen.put(row, box.left, DisplayWidth.fit(piece, box.width), shownStyle)
                    row += 1
                }
            } else {
                screen.put(row, box.left, DisplayWidth.fit(text, box.width), shownStyle)
                row += 1
            }
            index += 1
        }
        // Rulings whose findings are no longer in the report (its file changed).
        for ruling in stale where row < bottom {
            let text = "  已失效的裁定（报告已改动，此发现已不在）：\(ruling.rule) \(ruling.message) \(ReviewState.word(ruling.verdict))"
            screen.put(row, box.left, DisplayWidth.fit(text, box.width), .dim)
            row += 1
        }
    }
}
