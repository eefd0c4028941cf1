import Foundation
import NianbaoCore
import NianbaoStore
import Synchronization
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

/// The review session: the run loop that takes events (keys, resizes, reports read, writes
/// committed, others' changes, files changed on disk), applies `update`, carries out its
/// effects, and draws. Writes go through a `StoreWriter` in the background, so the screen
/// never waits for the database.
public final class ReviewApp {
    public private(set) var state: ReviewState
    private let store: any ReviewStore
    private let loader: ReportLoader
    private let writer: StoreWriter
    private let observation: any StoreObservation
    private let reviewer: String?
    private let session: SessionFile?
    private let watch: FileWatch?
    /// Files whose record is gone from disk and may turn up elsewhere (moved): content hash → key.
    private let movable: Locked<[String: String]>
    /// The keys whose records went with their files to new paths, not yet told to the state.
    private let moved = Locked<[String]>([])
    /// The place last written to the session file.
    private var remembered: (key: String, pane: Pane)?
    /// The key of each entry, as the loader's registrar needs them (new files add theirs).
    private let keys: Locked<[String]>

    /// - Parameters:
    ///   - files: the report files, sorted.
    ///   - root: the project root: review keys are paths relative to it.
    ///   - scope: the keys (prefixes) of what was opened: records under it whose files are gone
    ///     are shown as missing ("" for the whole project).
    ///   - source: where reports are read (the command line's reads in worker processes).
    ///   - session: where the reviewer's place is kept between sessions.
    ///   - rescan: the files there are now, for noticing new ones (nil: not watched).
    public init(
        files: [String], root: String, store: any ReviewStore, reviewer: String?, source: any ReportSource = LocalReportSource(),
        session: SessionFile? = nil, scope: [String] = [""], rescan: (@Sendable () -> [String])? = nil
    ) throws(StoreError) {
        let records = try store.all()
        let known = Dictionary(records.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let prefix = ReviewApp.folderPrefix(root)
        var entries = files.map { path -> ReviewEntry in
            let key = ReviewApp.key(for: path, prefix: prefix)
            return ReviewEntry(path: path, key: key, review: known[key])
        }
        // Records of the folder opened whose files are gone: shown as missing; a new file with
        // the same content is the same report moved (its decision follows it).
        let present = Set(entries.map(\.key))
        let gone = records.filter { record in
            !present.contains(record.path) && scope.contains { $0.isEmpty || record.path.hasPrefix($0) }
                && !FileManager.default.fileExists(atPath: prefix + record.path)
        }
        movable = Locked(Dictionary(gone.filter { $0.status != .unreviewed || !$0.note.isEmpty }.map { ($0.contentHash, $0.path) },
                                   uniquingKeysWith: { a, _ in a }))
        for record in gone {
            var entry = ReviewEntry(path: prefix + record.path, key: record.path, review: record)
            entry.isMissing = true
            entries.append(entry)
        }
        state = ReviewState(entries: entries, reviewer: reviewer, storeLocation: store.location)
        // The rulings standing: shown beside their findings; dismissed ones not counted.
        let rulings = Dictionary(grouping: (try? store.rulings(path: nil)) ?? [], by: \.path)
        _ = state.update(.rulings(rulings.mapValues { StandingRulings(revision: .max, rulings: $0) }))
        let dismissed = rulings.mapValues { FindingIdentity.dismissed(in: $0) }
        self.store = store
        self.reviewer = reviewer
        self.session = session
        writer = StoreWriter(store: store, reviewer: reviewer, revision: records.map(\.revision).max() ?? 0)
        let keys = Locked(entries.map(\.key))
        self.keys = keys
        let movable = self.movable, moved = self.moved
        // The loader indexes files as the list does; the missing ones (after the files) are not read.
        loader = ReportLoader(paths: entries.map(\.path), reading: files.count, source: source) { [store] loaded in
            ReviewApp.register(
                loaded, keys: keys.withLock { $0 }, known: known, dismissed: dismissed, movable: movable, moved: moved, store: store)
        }
        observation = store.observe { [writer] in writer.refresh() }
        watch = rescan.map { FileWatch(files: files, rescan: $0) }
        // What changed between reading the records and watching for changes.
        writer.refresh()
    }

    deinit {
        observation.stop()
        watch?.stop()
    }

    /// Registers what was read, never dropping a report: a busy or unreachable database is
    /// tried again (every 0.5 s up to 5 s apart) until it takes them. A new report whose
    /// content matches a missing one's is that report moved, and takes its record along.
    static func register(
        _ loaded: [ReportLoader.Loaded], keys: [String], known: [String: ReviewRecord], dismissed: [String: Set<UInt64>],
        movable: Locked<[String: String]>,
        moved: Locked<[String]>, store: any ReviewStore
    ) -> [Int: ReviewRecord] {
        let keyOf = { (item: ReportLoader.Loaded) in item.index < keys.count ? keys[item.index] : "" }
        var delay = 0.5
        while true {
            do throws(StoreError) {
                for item in loaded where known[keyOf(item)] == nil {
                    let from = movable.withLock { $0.removeValue(forKey: item.contentHash) }
                    if let from {
                        do throws(StoreError) {
                            try store.move(from: from, to: keyOf(item), at: Date())
                            moved.withLock { $0.append(from) }
                        } catch {
                            // Tried again with the batch: still movable.
                            movable.withLock { $0[item.contentHash] = from }
                            throw error
                        }
                    }
                }
                // The counts export shows: findings dismissed by a ruling left out.
                let registrations = loaded.map { item in
                    let gone = dismissed[keyOf(item)] ?? []
                    return Registration(
                        path: keyOf(item), contentHash: item.contentHash, agency: item.digest.agency, year: item.digest.year,
                        errors: item.digest.count(.error, dismissing: gone), warnings: item.digest.count(.warning, dismissing: gone))
                }
                let records = try store.register(registrations, at: Date())
                return Dictionary(loaded.compactMap { item in records[keyOf(item)].map { (item.index, $0) } }, uniquingKeysWith: { a, _ in a })
            } catch {
                guard error.isTransient else { return [:] }
                Thread.sleep(forTimeInterval: delay)
                delay = min(delay * 2, 5)
            }
        }
    }

    /// The path of a file relative to the folder under review.
    public static func key(for path: String, root: String) -> String { key(for: path, prefix: folderPrefix(root)) }

    static func folderPrefix(_ root: String) -> String {
        let path = URL(fileURLWithPath: root).standardizedFileURL.path
        return path.hasSuffix("/") ? path : path + "/"
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
            // Asked to quit while writes were pending, and now they are all committed.
            if case .confirmQuit = state.mode, state.pending.isEmpty { break }
            if let event = events.nextEvent() {
                if !handle(event, on: screen) { break }
            } else if dirty {
                draw(on: screen)
            }
        }
        writer.settle(timeout: 1)
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

    /// Puts what arrived since the last frame into the state: reports read, writes done,
    /// others' changes, files changed on disk. True when anything changed.
    @discardableResult
    public func absorbArrivals(_ screen: Screen) -> Bool {
        var changed = false
        let arrivals = loader.drain()
        if !arrivals.loaded.isEmpty {
            let batch = arrivals.loaded.map { LoadedEntry(index: $0.index, digest: $0.digest, review: $0.review) }
            perform(state.update(.loaded(batch)), screen)
            changed = true
        }
        for key in moved.withLock({ moved in defer { moved = [] }; return moved }) {
            perform(state.update(.fileMoved(fromKey: key)), screen)
            changed = true
        }
        for (index, report) in arrivals.reports {
            perform(state.update(.report(index: index, report)), screen)
            changed = true
        }
        if let crossYear = arrivals.crossYear {
            perform(state.update(.crossYear(crossYear)), screen)
            // The store's counts (what export shows) include them too.
            registerCounts(of: Array(crossYear.keys))
            changed = true
        }
        if arrivals.finished {
            // What is still gone after every file was read is missing, not moved.
            let gone = movable.withLock { movable in defer { movable = [:] }; return Array(movable.values) }
            let missing = gone + state.entries.filter { $0.isMissing && $0.review?.missing == false }.map(\.key)
            if !missing.isEmpty { try? store.setMissing(Array(Set(missing)), true, at: Date()) }
            watch?.start()
        }
        let (results, changes, rulings) = writer.drain()
        for result in results {
            perform(state.update(.written(result)), screen)
            // A ruling saved changes what counts: the store's counts follow.
            if case .saved(let write, _) = result, write.isRuling, let index = state.indexByKey[write.key] { registerCounts(of: [index]) }
            changed = true
        }
        if !changes.isEmpty {
            perform(state.update(.remote(changes)), screen)
            changed = true
        }
        if !rulings.isEmpty {
            perform(state.update(.rulings(rulings)), screen)
            changed = true
        }
        for change in watch?.drain() ?? [] {
            switch change {
            case .changed(let path):
                guard let index = state.entries.firstIndex(where: { $0.path == path }) else { continue }
                loader.readAgain(index)
                perform(state.update(.fileChanged(index: index)), screen)
            case .added(let path):
                let key = keyFor(path)
                if let index = state.indexByKey[key] {
                    // Back again: read it as a changed file.
                    loader.readAgain(index)
                    perform(state.update(.fileChanged(index: index)), screen)
                    continue
                }
                keys.withLock { $0.append(key) }
                perform(state.update(.fileAdded(path: path, key: key)), screen)
                _ = loader.add(path)
            case .removed(let path):
                guard let index = state.entries.firstIndex(where: { $0.path == path }) else { continue }
                perform(state.update(.fileMissing(index: index)), screen)
                try? store.setMissing([state.entries[index].key], true, at: Date())
            }
            changed = true
        }
        return changed
    }

    /// Registers entries again with the counts the screen shows (cross-year findings in,
    /// dismissed ones out), so that export shows them too.
    private func registerCounts(of indices: [Int]) {
        let registrations = indices.compactMap { index -> Registration? in
            let entry = state.entries[index]
            guard let review = entry.review, let digest = entry.digest else { return nil }
            return Registration(
                path: entry.key, contentHash: review.contentHash, agency: digest.agency, year: digest.year,
                errors: entry.errors, warnings: entry.warnings)
        }
        if let records = try? store.register(registrations, at: Date()) {
            for (key, record) in records { _ = state.update(.saved(key: key, review: record, message: nil)) }
        }
    }

    /// The key of a new file, relative to the project root the others share.
    private func keyFor(_ path: String) -> String {
        guard let sample = state.entries.first(where: { !$0.isMissing }) else { return path }
        let root = String(sample.path.dropLast(sample.key.count))
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }

    /// Carries out effects (all but quitting, which the loop does).
    func perform(_ effects: [Effect], _ screen: Screen) {
        for effect in effects {
            switch effect {
            case .quit: continue
            case .write(let write): writer.submit(write)
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
            }
        }
    }

    /// Waits until every write given so far is committed or refused (tests, and quitting).
    public func settle(timeout: TimeInterval = 5) { writer.settle(timeout: timeout) }
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
