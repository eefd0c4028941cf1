import Foundation

/// The built-in sample reports, so that `nianbao check` with no path has something real to read.
public enum SampleReports {
    /// The folder that holds the samples, inside the package's resource bundle.
    public static var folder: URL {
        Bundle.module.url(forResource: "samples", withExtension: nil)!
    }

    /// Every sample file, sorted by name.
    public static var files: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { folder.appendingPathComponent($0) }
    }
}
