import Foundation

/// The built-in sample reports, so that `nianbao check` with no path has something real to read.
///
/// Found without `Bundle.module`, which stops the program when its bundle is not where the
/// build left it: a copied or installed binary looks beside itself, then in the sources it
/// was built from, and otherwise has no samples (the commands then say so).
public enum SampleReports {
    /// The name of the resource bundle SwiftPM puts beside the binary.
    public static let bundleName = "nianbao_NianbaoSamples.resources"

    /// The folder that holds the samples, if this binary can find one.
    public static let folder: URL? = {
        var candidates: [URL] = []
        if let executable = executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent(bundleName).appendingPathComponent("samples"))
        }
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("samples"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("000_4a17cc4c212eaa48.txt").path) }
    }()

    /// Every sample file, sorted by name (none when the samples are not found).
    public static var files: [URL] {
        guard let folder else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// The running binary, links resolved (/proc/self/exe on Linux).
    static var executableURL: URL? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return CommandLine.arguments.first.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath() }
    }
}
