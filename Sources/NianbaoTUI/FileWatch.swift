import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Notices files that change, appear or go while the screen is open: every two seconds it
/// compares each file's size and modification time with what it saw, and asks for the files
/// there are now. What it finds the app reads again, adds, or marks missing.
final class FileWatch: Sendable {
    enum Change: Sendable, Equatable {
        case changed(String)
        case added(String)
        case removed(String)
    }

    struct Stamp: Equatable, Sendable {
        let size: Int
        let seconds: Int
        let nanoseconds: Int
    }

    private struct Shared {
        var stamps: [String: Stamp?] = [:]
        var changes: [Change] = []
        var running = false
        var stopped = false
    }

    private let shared = Mutex(Shared())
    private let files: [String]
    private let rescan: @Sendable () -> [String]
    static let interval = 2.0

    init(files: [String], rescan: @escaping @Sendable () -> [String]) {
        self.files = files
        self.rescan = rescan
    }

    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(size: Int(info.st_size), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
    }

    /// Starts watching (once every file has been read: changes from then on count).
    func start() {
        let begin = shared.withLock { shared -> Bool in
            guard !shared.running, !shared.stopped else { return false }
            shared.running = true
            return true
        }
        guard begin else { return }
        let baseline = Dictionary(files.map { ($0, Self.stamp($0)) }, uniquingKeysWith: { a, _ in a })
        shared.withLock { $0.stamps = baseline }
        let thread = Thread { [self] in
            while !shared.withLock({ $0.stopped }) {
                Thread.sleep(forTimeInterval: Self.interval)
                look()
            }
        }
        thread.name = "nianbao.file-watch"
        thread.start()
    }

    private func look() {
        let known = shared.withLock { $0.stamps }
        var changes: [Change] = []
        var stamps = known
        for (path, before) in known {
            let now = Self.stamp(path)
            guard now != before else { continue }
            stamps[path] = now
            switch (before, now) {
            case (_, nil): changes.append(.removed(path))
            case (nil, _): changes.append(.added(path))
            default: changes.append(.changed(path))
            }
        }
        for path in rescan() where known[path] == nil {
            stamps[path] = Self.stamp(path)
            changes.append(.added(path))
        }
        shared.withLock { shared in
            shared.stamps = stamps
            shared.changes += changes
        }
    }

    func drain() -> [Change] { shared.withLock { shared in defer { shared.changes = [] }; return shared.changes } }

    func stop() { shared.withLock { $0.stopped = true } }
}
