#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands the paths a user gives (files and folders, recursively) into report files.
/// A folder that cannot be read is reported, not fatal: the rest of the batch goes on.
public enum InputFiles {
    /// The endings of files taken from a folder. A file named directly is always tried.
    public static let reportExtensions: Set<String> = ["txt", "md", "text"]

    public static func collect(_ paths: [String], extensions: Set<String> = reportExtensions) -> (files: [String], errors: [ReadError]) {
        var files: [String] = []
        var errors: [ReadError] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                errors.append(ReadError(path: path, reason: .unreadable(String(cString: strerror(errno)))))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, extensions: extensions, into: &files, errors: &errors)
            } else {
                files.append(path)
            }
        }
        return (files, errors)
    }

    private static func walk(_ folder: String, extensions: Set<String>, into files: inout [String], errors: inout [ReadError]) {
        guard let dir = opendir(folder) else {
            errors.append(ReadError(path: folder, reason: .unreadable(String(cString: strerror(errno)))))
            return
        }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." || name.hasPrefix(".") { continue }
            names.append(name)
        }
        closedir(dir)
        for name in names.sorted() {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
            let looksLikeReport = name.contains(".") && extensions.contains(ext)
            switch info.st_mode & S_IFMT {
            case S_IFDIR: walk(path, extensions: extensions, into: &files, errors: &errors)
            case S_IFREG where looksLikeReport: files.append(path)
            case S_IFLNK where looksLikeReport:
                // A link is followed; a broken one is reported rather than silently skipped.
                files.append(path)
            default: continue
            }
        }
    }
}
