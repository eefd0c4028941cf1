import Dispatch
import Foundation
import NianbaoStore
import Synchronization

/// A change the reviewer made, on its way to the database.
public struct PendingWrite: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        case decide(ReviewStatus, isUndo: Bool)
        case note(String)
        /// A ruling on a finding (not versioned: each finding's latest ruling stands).
        case rule(FindingRuling)
    }

    public let id: Int
    public let key: String
    public let change: Change
    /// The version of the record the reviewer saw when making the change.
    public let expected: Int?
    /// The field the change replaces, as the reviewer saw it: the decision before a decision,
    /// the note before a note.
    public let seen: Seen?

    public enum Seen: Sendable, Equatable {
        case status(ReviewStatus)
        case note(String)
    }

    public init(id: Int, key: String, change: Change, expected: Int?, seen: Seen? = nil) {
        self.id = id
        self.key = key
        self.change = change
        self.expected = expected
        self.seen = seen
    }

    /// True when `record` still has the field as the reviewer saw it: someone else changed
    /// only the other field (the note, not the decision), so the change can go on top.
    func standsAsSeen(in record: ReviewRecord) -> Bool {
        switch (change, seen) {
        case (.decide, .status(let status)?): record.status == status
        case (.note, .note(let note)?): record.note == note
        default: false
        }
    }

    var isRuling: Bool {
        if case .rule = change { return true }
        return false
    }

    /// True for a ruling on the same finding of the same report.
    func isRuling(on other: FindingRuling) -> Bool {
        if case .rule(let ruling) = change { return ruling.path == other.path && ruling.finding == other.finding }
        return false
    }

    /// The same change, made on another version.
    func on(version: Int) -> PendingWrite { PendingWrite(id: id, key: key, change: change, expected: version, seen: seen) }
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
        /// The rulings standing on the reports in `changes`.
        var rulings: [String: StandingRulings] = [:]
        var revision = 0
        var pending = 0
        /// For each report this session wrote: the versions its own unbroken run of writes was
        /// made on, and the version the last one made, so that a change queued before the
        /// previous ones were committed is not taken for a conflict with them.
        var own: [String: (made: Set<Int>, latest: Int)] = [:]
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
        var write = write
        do throws(StoreError) {
            var (outcome, on) = try once(write)
            // Someone changed only the other field (a note, not the decision): not a conflict;
            // the change goes on the version now standing. A few times at most, then it is asked.
            for _ in 0..<3 {
                guard case .conflict(let theirs) = outcome, write.standsAsSeen(in: theirs) else { break }
                write = write.on(version: theirs.version)
                (outcome, on) = try once(write)
            }
            shared.withLock { shared in
                shared.pending -= 1
                switch outcome {
                case .saved(let record) where write.isRuling:
                    shared.results.append(.saved(write, record))
                case .saved(let record):
                    let base = on ?? record.version - 1
                    // The run goes on when this write was made on the run's last version.
                    let run = shared.own[write.key].flatMap { $0.latest == base ? $0.made : nil } ?? []
                    shared.own[write.key] = (run.union([base] + (write.expected.map { [$0] } ?? [])), record.version)
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
            let retry = write
            shared.withLock { $0.results.append(.waiting(retry, error.description)) }
            let delay = min(0.5 * pow(2, Double(attempt)), 5)
            queue.asyncAfter(deadline: .now() + delay) { [self] in perform(retry, attempt: attempt + 1) }
        }
    }

    /// One try at the database, on the version the reviewer saw (or, after this session's own
    /// earlier write on it, the version that write made).
    private func once(_ write: PendingWrite) throws(StoreError) -> (WriteOutcome, on: Int?) {
        let expected: Int? = shared.withLock { shared in
            guard let wanted = write.expected else { return nil }
            if let own = shared.own[write.key], own.made.contains(wanted) { return own.latest }
            return wanted
        }
        switch write.change {
        case .decide(let status, let isUndo):
            return (try store.decide(path: write.key, status, reviewer: reviewer, expecting: expected, isUndo: isUndo, at: Date()), expected)
        case .note(let note):
            return (try store.setNote(path: write.key, note, reviewer: reviewer, expecting: expected, at: Date()), expected)
        case .rule(var ruling):
            ruling.id = nil
            ruling.reviewer = reviewer
            ruling.ruledAt = Date()
            _ = try store.rule(ruling)
            guard let record = try store.record(path: write.key) else { throw .unknownReport(write.key) }
            return (.saved(record), nil)
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
                    // A ruling moves its report's revision on: the report's rulings come along (read
                    // in one query, however many records changed: a registration changes them all).
                    var rulings: [String: StandingRulings] = [:]
                    if !records.isEmpty, let all = try? store.rulings(path: nil) {
                        let byPath = Dictionary(grouping: all, by: \.path)
                        for record in records {
                            rulings[record.path] = StandingRulings(revision: record.revision, rulings: byPath[record.path] ?? [])
                        }
                    }
                    shared.withLock { shared in
                        shared.changes += records
                        shared.rulings.merge(rulings) { old, new in new.revision >= old.revision ? new : old }
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

    /// What happened since the last call: write results, records others changed, and the
    /// rulings standing on those records' findings.
    public func drain() -> (results: [WriteResult], changes: [ReviewRecord], rulings: [String: StandingRulings]) {
        shared.withLock { shared in
            defer { shared.results = []; shared.changes = []; shared.rulings = [:] }
            return (shared.results, shared.changes, shared.rulings)
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
