import NianbaoCore
import NianbaoFormats
import NianbaoSamples
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files a command works on: the paths given, or the built-in samples.
enum Inputs {
    static func files(_ paths: [String]) -> (files: [String], errors: [ReadError]) {
        if paths.isEmpty { return (SampleReports.files.map(\.path), []) }
        return InputFiles.collect(paths, extensions: ReportFiles.extensions)
    }
}

/// How the commands read a file: by its kind (text, web page, …).
let readReport: BatchReader.Reader = { path throws(ReadError) in try ReportFiles.read(path: path) }

/// A path as the user should read it: the built-in samples as `samples/NAME`.
func displayPath(_ path: String) -> String {
    let folder = SampleReports.folder.path
    if path.hasPrefix(folder + "/") { return "samples/" + path.dropFirst(folder.count + 1) }
    return path
}

/// Writes to standard error, for messages that must not mix with the JSON or CSV on stdout.
func printError(_ message: String) {
    let line = message + "\n"
    _ = line.utf8CString.withUnsafeBufferPointer { buffer in
        write(2, buffer.baseAddress!, buffer.count - 1)
    }
}
