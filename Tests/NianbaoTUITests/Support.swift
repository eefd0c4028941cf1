import Foundation
import NianbaoCore
import NianbaoSamples
import NianbaoStore
@testable import NianbaoTUI
import Testing

/// The review app over a folder of reports, on the in-memory screen, with a real SQLite
/// store in a temporary folder: keys go through the app's own `handle` (update, effects,
/// redraw), and the reports load through its own loader.
final class TestApp {
    let folder: URL
    let screen: MemoryScreen
    let app: ReviewApp
    let store: any ReviewStore
    let session: SessionFile

    /// Whether the folder goes with this app (not when another app shares it).
    private let ownsFolder: Bool

    /// The built-in samples copied into a fresh folder (or `files` given), every report read;
    /// the database is the folder's own SQLite file unless `location` says another.
    init(
        files: [URL]? = nil, rows: Int = 48, columns: Int = 160, reviewer: String = "李四", folder: URL? = nil, sharing: Bool = false,
        location: DatabaseLocation? = nil, watching: Bool = false, waitForLoading: Bool = true
    ) throws {
        ownsFolder = !sharing
        let folder = try folder ?? {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-tui-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            for file in files ?? SampleReports.files {
                try FileManager.default.copyItem(at: file, to: url.appendingPathComponent(file.lastPathComponent))
            }
            return url
        }()
        self.folder = folder
        let database = folder.appendingPathComponent(".nianbao/reviews.sqlite").path
        if let location {
            store = try location.open()
        } else {
            store = try SQLiteReviewStore(path: database)
        }
        session = SessionFile(besideDatabase: database, reviewer: reviewer)
        screen = MemoryScreen(rows: rows, columns: columns)
        let root = folder
        let listing: @Sendable () -> [String] = {
            ((try? FileManager.default.subpathsOfDirectory(atPath: root.path)) ?? [])
                .filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }.sorted().map { root.appendingPathComponent($0).path }
        }
        app = try ReviewApp(
            files: listing(), root: folder.path, store: store, reviewer: reviewer, session: session, rescan: watching ? listing : nil)
        app.restoreSession(screen)
        app.draw(on: screen)
        if waitForLoading {
            waitUntil { $0.counts.loaded == $0.entries.count }
            waitForReport()
        }
    }

    var state: ReviewState { app.state }

    /// Lets the background work arrive until `condition` holds (or `seconds` pass); true when it did.
    @discardableResult
    func waitUntil(seconds: Double = 5, _ condition: (ReviewState) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition(app.state), Date() < deadline {
            if app.absorbArrivals(screen) { app.draw(on: screen) }
            usleep(1_000)
        }
        if app.absorbArrivals(screen) { app.draw(on: screen) }
        return condition(app.state)
    }

    /// Waits for the selected report's whole report (when it can be read).
    func waitForReport() { waitUntil { $0.current == nil || $0.report != nil || $0.current?.failure != nil } }

    /// Presses keys one by one, as the run loop does, each followed by what it asked to read.
    func press(_ keys: Key...) { press(keys) }

    func press(_ keys: [Key], settling: Bool = true) {
        for key in keys {
            app.handle(.key(key), on: screen)
            waitForReport()
            // Writes go in the background: let them be committed and come back.
            if settling { app.settle() }
            if app.absorbArrivals(screen) { app.draw(on: screen) }
        }
    }

    func type(_ text: String) { press(text.map { Key.character($0) }) }

    func resize(rows: Int, columns: Int) {
        screen.resize(rows: rows, columns: columns)
        app.handle(.resize(rows: rows, columns: columns), on: screen)
    }

    /// The entry index of the sample whose file name starts with `prefix`.
    func index(of prefix: String) -> Int { state.entries.firstIndex { $0.key.hasPrefix(prefix) }! }

    /// Selects a report by moving the list's cursor to it.
    func select(_ prefix: String) {
        let target = state.list.firstIndex(of: index(of: prefix))!
        press(.character("g"))
        press(Array(repeating: .down, count: target))
    }

    deinit { if ownsFolder { try? FileManager.default.removeItem(at: folder) } }
}

/// The pane's part of a screen row.
extension MemoryScreen {
    func pane(_ box: Layout.Box, row: Int) -> String {
        DisplayWidth.prefix(line(row, from: box.left), fitting: box.width).0
    }
}
