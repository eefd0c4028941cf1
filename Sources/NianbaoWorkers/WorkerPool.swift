import Foundation
import NianbaoCore
import NianbaoFormats
#if canImport(Glibc)
import Glibc
#endif

/// Reads files in worker processes (nianbao running itself as `nianbao worker`), so that an
/// unknown bug in a reader costs that file only. A worker that dies, answers garbage or
/// runs past the time budget is killed with everything it started; its file gets "cannot
/// read this file: the reader stopped (…)", a new worker takes its place, and the batch goes
/// on. Answers are handed on in the order of the paths, as they come, never held whole.
public final class WorkerPool {
    public static let defaultTimeLimit = 10.0

    private let command: [String]
    private let count: Int
    private let timeLimit: Double
    private var workers: [Worker?]
    /// Where answers are read into, made once: a fresh 64 KB array per read was a fifth of the
    /// supervisor's work (zeroing it).
    private var readChunk = [UInt8](repeating: 0, count: 1 << 16)
    /// Set when no worker could be started: the files are then read in this process.
    private var inProcess = false

    private struct Worker {
        let pid: pid_t
        let requests: Int32
        let answers: Int32
        let folder: URL
        var buffer = FrameBuffer()
        var task: (index: Int, path: String, started: Date)?
    }

    /// `executable` is the nianbao binary; `workers` processes read at once.
    public init(executable: String, workers: Int = ProcessInfo.processInfo.activeProcessorCount, timeLimit: Double = defaultTimeLimit) {
        command = [executable, "worker"]
        count = max(workers, 1)
        self.timeLimit = timeLimit
        self.workers = Array(repeating: nil, count: max(workers, 1))
        signal(SIGPIPE, SIG_IGN)
    }

    deinit {
        for index in workers.indices { stop(index, kill: true) }
    }

    /// The nianbao binary that is running, to start as workers.
    public static var currentExecutable: String? { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") }

    /// Does `job` for every path and hands each outcome to `body` in the order of `paths`.
    /// `progress` is told how many are done, about five times a second.
    public func run(
        _ paths: [String], job: WorkerJob, progress: ((Int) -> Void)? = nil,
        _ body: (Int, Result<WorkerAnswer, ReadError>) -> Void
    ) {
        var next = 0
        var delivered = 0
        var ready: [Int: Result<WorkerAnswer, ReadError>] = [:]
        var lastProgress = Date()
        func finish(_ index: Int, _ outcome: Result<WorkerAnswer, ReadError>) {
            ready[index] = outcome
            while let outcome = ready.removeValue(forKey: delivered) {
                body(delivered, outcome)
                delivered += 1
            }
        }
        while delivered < paths.count {
            // Give every idle worker a file.
            for slot in workers.indices where next < paths.count && workers[slot]?.task == nil {
                if workers[slot] == nil, !inProcess { workers[slot] = start(slot) }
                guard workers[slot] != nil else {
                    inProcess = true
                    finish(next, job.perform(path: paths[next]))
                    next += 1
                    continue
                }
                if send(job, path: paths[next], to: slot) {
                    workers[slot]!.task = (next, paths[next], Date())
                    next += 1
                } else {
                    // It died before it could take the file: another one will.
                    stop(slot, kill: true)
                }
            }
            wait(finish)
            if let progress, Date().timeIntervalSince(lastProgress) > 0.2 {
                progress(delivered)
                lastProgress = Date()
            }
        }
    }

    /// Waits up to 100 ms for answers, and deals with workers that died or ran out of time.
    private func wait(_ finish: (Int, Result<WorkerAnswer, ReadError>) -> Void) {
        let busy = workers.indices.filter { workers[$0]?.task != nil }
        guard !busy.isEmpty else { return }
        var fds = busy.map { pollfd(fd: workers[$0]!.answers, events: Int16(POLLIN), revents: 0) }
        let now = Date()
        let soonest = busy.map { timeLimit - now.timeIntervalSince(workers[$0]!.task!.started) }.min() ?? 0.1
        let timeout = Int32(max(0, min(0.1, soonest)) * 1000) + 1
        _ = poll(&fds, nfds_t(fds.count), timeout)
        for (slot, fd) in zip(busy, fds) {
            guard var worker = workers[slot], let task = worker.task else { continue }
            if fd.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                var ended = false
                while true {
                    let n = readChunk.withUnsafeMutableBytes { read(worker.answers, $0.baseAddress!, $0.count) }
                    if n > 0 { worker.buffer.append(readChunk[0..<n]); continue }
                    if n == 0 { ended = true }
                    if n < 0, errno == EINTR { continue }
                    break
                }
                let (message, garbled) = worker.buffer.next()
                if let message {
                    worker.task = nil
                    workers[slot] = worker
                    finish(task.index, Self.decode(message, path: task.path))
                    continue
                }
                workers[slot] = worker
                if garbled || ended {
                    let why = garbled ? "its answer could not be read" : reason(slot)
                    stop(slot, kill: true)
                    finish(task.index, .failure(Self.stopped(task.path, why)))
                    continue
                }
            }
            if Date().timeIntervalSince(task.started) > timeLimit {
                stop(slot, kill: true)
                finish(task.index, .failure(Self.stopped(task.path, "it took longer than \(Self.seconds(timeLimit)) s")))
            }
        }
    }

