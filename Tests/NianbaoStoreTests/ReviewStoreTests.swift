import Foundation
import NianbaoStore
import Testing

@Suite("Review store: decisions, notes, history, on a real SQLite file")
struct ReviewStoreTests {
    func freshStore() throws -> ReviewStore {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-store-\(UUID().uuidString)")
        return try ReviewStore(path: folder.appendingPathComponent(".nianbao/reviews.sqlite").path)
    }

    @Test("a registered report starts unreviewed, with what was found in it")
    func register() throws {
        let store = try freshStore()
        try store.register(path: "a.txt", contentHash: "h1", agency: "张营乡", year: 2023, errors: 9, warnings: 18)
        let record = try #require(try store.record(path: "a.txt"))
        #expect(record.status == .unreviewed)
        #expect(record.agency == "张营乡")
        #expect(record.errors == 9)
        #expect(FileManager.default.fileExists(atPath: store.path))
    }

    @Test("a decision is kept, with reviewer and time, and appended to the history")
    func decide() throws {
        let store = try freshStore()
        try store.register(path: "a.txt", contentHash: "h1", agency: nil, year: nil, errors: 0, warnings: 0)
        try store.decide(path: "a.txt", .approved, reviewer: "li")
        try store.decide(path: "a.txt", .needsCorrection, reviewer: "wang")
        let record = try #require(try store.record(path: "a.txt"))
        #expect(record.status == .needsCorrection)
        #expect(record.reviewer == "wang")
        #expect(record.reviewedAt != nil)
        let history = try store.history(path: "a.txt")
        #expect(history.map(\.status) == [.approved, .needsCorrection])
        #expect(history.map(\.previousStatus) == [.unreviewed, .approved])
        #expect(history.allSatisfy { $0.id != nil })
    }

    @Test("undo restores the status before the last decision, twice over, and never deletes history")
    func undo() throws {
        let store = try freshStore()
        try store.register(path: "a.txt", contentHash: "h1", agency: nil, year: nil, errors: 0, warnings: 0)
        try store.decide(path: "a.txt", .approved, reviewer: "li")
        try store.decide(path: "a.txt", .needsCorrection, reviewer: "li")
        #expect(try store.undo(path: "a.txt", reviewer: "li")?.status == .approved)
        #expect(try store.undo(path: "a.txt", reviewer: "li")?.status == .unreviewed)
        #expect(try store.undo(path: "a.txt", reviewer: "li") == nil)
        #expect(try store.history(path: "a.txt").count == 4)
    }

    @Test("a note is kept, Chinese included, and re-registering keeps decisions and notes")
    func noteSurvivesRegister() throws {
        let store = try freshStore()
        try store.register(path: "a.txt", contentHash: "h1", agency: nil, year: nil, errors: 0, warnings: 0)
        try store.decide(path: "a.txt", .needsCorrection, reviewer: "li")
        try store.setNote(path: "a.txt", "表三行政复议数据为空，请补充。\n第二行", reviewer: "li")
        try store.register(path: "a.txt", contentHash: "h1", agency: "x", year: 2023, errors: 1, warnings: 0)
        let record = try #require(try store.record(path: "a.txt"))
        #expect(record.note == "表三行政复议数据为空，请补充。\n第二行")
        #expect(record.status == .needsCorrection)
    }

    @Test("a report whose file changed after its decision is shown as changed")
    func changed() throws {
        let store = try freshStore()
        try store.register(path: "a.txt", contentHash: "h1", agency: nil, year: nil, errors: 0, warnings: 0)
        try store.decide(path: "a.txt", .approved, reviewer: "li")
        #expect(try store.record(path: "a.txt")?.changedSinceReview == false)
        try store.register(path: "a.txt", contentHash: "h2", agency: nil, year: nil, errors: 0, warnings: 0)
        #expect(try store.record(path: "a.txt")?.changedSinceReview == true)
    }

    @Test("reopening the file finds everything; a second connection sees the first's writes")
    func reopen() throws {
        let store = try freshStore()
        try store.register(path: "a.txt", contentHash: "h1", agency: nil, year: nil, errors: 0, warnings: 0)
        try store.decide(path: "a.txt", .approved, reviewer: "li")
        let again = try ReviewStore(path: store.path)
        #expect(try again.record(path: "a.txt")?.status == .approved)
    }

    @Test("concurrent writers on the same file: no write is lost, the database stays sound")
    func concurrentWriters() async throws {
        let store = try freshStore()
        let other = try ReviewStore(path: store.path)
        for i in 0..<20 { try store.register(path: "r\(i).txt", contentHash: "h", agency: nil, year: nil, errors: 0, warnings: 0) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (k, s) in [store, other].enumerated() {
                group.addTask {
                    for i in 0..<20 { try s.decide(path: "r\(i).txt", k == 0 ? .approved : .needsCorrection, reviewer: "w\(k)") }
                }
            }
            try await group.waitForAll()
        }
        for i in 0..<20 { #expect(try store.history(path: "r\(i).txt").count == 2) }
        #expect(try store.all().count == 20)
    }

    @Test("an unknown report is an error, not a crash")
    func unknown() throws {
        let store = try freshStore()
        #expect(throws: StoreError.self) { try store.decide(path: "nope.txt", .approved, reviewer: nil) }
    }
}
