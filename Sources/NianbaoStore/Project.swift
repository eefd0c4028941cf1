import Foundation

/// A review project: the folder holding `.nianbao/` (like git's `.git`), found by walking
/// up from the folder opened, or the folder opened itself when none is found (the database
/// is then made there). Report keys are paths relative to its root, so a file is the same
/// record from any subfolder.
public struct Project: Sendable, Equatable {
    public let root: String
    public static let folderName = ".nianbao"

    /// The project `folder` belongs to.
    public static func find(from folder: String) -> Project {
        let start = URL(fileURLWithPath: folder).standardizedFileURL.path
        var current = start
        while true {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: current + "/" + folderName, isDirectory: &isFolder), isFolder.boolValue {
                return Project(root: current)
            }
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current || parent.isEmpty { return Project(root: start) }
            current = parent
        }
    }

    /// The project's own SQLite database.
    public var database: String { (root == "/" ? "" : root) + "/\(Self.folderName)/reviews.sqlite" }

    /// The key of a path under the root ("" for the root itself).
    public func key(of path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        if absolute == root { return "" }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }
}
