import Dispatch
import Foundation
import NianbaoFixtures
import NianbaoStore
import NianbaoTUI

/// Team review under load: `swift run -c release NianbaoBench team [writes]`.
///
/// On each engine (SQLite always, PostgreSQL when `NIANBAO_TEST_POSTGRES` names a server),
/// on a fresh database: 8 reviewer processes at once, each making `writes` decisions (500 by
/// default) on reports of its own and `writes` notes on 50 reports all of them write to, every
/// write made on the version the reviewer last saw (a refusal is answered "keep mine", as
/// on screen, and tried again on the version it showed). Then the database is read back:
/// every reviewer's decisions and notes are in the history exactly once (nothing lost,
/// nothing twice), each report's version is the length of its history, and each report
/// ends as its last entry says. The time to commit is given as p50/p99 and beside the same
/// work done by one reviewer alone in the same run (the reference).
enum TeamBench {
    static let reviewers = 8
    static let sharedReports = 50

    static func ownPath(_ reviewer: Int, _ k: Int) -> String { "reviewer\(reviewer)/\(k).txt" }
    static func sharedPath(_ k: Int) -> String { "shared/\(k % sharedReports).txt" }
    static func noteText(_ reviewer: Int, _ k: Int) -> String { "审阅人\(reviewer)的第\(k)条备注" }
    static func status(_ k: Int) -> ReviewStatus { k % 3 == 2 ? .needsCorrection : .approved }

    /// What one reviewer process reports back, one JSON line on its output.
    struct WorkerResult: Codable, Sendable {
        var decisionMs: [Double] = []
        var noteMs: [Double] = []
        var conflicts = 0
        var busyRetries = 0
        var failures: [String] = []
    }

    // MARK: The parent

    static func run(writes: Int) throws {
        print("team review: \(reviewers) reviewer processes × (\(writes) decisions + \(writes) notes), \(sharedReports) reports shared by all")
        for engine in StoreEngine.available {
            let alone = try measure(engine: engine, reviewers: 1, writes: writes)
            let team = try measure(engine: engine, reviewers: reviewers, writes: writes)
            print(String(format: "  %@: %d writes in %.1f s (%.0f commits/s)  |  decision p50 %.1f ms, p99 %.1f ms  |  note p50 %.1f ms, p99 %.1f ms  |  %d refused and kept, %d busy retries  |  %@",
                         engine.rawValue, team.writes, team.seconds, Double(team.writes) / team.seconds,
                         team.decisions.p50, team.decisions.p99, team.notes.p50, team.notes.p99, team.conflicts, team.busy, team.verdict))
            print(String(format: "  %@ reference, 1 reviewer alone: decision p50 %.1f ms, p99 %.1f ms  |  8 at once vs alone: p50 ×%.1f, p99 ×%.1f  |  %@",
                         engine.rawValue, alone.decisions.p50, alone.decisions.p99,
                         team.decisions.p50 / max(alone.decisions.p50, 0.001), team.decisions.p99 / max(alone.decisions.p99, 0.001), alone.verdict))
        }
        if StoreEngine.postgresURL == nil {
            print("  postgres: not run (set NIANBAO_TEST_POSTGRES to a server's URL; .ci/postgres starts one)")
        }
    }

