import Foundation
import GRDB
import NianbaoFixtures
import NianbaoSamples
import NianbaoStore
@testable import NianbaoTUI
import Testing

extension StoreEngine: CustomTestStringConvertible {
    public var testDescription: String { rawValue }
}

/// Two review screens on one folder and one database: the folder's SQLite file, or a new
/// PostgreSQL database. 李四 and 王五 both start on the first report.
private func pair(_ engine: StoreEngine) throws -> (li: TestApp, wang: TestApp) {
    let location: DatabaseLocation? = engine == .sqlite ? nil : try engine.freshLocation()
    let li = try TestApp(reviewer: "李四", location: location)
    let wang = try TestApp(reviewer: "王五", folder: li.folder, sharing: true, location: location)
    return (li, wang)
}

@Suite("Team review: several screens on one database, on every engine")
struct TeamReviewTests {
    @Test("a decision made on one screen appears on the other within one second, with who made it", arguments: StoreEngine.available)
    func live(_ engine: StoreEngine) throws {
        let (li, wang) = try pair(engine)
        let key = li.state.entries[0].key
        wang.press(.character("a"))
        #expect(try wang.store.record(path: key)?.status == .approved)
        // No key pressed on 李四's screen: it learns of it by itself.
        #expect(li.waitUntil(seconds: 1) { $0.entries[0].status == .approved })
        #expect(li.state.message?.hasPrefix("王五 ") == true)
        #expect(li.state.message?.hasSuffix("已标为通过") == true)
        let row = try #require(li.screen.row(containing: li.state.entries[0].name))
        #expect(li.screen.line(row).contains("✓"))
        #expect(li.screen.text.contains("王五 "))
        // Once the message gives way, the report's details name who decided.
        li.press(.down, .up)
        #expect(li.screen.text.contains("通过（王五 "))
    }

    @Test("a ruling made on one screen appears beside its finding on the other, and its count follows", arguments: StoreEngine.available)
    func liveRuling(_ engine: StoreEngine) throws {
        let (li, wang) = try pair(engine)
        for app in [li, wang] {
            app.select("004")
            while app.state.focus != .findings { app.press(.tab) }
        }
        let finding = wang.state.findings[0]
        let errors = try #require(li.state.current?.errors)
        wang.press(.character("d"))
        wang.type("已另行说明")
        wang.press(.enter)
        #expect(li.waitUntil(seconds: 1) { $0.ruling(on: finding)?.verdict == .dismissed })
        #expect(li.state.ruling(on: finding)?.reviewer == "王五")
        #expect(li.state.current?.errors == errors - 1)
        #expect(li.screen.text.contains("✗ 已驳回：已另行说明"))
    }

    @Test("a note written on one screen appears in the other's editor, not the note as it was at start", arguments: StoreEngine.available)
    func liveNote(_ engine: StoreEngine) throws {
        let (li, wang) = try pair(engine)
        wang.press(.character("e"))
        wang.type("表三数据为空")
        wang.press(.escape)
        #expect(li.waitUntil(seconds: 1) { $0.entries[0].review?.note == "表三数据为空" })
        li.press(.character("e"))
        guard case .note(let editor) = li.state.mode else { Issue.record("no note editor"); return }
        #expect(String(editor.text) == "表三数据为空")
    }

    @Test("a decision on a record someone changed first is refused and asked about: k keeps mine on top of theirs", arguments: StoreEngine.available)
    func conflictKeepMine(_ engine: StoreEngine) throws {
        let (li, wang) = try pair(engine)
        let key = li.state.entries[0].key
        wang.press(.character("a"))
        // 李四 has not seen it yet: his decision is made on the version before.
        li.press(.character("c"))
        // The reason is still asked for; the conflict waits until the note is closed.
        guard case .note = li.state.mode else { Issue.record("c did not open the note"); return }
        li.type("表二数据不符")
        li.press(.escape)
        guard case .conflict(let conflict) = li.state.mode else { Issue.record("no conflict asked"); return }
        #expect(conflict.theirs.reviewer == "王五")
        #expect(conflict.theirs.status == .approved)
        #expect(li.screen.text.contains("在你之前已有修改"))
        #expect(li.screen.text.contains("已标为通过"))
        #expect(li.screen.text.contains("你的：需修改"))
        // Until answered, nothing of 李四's decision is written.
        #expect(try li.store.record(path: key)?.status == .approved)
        li.press(.character("k"))
        let record = try #require(try li.store.record(path: key))
        #expect(record.status == .needsCorrection)
        #expect(record.reviewer == "李四")
        #expect(record.note == "表二数据不符")
        let decisions = try li.store.history(path: key).filter { $0.kind == .decision }
        #expect(decisions.map(\.reviewer) == ["王五", "李四"])
        #expect(wang.waitUntil(seconds: 1) { $0.entries[0].status == .needsCorrection })
    }

