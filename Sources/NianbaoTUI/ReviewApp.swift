import Foundation
import NianbaoCore
import NianbaoStore

/// The review session: the run loop that reads keys, applies `update`, carries out its
/// effects on the store, feeds in reports as they are read, and draws.
public final class ReviewApp {
    private var state: ReviewState
    private let store: ReviewStore
    private let loader: ReportLoader
    private let reviewer: String?

    /// - Parameters:
    ///   - files: the report files, sorted.
    ///   - root: the folder that review keys are relative to.
    public init(
        files: [String], root: String, store: ReviewStore, reviewer: String?, source: @escaping ReportSource = ReportLoader.inProcess
    ) throws {
        let known = Dictionary(uniqueKeysWithValues: try store.all().map { ($0.path, $0) })
        let entries = files.map { path -> ReviewEntry in
            let key = ReviewApp.key(for: path, root: root)
            return ReviewEntry(path: path, key: key, review: known[key])
        }
        state = ReviewState(entries: entries)
        self.store = store
        self.reviewer = reviewer
        loader = ReportLoader(paths: files, source: source)
    }

    /// The path of a file relative to the folder under review.
    public static func key(for path: String, root: String) -> String {
        let file = URL(fileURLWithPath: path).standardizedFileURL.path
        let folder = URL(fileURLWithPath: root).standardizedFileURL.path
        return file.hasPrefix(folder + "/") ? String(file.dropFirst(folder.count + 1)) : file
    }

    /// Draws the current state (the first frame needs nothing read yet).
    public func draw(on screen: Screen) {
        state.rows = screen.rows
        state.columns = screen.columns
        ReviewRenderer.render(state, on: screen)
    }

    /// Runs until the reviewer quits.
    public func run() {
        let screen = CursesScreen()
        defer { screen.end() }
        var dirty = true
        while true {
            if absorbLoaded() { dirty = true }
            if dirty {
                draw(on: screen)
                dirty = false
            }
            guard let key = screen.readKey() else { continue }
            state.rows = screen.rows
            state.columns = screen.columns
            let effects = state.update(key: key)
            dirty = true
            if perform(effects) { return }
        }
    }

    /// Puts the reports read since the last frame into the list, registering them in the
    /// store in one transaction. True when anything changed.
    private func absorbLoaded() -> Bool {
        let batch = loader.drain()
        guard !batch.isEmpty else { return false }
        let registrations = batch.map { loaded in
            ReviewStore.Registration(
                path: state.entries[loaded.index].key, contentHash: loaded.contentHash, agency: loaded.report?.agency,
                year: loaded.report?.year, errors: loaded.report?.count(.error) ?? 0, warnings: loaded.report?.count(.warning) ?? 0)
        }
        let records = (try? store.register(registrations)) ?? [:]
        for loaded in batch {
            state.loaded(loaded.index, report: loaded.report, failure: loaded.failure, review: records[state.entries[loaded.index].key])
        }
        return true
    }

    /// Carries out effects; true when the app must quit.
    private func perform(_ effects: [Effect]) -> Bool {
        for effect in effects {
            do {
                switch effect {
                case .quit:
                    return true
                case .decide(let key, let status):
                    let record = try store.decide(path: key, status, reviewer: reviewer)
                    state.saved(key: key, review: record, message: "已保存：\(ReviewApp.word(status))")
                case .undo(let key):
                    if let record = try store.undo(path: key, reviewer: reviewer) {
                        state.saved(key: key, review: record, message: "已撤销，现在：\(ReviewApp.word(record.status))")
                    } else {
                        state.saved(key: key, review: nil, message: "没有可撤销的决定")
                    }
                case .saveNote(let key, let note):
                    let record = try store.setNote(path: key, note, reviewer: reviewer)
                    state.saved(key: key, review: record, message: "备注已保存")
                }
            } catch {
                state.saved(key: "", review: nil, message: "保存失败：\(error)")
            }
        }
        return false
    }

    static func word(_ status: ReviewStatus) -> String {
        switch status {
        case .approved: "通过"
        case .needsCorrection: "需修改"
        case .unreviewed: "未审"
        }
    }
}
