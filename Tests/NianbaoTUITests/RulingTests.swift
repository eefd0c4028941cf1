import Foundation
import NianbaoCore
import NianbaoStore
@testable import NianbaoTUI
import Testing

/// Rulings on findings, on the in-memory screen with a real store: `y` confirms, `d`
/// dismisses with a reason, `u` undoes; a dismissed finding stays shown but no longer counts.
@Suite("Rulings on findings")
struct RulingTests {
    /// The app on sample 004 (errors and warnings), the findings pane focused on the finding of `rule`.
    func onFinding(_ app: TestApp, rule: String) throws -> Finding {
        app.select("004")
        while app.state.focus != .findings { app.press(.tab) }
        let target = try #require(app.state.findings.firstIndex { $0.rule.rawValue == rule })
        app.press(Array(repeating: .down, count: target))
        return app.state.findings[target]
    }

    @Test("y confirms, d dismisses with a reason and the counts leave it out, u undoes each; all in the store")
    func confirmDismissUndo() throws {
        let app = try TestApp()
        let finding = try onFinding(app, rule: "DATE_ORDER")
        let key = try #require(app.state.current?.key)
        let errors = try #require(app.state.current?.errors)
        #expect(finding.severity == .error)

        app.press(.character("y"))
        #expect(app.state.ruling(on: finding)?.verdict == .confirmed)
        #expect(app.screen.text.contains("✓ 已确认"))
        #expect(try app.store.rulings(path: key).map(\.verdict) == [.confirmed])
        #expect(app.state.current?.errors == errors)

        app.press(.character("d"))
        app.type("落款日期另有公文为准")
        app.press(.enter)
        #expect(app.state.ruling(on: finding)?.verdict == .dismissed)
        #expect(app.screen.text.contains("✗ 已驳回：落款日期另有公文为准"))
        #expect(app.state.current?.errors == errors - 1)
        #expect(app.screen.text.contains("发现（错误 \(errors - 1) ·"))
        #expect(app.screen.text.contains("已驳回 1"))
        let stored = try #require(try app.store.rulings(path: key).first)
        #expect(stored.verdict == .dismissed && stored.reason == "落款日期另有公文为准" && stored.reviewer == "李四")
        // What export shows counts it out too.
        #expect(try app.store.record(path: key)?.errors == errors - 1)

        app.press(.character("u"))
        #expect(app.state.ruling(on: finding)?.verdict == .confirmed)
        #expect(app.state.current?.errors == errors)
        app.press(.character("u"))
        #expect(app.state.ruling(on: finding) == nil)
        #expect(try app.store.rulings(path: key).isEmpty)
        let history = try app.store.rulingHistory(path: key)
        #expect(history.map(\.verdict) == [.confirmed, .dismissed, .confirmed, .open], "\(history)")
        #expect(try app.store.record(path: key)?.errors == errors)
    }

    @Test("a dismissal needs a reason; Esc leaves the finding as it was; y and d elsewhere say where they act")
    func reasonRequired() throws {
        let app = try TestApp()
        let finding = try onFinding(app, rule: "DATE_ORDER")
        app.press(.character("d"), .enter)
        #expect(app.state.modeName == .dismiss)
        #expect(app.screen.text.contains("驳回须写明理由"))
        app.press(.escape)
        #expect(app.state.modeName == .browse)
        #expect(app.state.ruling(on: finding) == nil)
        app.press(.tab)  // to the raw text
        app.press(.character("y"))
        #expect(app.state.message?.contains("发现窗格") == true)
        #expect(try app.store.rulings(path: nil).isEmpty)
    }

    @Test("a ruling is kept when the report is read again, and shows as stale once its finding is gone from the file")
    func keptAndStale() throws {
        let first = try TestApp()
        let finding = try onFinding(first, rule: "DATE_ORDER")
        first.press(.character("d"))
        first.type("另有公文")
        first.press(.enter)
        let errors = try #require(first.state.current?.errors)

        // Another session on the same folder: the ruling stands, the count leaves it out.
        let again = try TestApp(folder: first.folder, sharing: true)
        let same = try onFinding(again, rule: "DATE_ORDER")
        #expect(same.identity == finding.identity)
        #expect(again.state.ruling(on: same)?.reason == "另有公文")
        #expect(again.state.current?.errors == errors)
        #expect(again.screen.text.contains("✗ 已驳回：另有公文"))

        // The file is corrected: the date is after the year now, the finding is gone.
        let file = first.folder.appendingPathComponent(try #require(first.state.current?.key))
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "2023年1月22日", with: "2024年1月22日")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let later = try TestApp(folder: first.folder, sharing: true)
        later.select("004")
        #expect(!later.state.findings.contains { $0.rule.rawValue == "DATE_ORDER" })
        #expect(later.state.staleRulings.map(\.finding) == [finding.identity])
        #expect(later.screen.text.contains("已失效的裁定 1"))
    }
}
