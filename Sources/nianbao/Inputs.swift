import NianbaoCore
import NianbaoFormats
import NianbaoSamples
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files a command works on: the paths given, or the built-in samples. None at all is
/// a one-line message and exit 2 ("no reports found"), not an empty success.
enum Inputs {
    static func files(_ paths: [String]) throws -> (files: [String], errors: [ReadError]) {
        if paths.isEmpty {
            guard SampleReports.folder != nil else {
                throw CommandFailure("the built-in samples are not beside this binary (\(SampleReports.bundleName)); give report files or folders")
            }
            return (SampleReports.files.map(\.path), [])
        }
        let found = InputFiles.collect(paths, extensions: ReportFiles.extensions)
        if found.files.isEmpty, found.errors.isEmpty {
            throw CommandFailure("no reports found in \(paths.joined(separator: " ")) (files ending in \(ReportFiles.extensions.sorted().map { "." + $0 }.joined(separator: " ")))")
        }
        return found
    }
}

/// A failure of a command that is the user's to fix: one line on stderr, exit 2, no usage text.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// How the commands read a file: by its kind (text, web page, …).
let readReport: BatchReader.Reader = { path throws(ReadError) in try ReportFiles.read(path: path) }

/// A path as the user should read it: the built-in samples as `samples/NAME`.
func displayPath(_ path: String) -> String {
    CheckRecord.shownPath(path, samplesFolder: SampleReports.folder?.path)
}

/// Writes to standard error, for messages that must not mix with the JSON or CSV on stdout.
func printError(_ message: String, newline: Bool = true) {
    let line = message + (newline ? "\n" : "")
    _ = line.utf8CString.withUnsafeBufferPointer { buffer in
        write(2, buffer.baseAddress!, buffer.count - 1)
    }
}