    @Test("both editing one note: the second is refused and shown the first; t takes theirs, nothing overwritten", arguments: StoreEngine.available)
    func noteConflictTakeTheirs(_ engine: StoreEngine) throws {
        let (li, wang) = try pair(engine)
        let key = li.state.entries[0].key
        // Both open the editor on the same (empty) note.
        li.press(.character("e"))
        wang.press(.character("e"))
        wang.type("王五的备注")
        wang.press(.escape)
        li.type("李四的备注")
        li.press(.escape)
        guard case .conflict(let conflict) = li.state.mode else { Issue.record("no conflict asked"); return }
        #expect(conflict.theirs.note == "王五的备注")
        #expect(li.screen.text.contains("改了备注：王五的备注"))
        #expect(li.screen.text.contains("你的备注：李四的备注"))
        li.press(.character("t"))
        #expect(try li.store.record(path: key)?.note == "王五的备注")
        #expect(li.state.entries[0].review?.note == "王五的备注")
        #expect(li.state.message == "已采用对方的修改")
    }

    @Test("the same decision made twice is not a conflict: it is said, and nothing is asked", arguments: StoreEngine.available)
    func sameDecision(_ engine: StoreEngine) throws {
        let (li, wang) = try pair(engine)
        wang.press(.character("a"))
        li.press(.character("a"))
        #expect(li.state.mode == .browse)
        #expect(li.state.message?.contains("王五") == true)
        #expect(li.state.message?.hasSuffix("（与你的相同）") == true)
    }

    @Test("u undoes only the reviewer's own action: when another reviewer changed it since, undo is asked about", arguments: StoreEngine.available)
    func undoOnlyOwn(_ engine: StoreEngine) throws {
        let (li, wang) = try pair(engine)
        let key = li.state.entries[0].key
        li.press(.character("a"))
        #expect(wang.waitUntil(seconds: 1) { $0.entries[0].status == .approved })
        wang.press(.character("c"))
        wang.type("需补充")
        wang.press(.escape)
        li.press(.character("u"))
        guard case .conflict(let conflict) = li.state.mode else { Issue.record("undo overwrote without asking"); return }
        #expect(conflict.theirs.reviewer == "王五")
        li.press(.character("t"))
        #expect(try li.store.record(path: key)?.status == .needsCorrection)
        #expect(try li.store.record(path: key)?.reviewer == "王五")
    }
}

@Suite("Team review: nothing dropped when the database is busy", .serialized)
struct BusyDatabaseTests {
    /// Another process's write lock on the folder's SQLite file, held until released.
    final class WriteLock: @unchecked Sendable {
        private let release = DispatchSemaphore(value: 0)
        private let done = DispatchSemaphore(value: 0)

        init(_ path: String) throws {
            let queue = try DatabaseQueue(path: path)
            let locked = DispatchSemaphore(value: 0)
            let release = release, done = done
            Thread {
                try? queue.inDatabase { db in
                    try db.execute(sql: "BEGIN EXCLUSIVE")
                    locked.signal()
                    release.wait()
                    try db.execute(sql: "COMMIT")
                }
                done.signal()
            }.start()
            locked.wait()
        }

        func unlock() {
            release.signal()
            done.wait()
        }
    }

    @Test("a decision made while another process holds the lock stays pending (未保存), is retried, and is saved once committed")
    func pendingUntilCommitted() throws {
        let t = try TestApp()
        let key = t.state.entries[0].key
        let lock = try WriteLock(t.folder.appendingPathComponent(".nianbao/reviews.sqlite").path)
        t.press([.character("a")], settling: false)
        #expect(t.state.isPending(key))
        // Past the busy timeout the screen says it is not saved, and keeps saying it.
        #expect(t.waitUntil(seconds: 8) { $0.message?.hasPrefix("未保存") == true })
        #expect(t.screen.line(0).contains("未保存 1"))
        let row = try #require(t.screen.row(containing: t.state.entries[0].name))
        #expect(t.screen.line(row).contains("未保存"))
        // A key meanwhile does not make it look saved.
        t.press([.character("j")], settling: false)
        #expect(t.state.isPending(key))
        #expect(try SQLiteReviewStore(path: t.folder.appendingPathComponent(".nianbao/reviews.sqlite").path, readOnly: true)
            .record(path: key)?.status == .unreviewed)
        lock.unlock()
        #expect(t.waitUntil(seconds: 10) { $0.pending.isEmpty })
        #expect(t.state.entries[0].status == .approved)
        #expect(try t.store.record(path: key)?.status == .approved)
        #expect(!t.screen.line(0).contains("未保存"))
    }

    @Test("a ruling made while another process holds the lock stays pending, is retried, and is committed once")
    func rulingPending() throws {
        let t = try TestApp()
        t.select("004")
        while t.state.focus != .findings { t.press(.tab) }
        let finding = t.state.findings[0]
        let key = try #require(t.state.current?.key)
        let database = t.folder.appendingPathComponent(".nianbao/reviews.sqlite").path
        let lock = try WriteLock(database)
        t.press([.character("y")], settling: false)
        #expect(t.state.isPending(key))
        #expect(t.waitUntil(seconds: 8) { $0.message?.hasPrefix("未保存") == true })
        #expect(t.screen.line(0).contains("未保存 1"))
        #expect(try SQLiteReviewStore(path: database, readOnly: true).rulings(path: key).isEmpty)
        lock.unlock()
        #expect(t.waitUntil(seconds: 10) { $0.pending.isEmpty })
        #expect(t.state.ruling(on: finding)?.verdict == .confirmed)
        #expect(try t.store.rulingHistory(path: key).map(\.verdict) == [.confirmed])
        #expect(!t.screen.line(0).contains("未保存"))
    }

    @Test("quitting with pending writes asks first; n goes on; after committing, the loop ends by itself")
    func quitAsks() throws {
        let t = try TestApp()
        let key = t.state.entries[0].key
        let lock = try WriteLock(t.folder.appendingPathComponent(".nianbao/reviews.sqlite").path)
        t.press([.character("a"), .character("q")], settling: false)
        #expect(t.state.mode == .confirmQuit(1))
        #expect(t.screen.text.contains("还有 1 个修改尚未保存"))
        t.press([.character("n")], settling: false)
        #expect(t.state.mode == .browse)
        // Through the run loop: q asks, and the loop ends once the write is committed.
        DispatchQueue.global().asyncAfter(deadline: .now() + 3) { lock.unlock() }
        t.app.run(screen: t.screen, events: ScriptedEvents([.key(.character("q"))], idlePolls: 10))
        #expect(try t.store.record(path: key)?.status == .approved)
        #expect(t.state.pending.isEmpty)
    }

    @Test("a folder opened while the database is busy still registers every report")
    func registersWhileBusy() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-busy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for file in SampleReports.files {
            try FileManager.default.copyItem(at: file, to: copy.appendingPathComponent(file.lastPathComponent))
        }
        let database = copy.appendingPathComponent(".nianbao/reviews.sqlite").path
        _ = try SQLiteReviewStore(path: database)
        let lock = try WriteLock(database)
        let t = try TestApp(folder: copy, waitForLoading: false)
        DispatchQueue.global().asyncAfter(deadline: .now() + 3) { lock.unlock() }
        #expect(t.waitUntil(seconds: 20) { state in state.counts.loaded == state.entries.count && state.entries.allSatisfy { $0.review != nil } })
        #expect(try t.store.all().count == t.state.entries.count)
        #expect(t.state.entries.count == 5)
    }
}