    static func seconds(_ limit: Double) -> String {
        limit == limit.rounded() ? String(Int(limit)) : String(limit)
    }

    static func stopped(_ path: String, _ why: String) -> ReadError {
        ReadError(path: path, reason: .unsupportedFormat("the reader stopped (\(why))"))
    }

    static func decode(_ message: [UInt8], path: String) -> Result<WorkerAnswer, ReadError> {
        var reader = WireReader(message)
        do throws(WireReader.Malformed) {
            switch try reader.byte() {
            case 0: return .success(try WorkerAnswer.decode(&reader))
            case 1: return .failure(try reader.error())
            default: return .failure(stopped(path, "it could not take the request"))
            }
        } catch {
            return .failure(stopped(path, "its answer could not be read"))
        }
    }

    private func send(_ job: WorkerJob, path: String, to slot: Int) -> Bool {
        var writer = WireWriter()
        writer.string(path)
        writer.data(FilePath.bytes(of: path))
        job.encode(into: &writer)
        return Frames.write(writer.bytes, to: workers[slot]!.requests)
    }

    /// Starts a worker in a process group of its own, with its own temporary folder.
    private func start(_ slot: Int) -> Worker? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-worker-\(getpid())-\(slot)-\(UUID().uuidString.prefix(8))")
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return nil }
        var toWorker: [Int32] = [0, 0], fromWorker: [Int32] = [0, 0]
        guard pipe(&toWorker) == 0 else { return nil }
        guard pipe(&fromWorker) == 0 else { close(toWorker[0]); close(toWorker[1]); return nil }
        // Not inherited by the other workers or anything they start.
        for fd in toWorker + fromWorker { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let errors = open(folder.appendingPathComponent("stderr").path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        defer {
            close(toWorker[0])
            close(fromWorker[1])
            if errors >= 0 { close(errors) }
        }
        let environment = ["TMPDIR": folder.path, "SWIFT_BACKTRACE": "enable=no"]
        guard let pid = try? ProcessSpawn.spawn(
            command, environment: environment, stdin: toWorker[0], stdout: fromWorker[1], stderr: errors >= 0 ? errors : 2,
            newProcessGroup: true)
        else {
            close(toWorker[1])
            close(fromWorker[0])
            try? FileManager.default.removeItem(at: folder)
            return nil
        }
        _ = fcntl(fromWorker[0], F_SETFL, fcntl(fromWorker[0], F_GETFL) | O_NONBLOCK)
        return Worker(pid: pid, requests: toWorker[1], answers: fromWorker[0], folder: folder)
    }

    /// Why a worker that closed its answers stopped: its signal or exit status, and the
    /// first line of what it printed.
    private func reason(_ slot: Int) -> String {
        guard let worker = workers[slot] else { return "it stopped" }
        var status: Int32 = 0
        var waited = waitpid(worker.pid, &status, WNOHANG)
        let deadline = Date().addingTimeInterval(1)
        while waited == 0, Date() < deadline {
            usleep(2_000)
            waited = waitpid(worker.pid, &status, WNOHANG)
        }
        var why = "it stopped"
        if waited == worker.pid {
            let signal = status & 0x7F
            why = signal != 0 ? "it crashed: signal \(signal)\(Self.signalName(signal))" : "it exited with status \((status >> 8) & 0xFF)"
            workers[slot] = Worker(pid: -1, requests: worker.requests, answers: worker.answers, folder: worker.folder)
        }
        let printed = (try? String(contentsOf: worker.folder.appendingPathComponent("stderr"), encoding: .utf8)) ?? ""
        if let line = printed.split(separator: "\n").first(where: { $0.contains("Fatal error") || $0.contains("error") }) ?? printed.split(separator: "\n").first {
            why += ": " + line.prefix(160)
        }
        return why
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGSEGV: " SIGSEGV"
        case SIGILL: " SIGILL (a trap)"
        case SIGTRAP: " SIGTRAP (a trap)"
        case SIGABRT: " SIGABRT"
        case SIGKILL: " SIGKILL (out of memory?)"
        case SIGBUS: " SIGBUS"
        default: ""
        }
    }

    /// Stops a worker: closes its pipes, kills its process group when asked (it and
    /// whatever it started, pdftotext included), reaps it and removes its folder.
    private func stop(_ slot: Int, kill shouldKill: Bool) {
        guard let worker = workers[slot] else { return }
        close(worker.requests)
        if worker.pid > 0 {
            if shouldKill { kill(-worker.pid, SIGKILL) }
            var status: Int32 = 0
            while waitpid(worker.pid, &status, 0) == -1, errno == EINTR {}
        }
        close(worker.answers)
        try? FileManager.default.removeItem(at: worker.folder)
        workers[slot] = nil
    }

    /// Ends every worker once the batch is done (they exit when their requests close).
    public func finish() {
        for index in workers.indices { stop(index, kill: false) }
    }
}
