#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands the paths a user gives (files and folders, recursively) into report files.
/// Names are taken as the bytes they are (see `FilePath`); a folder that cannot be read,
/// or a report-named entry that is not a regular file (a FIFO, a device), is reported, not
/// fatal and not skipped: the rest of the batch goes on.
public enum InputFiles {
    /// The endings of files taken from a folder. A file named directly is always tried.
    public static let reportExtensions: Set<String> = ["txt", "md", "text"]

    /// A file that marks a folder as nianbao's own output (`nianbao report` writes it): the
    /// folder is not searched for reports, so its page and notices are not read as reports.
    public static let outputMarker = ".nianbao-output"

    public static func collect(_ paths: [String], extensions: Set<String> = reportExtensions) -> (files: [String], errors: [ReadError]) {
        var files: [String] = []
        var errors: [ReadError] = []
        for path in paths {
            var info = stat()
            guard FilePath.withCString(path, { stat($0, &info) }) == 0 else {
                errors.append(ReadError(path: path, reason: .unreadable(String(cString: strerror(errno)))))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(FilePath.bytes(of: path), extensions: extensions, into: &files, errors: &errors)
            } else {
                // Named directly: tried whatever it is; reading refuses what is not a regular file.
                files.append(path)
            }
        }
        return (files, errors)
    }

    /// The ending of a file name, lowercased ("TXT" is "txt").
    static func ending(_ name: [UInt8]) -> String? {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot > 0 else { return nil }
        return String(decoding: name[(dot + 1)...], as: UTF8.self).lowercased()
    }

    private static func walk(_ folder: [UInt8], extensions: Set<String>, into files: inout [String], errors: inout [ReadError]) {
        // Folders still to read, deepest last: no recursion, so no depth can overflow the stack.
        var pending: [[UInt8]] = [folder]
        while let current = pending.popLast() {
            var names: [[UInt8]] = []
            let opened: Bool = FilePath.withCString(bytes: current) { path in
                guard let dir = opendir(path) else { return false }
                while let entry = readdir(dir) {
                    let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix(while: { $0 != 0 })) }
                    if name.first == UInt8(ascii: "."), name != Array(outputMarker.utf8) { continue }
                    names.append(name)
                }
                closedir(dir)
                return true
            }
            guard opened else {
                errors.append(ReadError(path: FilePath.display(current), reason: .unreadable(String(cString: strerror(errno)))))
                continue
            }
            // nianbao's own documents (a folder holding the marker) are not reports.
            if current != folder, names.contains(Array(outputMarker.utf8)) { continue }
            var subfolders: [[UInt8]] = []
            for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                let path = current.last == UInt8(ascii: "/") ? current + name : current + [UInt8(ascii: "/")] + name
                var info = stat()
                guard FilePath.withCString(bytes: path, { lstat($0, &info) }) == 0 else {
                    errors.append(ReadError(path: FilePath.display(path), reason: .unreadable(String(cString: strerror(errno)))))
                    continue
                }
                if name == Array(outputMarker.utf8) { continue }
                let looksLikeReport = ending(name).map(extensions.contains) ?? false
                switch info.st_mode & S_IFMT {
                case S_IFDIR: subfolders.append(path)
                case S_IFREG where looksLikeReport: files.append(FilePath.display(path))
                case S_IFLNK where looksLikeReport:
                    // A link is followed when read; a broken one, or one to a FIFO, is reported then.
                    files.append(FilePath.display(path))
                case _ where looksLikeReport:
                    errors.append(ReadError(path: FilePath.display(path), reason: .unreadable("not a regular file")))
                default: continue
                }
            }
            pending += subfolders.reversed()
        }
    }
}