    struct Percentiles {
        var p50 = 0.0, p99 = 0.0
        init(_ values: [Double]) {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return }
            p50 = sorted[sorted.count / 2]
            p99 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
        }
    }

    struct Measurement {
        var writes: Int, seconds: Double, decisions: Percentiles, notes: Percentiles, conflicts: Int, busy: Int, verdict: String
    }

    static func measure(engine: StoreEngine, reviewers: Int, writes: Int) throws -> Measurement {
        let location = try engine.freshLocation()
        let store = try location.open()
        var batch = (0..<sharedReports).map { registration(sharedPath($0)) }
        for reviewer in 0..<reviewers { batch += (0..<writes).map { registration(ownPath(reviewer, $0)) } }
        try store.register(batch, at: Date())

        let url = locationArgument(location)
        let start = DispatchTime.now()
        let results = Locked<[Int: WorkerResult]>([:])
        let group = DispatchGroup()
        for reviewer in 0..<reviewers {
            group.enter()
            Thread.detachNewThread {
                let result = runWorker(url: url, reviewer: reviewer, writes: writes)
                results.withLock { $0[reviewer] = result }
                group.leave()
            }
        }
        group.wait()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let all = results.withLock { $0.values }
        let problems = all.flatMap(\.failures) + (try verify(store, reviewers: reviewers, writes: writes))
        if case .sqlite(let path) = location { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().deletingLastPathComponent().path) }
        let verdict = problems.isEmpty
            ? "0 lost, 0 duplicated, history complete"
            : "FAILED: \(problems.count) problems, first: \(problems.prefix(3).joined(separator: "; "))"
        return Measurement(
            writes: reviewers * writes * 2, seconds: seconds, decisions: Percentiles(all.flatMap(\.decisionMs)),
            notes: Percentiles(all.flatMap(\.noteMs)), conflicts: all.reduce(0) { $0 + $1.conflicts },
            busy: all.reduce(0) { $0 + $1.busyRetries }, verdict: verdict)
    }

    static func registration(_ path: String) -> Registration {
        Registration(path: path, contentHash: "hash-\(path)", agency: "机关", year: 2024, errors: 0, warnings: 0)
    }

    static func locationArgument(_ location: DatabaseLocation) -> String {
        switch location {
        case .sqlite(let path): path
        case .postgres(let address):
            "postgresql://\(address.user)\(address.password.map { ":" + $0 } ?? "")@\(address.host):\(address.port)/\(address.database)"
        }
    }

    /// Runs this benchmark again as one reviewer process and reads its one line of results.
    static func runWorker(url: String, reviewer: Int, writes: Int) -> WorkerResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["team-reviewer", url, String(reviewer), String(writes)]
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch { return WorkerResult(failures: ["reviewer \(reviewer) did not start: \(error)"]) }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let result = try? JSONDecoder().decode(WorkerResult.self, from: data) else {
            return WorkerResult(failures: ["reviewer \(reviewer) ended with status \(process.terminationStatus)"])
        }
        return result
    }

    /// Reads the database back: what every reviewer wrote is there once, nothing else is.
    static func verify(_ store: any ReviewStore, reviewers: Int, writes: Int) throws -> [String] {
        var problems: [String] = []
        let history = try store.history(path: nil)
        let records = Dictionary(uniqueKeysWithValues: try store.all().map { ($0.path, $0) })
        let byPath = Dictionary(grouping: history, by: \.path)
        for reviewer in 0..<reviewers {
            let name = "审阅人\(reviewer)"
            let mine = history.filter { $0.reviewer == name }
            let decisions = mine.filter { $0.kind == .decision }
            if decisions.count != writes { problems.append("\(name): \(decisions.count) decisions in the history, not \(writes)") }
            let notes = mine.compactMap { $0.kind == .note ? $0.note : nil }
            let expected = Set((0..<writes).map { noteText(reviewer, $0) })
            if notes.count != writes || Set(notes) != expected {
                problems.append("\(name): \(notes.count) notes in the history (\(Set(notes).count) different), not the \(writes) written")
            }
            for k in 0..<writes {
                let path = ownPath(reviewer, k)
                if records[path]?.status != status(k) || records[path]?.reviewer != name { problems.append("\(path) does not stand as decided") }
            }
        }
        for (path, record) in records {
            let entries = byPath[path] ?? []
            if record.version != entries.count { problems.append("\(path): version \(record.version), \(entries.count) history entries") }
            if let lastNote = entries.last(where: { $0.kind == .note }), lastNote.note != record.note {
                problems.append("\(path): the note is not the last one written")
            }
        }
        return problems
    }

    // MARK: A reviewer process

    static func reviewer(arguments: [String]) {
        guard arguments.count == 3, let reviewer = Int(arguments[1]), let writes = Int(arguments[2]) else {
            FileHandle.standardError.write(Data("usage: NianbaoBench team-reviewer DB REVIEWER WRITES\n".utf8))
            exit(64)
        }
        var result = WorkerResult()
        do {
            let store = try DatabaseLocation.parse(arguments[0]).open()
            let name = "审阅人\(reviewer)"
            var versions = Dictionary(uniqueKeysWithValues: try store.all().map { ($0.path, $0.version) })
            for k in 0..<writes {
                let own = ownPath(reviewer, k)
                result.decisionMs.append(try commit(path: own, versions: &versions, result: &result) { version throws(StoreError) in
                    try store.decide(path: own, status(k), reviewer: name, expecting: version, isUndo: false, at: Date())
                })
                let shared = sharedPath(k)
                result.noteMs.append(try commit(path: shared, versions: &versions, result: &result) { version throws(StoreError) in
                    try store.setNote(path: shared, noteText(reviewer, k), reviewer: name, expecting: version, at: Date())
                })
            }
        } catch {
            result.failures.append("reviewer \(reviewer): \(error)")
        }
        print(String(decoding: try! JSONEncoder().encode(result), as: UTF8.self))
    }

    /// One write until it is committed: refused ones kept (tried again on the version the
    /// refusal showed), busy ones tried again. The milliseconds from first try to commit.
    static func commit(
        path: String, versions: inout [String: Int], result: inout WorkerResult,
        _ write: (Int?) throws(StoreError) -> WriteOutcome
    ) throws(StoreError) -> Double {
        let start = DispatchTime.now()
        while true {
            do throws(StoreError) {
                switch try write(versions[path]) {
                case .saved(let record):
                    versions[path] = record.version
                    return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
                case .conflict(let record):
                    result.conflicts += 1
                    versions[path] = record.version
                }
            } catch where error.isTransient {
                result.busyRetries += 1
                usleep(2_000)
            }
        }
    }
}
