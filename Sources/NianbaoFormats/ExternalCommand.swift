import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a helper program (pdftotext; the tests run nianbao and tmux with it) to completion
/// and collects its output, through temporary files: simple, and safe to call from several
/// threads at once. A time limit and an output limit stop a program that would hang or
/// write without end; the temporary folder goes in every case.
enum ExternalCommand {
    struct Result {
        let status: Int32
        let stdout: [UInt8]
        let stderr: String
    }

    enum Failure: Error {
        case notFound
        case couldNotStart(String)
        case timedOut(seconds: Double)
        case outputTooLarge
    }

    /// Stands, in `arguments`, for a file holding `input` in the command's own folder.
    static let inputFile = "\u{0}input"

    /// Runs `arguments` (the program is looked up in PATH) with `environment` added to ours.
    /// With `input`, those bytes are written to a file of the command's temporary folder,
    /// and `inputFile` in the arguments names it.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], input: [UInt8]? = nil, timeLimit: Double? = nil,
        outputLimit: Int? = nil
    ) throws(Failure) -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .couldNotStart("no temporary folder: \(error)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let outPath = folder.appendingPathComponent("out").path, errPath = folder.appendingPathComponent("err").path
        var arguments = arguments
        if let input {
            let inPath = folder.appendingPathComponent("in").path
            do { try Data(input).write(to: URL(fileURLWithPath: inPath)) } catch { throw .couldNotStart("cannot write its input: \(error)") }
            arguments = arguments.map { $0 == inputFile ? inPath : $0 }
        }
        let null = open("/dev/null", O_RDONLY | O_CLOEXEC)
        let out = open(outPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        let err = open(errPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        defer { [null, out, err].filter { $0 >= 0 }.forEach { close($0) } }
        guard null >= 0, out >= 0, err >= 0 else { throw .couldNotStart(String(cString: strerror(errno))) }
        let pid: pid_t
        do {
            pid = try ProcessSpawn.spawn(arguments, environment: environment, stdin: null, stdout: out, stderr: err)
        } catch {
            throw error.errno == ENOENT ? .notFound : .couldNotStart(error.description)
        }
        var status: Int32 = 0
        let started = Date()
        var stopped: Failure?
        while true {
            let done = waitpid(pid, &status, timeLimit == nil && outputLimit == nil ? 0 : WNOHANG)
            if done == pid { break }
            if done == -1, errno != EINTR { break }
            if let timeLimit, Date().timeIntervalSince(started) > timeLimit { stopped = .timedOut(seconds: timeLimit) }
            var info = stat()
            if let outputLimit, fstat(out, &info) == 0, Int(info.st_size) > outputLimit { stopped = .outputTooLarge }
            if stopped != nil {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) == -1, errno == EINTR {}
                break
            }
            usleep(5_000)
        }
        if let stopped { throw stopped }
        let stdout = (try? Data(contentsOf: URL(fileURLWithPath: outPath))).map { Array($0) } ?? []
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return Result(status: ProcessSpawn.exitStatus(status), stdout: stdout, stderr: stderr)
    }
}
