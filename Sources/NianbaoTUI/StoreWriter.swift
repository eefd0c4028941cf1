import Dispatch
import Foundation
import NianbaoStore
import Synchronization

/// A change the reviewer made, on its way to the database.
public struct PendingWrite: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        case decide(ReviewStatus, isUndo: Bool)
        case note(String)
    }

    public let id: Int
    public let key: String
    public let change: Change
    /// The version of the record the reviewer saw when making the change.
    public let expected: Int?
}

/// What became of a write, for the screen.
public enum WriteResult: Sendable {
    case saved(PendingWrite, ReviewRecord)
    /// Someone else changed the record first: nothing was written; what stands now.
    case conflict(PendingWrite, ReviewRecord)
    /// Not written yet (the database busy or unreachable): it stays pending and is tried again.
    case waiting(PendingWrite, String)
    /// Refused for good (the report is not in the database, the file is read-only).
    case failed(PendingWrite, String)
}

/// Writes the reviewer's changes in the background, one at a time and in order, so that a
/// busy or unreachable database never freezes the screen nor loses a change: a write that
/// cannot be made yet waits and is tried again (0.5 s, then up to every 5 s) until it is
/// committed or refused. Also reads what others changed (`refresh`), on the same thread.
public final class StoreWriter: Sendable {
    private let store: any ReviewStore
    private let reviewer: String?
    private let queue = DispatchQueue(label: "nianbao.store-writer")
    private struct Shared {
        var results: [WriteResult] = []
        var changes: [ReviewRecord] = []
        var revision = 0
        var pending = 0
        /// For each report this session wrote: the version it wrote on and the one it made, so
        /// that a second change queued before the first was committed is not taken for a conflict.
        var own: [String: (from: Int, to: Int)] = [:]
        var refreshing = false
        var refreshAgain = false
    }
    private let shared = Mutex(Shared())

    public init(store: any ReviewStore, reviewer: String?, revision: Int) {
        self.store = store
        self.reviewer = reviewer
        shared.withLock { $0.revision = revision }
    }

    /// How many writes are not committed yet.
    public var pendingCount: Int { shared.withLock { $0.pending } }

    public func submit(_ write: PendingWrite) {
        shared.withLock { $0.pending += 1 }
        queue.async { [self] in perform(write, attempt: 0) }
    }

    private func perform(_ write: PendingWrite, attempt: Int) {
        let expected: Int? = shared.withLock { shared in
            guard let wanted = write.expected else { return nil }
            if let own = shared.own[write.key], own.from == wanted { return own.to }
            return wanted
        }
        do throws(StoreError) {
            let outcome: WriteOutcome
            switch write.change {
            case .decide(let status, let isUndo):
                outcome = try store.decide(path: write.key, status, reviewer: reviewer, expecting: expected, isUndo: isUndo, at: Date())
            case .note(let note):
                outcome = try store.setNote(path: write.key, note, reviewer: reviewer, expecting: expected, at: Date())
            }
            shared.withLock { shared in
                shared.pending -= 1
                switch outcome {
                case .saved(let record):
                    shared.own[write.key] = (expected ?? record.version - 1, record.version)
                    shared.results.append(.saved(write, record))
                case .conflict(let record):
                    shared.own[write.key] = nil
                    shared.results.append(.conflict(write, record))
                }
            }
        } catch {
            guard error.isTransient else {
                shared.withLock { shared in
                    shared.pending -= 1
                    shared.results.append(.failed(write, error.description))
                }
                return
            }
            shared.withLock { $0.results.append(.waiting(write, error.description)) }
            let delay = min(0.5 * pow(2, Double(attempt)), 5)
            queue.asyncAfter(deadline: .now() + delay) { [self] in perform(write, attempt: attempt + 1) }
        }
    }

    /// Reads what was committed since last time (after a notification), in the background.
    public func refresh() {
        let start = shared.withLock { shared -> Bool in
            if shared.refreshing { shared.refreshAgain = true; return false }
            shared.refreshing = true
            return true
        }
        guard start else { return }
        queue.async { [self] in
            while true {
                let since = shared.withLock { $0.revision }
                if let (records, revision) = try? store.changes(since: since) {
                    shared.withLock { shared in
                        shared.changes += records
                        shared.revision = max(shared.revision, revision)
                    }
                }
                let again = shared.withLock { shared -> Bool in
                    defer { shared.refreshAgain = false }
                    if !shared.refreshAgain { shared.refreshing = false }
                    return shared.refreshAgain
                }
                if !again { return }
            }
        }
    }

    /// What happened since the last call: write results, and records others changed.
    public func drain() -> (results: [WriteResult], changes: [ReviewRecord]) {
        shared.withLock { shared in
            defer { shared.results = []; shared.changes = [] }
            return (shared.results, shared.changes)
        }
    }

    /// Waits until the queue has done what it was given (tests, and quitting).
    public func settle(timeout: TimeInterval = 5) {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let idle = DispatchSemaphore(value: 0)
            queue.async { idle.signal() }
            idle.wait()
            if pendingCount == 0 { return }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }
}
