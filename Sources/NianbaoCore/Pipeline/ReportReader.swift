#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one file into a checked report, or says precisely why it cannot.
public enum ReportReader {
    /// Reads, parses and checks the file at `path`.
    public static func read(path: String) throws(ReadError) -> Report {
        let bytes = try readBytes(path)
        let text = try TextDecoder.decode(bytes, path: path)
        return try report(from: text, path: path)
    }

    /// Parses and checks text that is already decoded (other formats' readers end here).
    public static func report(from text: String, path: String) throws(ReadError) -> Report {
        try report(from: SourceDocument(text: text), path: path)
    }

    /// Parses and checks a document a format reader made (text with grids or placed words).
    public static func report(from document: SourceDocument, path: String) throws(ReadError) -> Report {
        var report = ReportParser.parse(document, path: path)
        let titled = report.title.map { $0.text.includes("报告") } ?? false
        if report.sections.isEmpty, report.tables.isEmpty, !titled { throw ReadError(path: path, reason: .notAReport) }
        report.findings = RuleCatalogue.check(report)
        return report
    }

    /// The bytes of a file, refusing anything but a regular file before reading a byte
    /// (opened without blocking, so a FIFO or a link to one cannot hang the batch), and
    /// files over the limit before reading them whole.
    public static func readBytes(_ path: String, limit: Int = TextDecoder.sizeLimit) throws(ReadError) -> [UInt8] {
        let fd = FilePath.withCString(path) { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        guard fd >= 0 else { throw ReadError(path: path, reason: .unreadable(String(cString: strerror(errno)))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ReadError(path: path, reason: .unreadable(String(cString: strerror(errno)))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw ReadError(path: path, reason: .unreadable("it is a folder"))
        case S_IFIFO: throw ReadError(path: path, reason: .unreadable("a FIFO, not a regular file"))
        default: throw ReadError(path: path, reason: .unreadable("not a regular file"))
        }
        let size = Int(info.st_size)
        if size == 0 { throw ReadError(path: path, reason: .empty) }
        if size > limit { throw ReadError(path: path, reason: .tooLarge(bytes: size, limit: limit)) }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var offset = 0
            while offset < size {
                let n = Glibc.read(fd, buffer.baseAddress! + offset, size - offset)
                if n < 0, errno == EINTR { continue }
                if n < 0 { failure = errno; break }
                if n == 0 { break }
                offset += n
            }
            count = offset
        }
        if failure != 0 { throw ReadError(path: path, reason: .unreadable(String(cString: strerror(failure)))) }
        return bytes
    }
}
