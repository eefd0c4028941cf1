import Foundation
import NianbaoCore
import NianbaoStore
#if canImport(Glibc)
import Glibc
#endif

/// What only a real terminal can do: repaint everything, stop for Ctrl-Z, lend itself to
/// an editor. The in-memory screen does none of it.
public protocol TerminalControl: AnyObject {
    /// The next refresh repaints every cell (Ctrl-L, and after an overlay closes).
    func invalidate()
    /// Stops the program as Ctrl-Z does in a shell, and takes the terminal back on `fg`.
    func suspend()
    /// Gives the terminal to `body` (an editor), then takes it back.
    func released<T>(_ body: () -> T) -> T
}

/// The review session: the run loop that takes events (keys, resizes, reports read, saves),
/// applies `update`, carries out its effects on the store and the loader, and draws.
public final class ReviewApp {
    public private(set) var state: ReviewState
    private let store: ReviewStore
    private let loader: ReportLoader
    private let reviewer: String?
    private let session: SessionFile?
    /// The place last written to the session file.
    private var remembered: (key: String, pane: Pane)?

    /// - Parameters:
    ///   - files: the report files, sorted.
    ///   - root: the folder that review keys are relative to.
    ///   - source: where reports are read (the command line's reads in worker processes).
    ///   - session: where the reviewer's place is kept between sessions.
    public init(
        files: [String], root: String, store: ReviewStore, reviewer: String?, source: any ReportSource = LocalReportSource(),
        session: SessionFile? = nil
    ) throws {
        let known = Dictionary(try store.all().map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let prefix = ReviewApp.folderPrefix(root)
        let entries = files.map { path -> ReviewEntry in
            let key = ReviewApp.key(for: path, prefix: prefix)
            return ReviewEntry(path: path, key: key, review: known[key])
        }
        state = ReviewState(entries: entries)
        self.store = store
        self.reviewer = reviewer
        self.session = session
        let keys = entries.map(\.key)
        loader = ReportLoader(paths: files, source: source) { [store] loaded in
            let registrations = loaded.map { item in
                ReviewStore.Registration(
                    path: keys[item.index], contentHash: item.contentHash, agency: item.digest.agency, year: item.digest.year,
                    errors: item.digest.errors, warnings: item.digest.warnings)
            }
            let records = (try? store.register(registrations)) ?? [:]
            return Dictionary(loaded.compactMap { item in records[keys[item.index]].map { (item.index, $0) } }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// The path of a file relative to the folder under review.
    public static func key(for path: String, root: String) -> String { key(for: path, prefix: folderPrefix(root)) }

    static func folderPrefix(_ root: String) -> String {
        URL(fileURLWithPath: root).standardizedFileURL.path + "/"
    }

    /// Keys are made for every file at start: plain string work, not a URL per file.
    static func key(for path: String, prefix: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let file = absolute.contains("/./") || absolute.contains("/../") || absolute.contains("//")
            ? URL(fileURLWithPath: absolute).standardizedFileURL.path : absolute
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }

    /// Draws the current state (the first frame needs nothing read yet).
    public func draw(on screen: Screen) {
        _ = state.update(.resize(rows: screen.rows, columns: screen.columns))
        ReviewRenderer.render(state, on: screen)
    }

    /// Runs on the real terminal until the reviewer quits.
    public func run() {
        let terminal = CursesScreen()
        defer { terminal.end() }
        run(screen: terminal, events: terminal)
    }

    /// The run loop, on any screen and any source of events (tests and the benchmark use
    /// the in-memory screen and a script).
    public func run(screen: Screen, events: EventSource) {
        restoreSession(screen)
        draw(on: screen)
        while true {
            let dirty = absorbArrivals(screen)
            if let event = events.nextEvent() {
                if !handle(event, on: screen) { return }
            } else if dirty {
                draw(on: screen)
            }
        }
    }

    /// Back to the report and pane where the reviewer stopped last time.
    public func restoreSession(_ screen: Screen) {
        if let place = session?.load() { perform(state.restore(key: place.key, pane: place.pane), screen) }
    }

    /// One event through `update`, its effects carried out, the screen redrawn. False when
    /// the reviewer quit.
    @discardableResult
    public func handle(_ event: Event, on screen: Screen) -> Bool {
        var effects = state.update(event)
        let quits = effects.contains(.quit)
        effects.removeAll { $0 == .quit }
        perform(effects, screen)
        remember()
        if quits { return false }
        draw(on: screen)
        return true
    }

    /// Keeps the session file on the report and pane shown, so that a reopened folder
    /// (even after a kill) comes back there.
    private func remember() {
        guard let session, let key = state.current?.key else { return }
        if let remembered, remembered.key == key, remembered.pane == state.focus { return }
        session.save(key: key, pane: state.focus)
        remembered = (key, state.focus)
    }

    /// Puts what the loader read since the last frame into the state, registering new
    /// reports in the store in one transaction. True when anything changed.
    @discardableResult
    public func absorbArrivals(_ screen: Screen) -> Bool {
        let arrivals = loader.drain()
        var changed = false
        if !arrivals.loaded.isEmpty {
            let batch = arrivals.loaded.map { LoadedEntry(index: $0.index, digest: $0.digest, review: $0.review) }
            perform(state.update(.loaded(batch)), screen)
            changed = true
        }
        for (index, report) in arrivals.reports {
            perform(state.update(.report(index: index, report)), screen)
            changed = true
        }
        if let crossYear = arrivals.crossYear {
            perform(state.update(.crossYear(crossYear)), screen)
            // The store's counts (what export shows) include them too.
            let registrations = crossYear.keys.compactMap { index -> ReviewStore.Registration? in
                let entry = state.entries[index]
                guard let review = entry.review, let digest = entry.digest else { return nil }
                return ReviewStore.Registration(
                    path: entry.key, contentHash: review.contentHash, agency: digest.agency, year: digest.year,
                    errors: entry.errors, warnings: entry.warnings)
            }
            if let records = try? store.register(registrations) {
                for (key, record) in records { _ = state.update(.saved(key: key, review: record, message: nil)) }
            }
            changed = true
        }
        return changed
    }

    /// Carries out effects (all but quitting, which the loop does).
    func perform(_ effects: [Effect], _ screen: Screen) {
        for effect in effects {
            switch effect {
            case .quit: continue
            case .fetch(let index): loader.fetch(index)
            case .redraw: (screen as? TerminalControl)?.invalidate()
            case .suspend:
                (screen as? TerminalControl)?.suspend()
                (screen as? TerminalControl)?.invalidate()
            case .editExternally(let key, let note):
                guard let terminal = screen as? TerminalControl else { continue }
                let edited = terminal.released { ExternalEditor.edit(note) }
                terminal.invalidate()
                if let edited {
                    perform(state.editedExternally(key: key, from: note, to: edited), screen)
                } else {
                    _ = state.update(.saved(key: key, review: nil, message: "没有可用的编辑器（$VISUAL、$EDITOR），备注未改动"))
                }
            case .decide, .saveNote:
                save(effect)
            }
        }
    }

    private func save(_ effect: Effect) {
        do {
            switch effect {
            case .decide(let key, let status):
                let record = try store.decide(path: key, status, reviewer: reviewer)
                _ = state.update(.saved(key: key, review: record, message: "已保存：\(ReviewState.word(status))"))
            case .saveNote(let key, let note):
                let record = try store.setNote(path: key, note, reviewer: reviewer)
                _ = state.update(.saved(key: key, review: record, message: "备注已保存"))
            default: break
            }
        } catch {
            _ = state.update(.saved(key: "", review: nil, message: "保存失败：\(error)"))
        }
    }
}

/// `E`: the note in the reviewer's own editor, through a temporary file.
enum ExternalEditor {
    /// The edited text, or nil when there is no editor to run.
    static func edit(_ note: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        guard let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-note-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        guard (try? note.write(to: file, atomically: true, encoding: .utf8)) != nil else { return nil }
        // Through the shell, as $EDITOR may carry arguments ("code -w").
        let command = "\(editor) '\(file.path)'"
        let status = command.withCString { system($0) }
        guard status != -1 else { return nil }
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? note
        return text.hasSuffix("\n") && !note.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}
