import NianbaoCore
#if canImport(Glibc)
import Glibc
#endif

/// The loop of a worker process (`nianbao worker`, started by nianbao itself): one request
/// at a time from standard input, one answer to standard output. Anything else the process
/// might print goes to standard error, never into the answers.
public enum WorkerMain {
    /// Memory one worker may take: far above what any file under the size limits needs, so
    /// that only a reader gone wrong meets it, and that costs its file only.
    public static let memoryLimit = 1 << 30

    public static func serve() -> Never {
        let answers = dup(1)
        dup2(2, 1)
        var limit = rlimit(rlim_cur: rlim_t(memoryLimit), rlim_max: rlim_t(memoryLimit))
        setrlimit(Int32(RLIMIT_DATA.rawValue), &limit)
        while let request = Frames.read(from: 0) {
            var reader = WireReader(request)
            var writer = WireWriter()
            do throws(WireReader.Malformed) {
                let path = try reader.string()
                let raw = try reader.data()
                FilePath.remember(path, bytes: raw)
                let job = try WorkerJob.decode(&reader)
                switch job.perform(path: path) {
                case .success(let answer): writer.byte(0); answer.encode(into: &writer)
                case .failure(let error): writer.byte(1); writer.error(error)
                }
            } catch {
                writer = WireWriter()
                writer.byte(2)
            }
            if !Frames.write(writer.bytes, to: answers) { break }
        }
        exit(0)
    }
}