@Suite("Team review: files moved, removed, edited and added")
struct FilesOnDiskTests {
    @Test("a moved file keeps its decision (same content, new path); a removed one is shown and stored as missing")
    func movedAndMissing() throws {
        let first = try TestApp()
        let moved = first.state.entries[0], removed = first.state.entries[1]
        first.press(.character("a"))
        first.press(.character("e"))
        first.type("已退回")
        first.press(.escape)
        #expect(try first.store.record(path: removed.key)?.note == "已退回")
        let sub = first.folder.appendingPathComponent("2024")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let fileName = URL(fileURLWithPath: moved.path).lastPathComponent
        try FileManager.default.moveItem(atPath: moved.path, toPath: sub.appendingPathComponent(fileName).path)
        try FileManager.default.removeItem(atPath: removed.path)

        let again = try TestApp(folder: first.folder, sharing: true)
        let newKey = "2024/" + fileName
        let entry = try #require(again.state.entries.first { $0.key == newKey })
        #expect(entry.status == .approved)
        // The old path is not listed twice: the record went with the file.
        #expect(!again.state.list.contains { again.state.entries[$0].key == moved.key })
        #expect(again.state.progress.hasPrefix("已审 1/5"))
        let gone = try #require(again.state.entries.first { $0.key == removed.key })
        #expect(gone.isMissing)
        #expect(try again.store.record(path: removed.key)?.missing == true)
        #expect(try again.store.record(path: newKey)?.status == .approved)
        #expect(try again.store.history(path: newKey).contains { $0.status == .approved })
        let row = try #require(again.screen.row(containing: removed.name))
        #expect(again.screen.line(row).contains("文件不在"))
    }

    @Test("a report edited, added or removed on disk while the screen is open is noticed without a restart")
    func changedUnderTheScreen() throws {
        let t = try TestApp(watching: true)
        let edited = t.state.entries[2], removed = t.state.entries[3]
        let text = try String(contentsOfFile: edited.path, encoding: .utf8)
        try (text + "\n补充说明。\n").write(toFile: edited.path, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: removed.path)
        let added = t.folder.appendingPathComponent("新增报告.txt")
        try text.write(to: added, atomically: true, encoding: .utf8)
        #expect(t.waitUntil(seconds: 8) { state in
            state.entries[2].changedOnDisk == .changed && state.entries[3].isMissing && state.entries.contains { $0.key == "新增报告.txt" }
        })
        let new = try #require(t.state.entries.firstIndex { $0.key == "新增报告.txt" })
        #expect(t.waitUntil { $0.entries[new].isLoaded && $0.entries[2].isLoaded })
        #expect(t.state.entries[new].changedOnDisk == .added)
        #expect(ListPane.decisionMark(t.state.entries[2]).0 == "*")
        #expect(ListPane.decisionMark(t.state.entries[3]).0 == "-")
        #expect(ListPane.decisionMark(t.state.entries[new]).0 == "+")
        #expect(try t.store.record(path: removed.key)?.missing == true)
    }
}
