import Foundation

/// Where a reviewer stopped (the report and the pane), so that reopening the folder
/// returns there. A small JSON file beside the review database, one per reviewer,
/// replaced atomically each time the selection moves.
public struct SessionFile: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// `.nianbao/session-NAME.json` beside the database at `database`.
    public init(besideDatabase database: String, reviewer: String?) {
        let folder = (database as NSString).deletingLastPathComponent
        path = (folder.isEmpty ? "." : folder) + "/session-\(Self.safeName(reviewer)).json"
    }

    /// A reviewer's name as a file name: letters, digits, - and _.
    public static func safeName(_ reviewer: String?) -> String {
        let name = (reviewer ?? "").filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return name.isEmpty ? "reviewer" : name
    }

    struct Place: Codable {
        let key: String
        let pane: String
    }

    public func load() -> (key: String, pane: Pane)? {
        guard let data = FileManager.default.contents(atPath: path),
              let place = try? JSONDecoder().decode(Place.self, from: data) else { return nil }
        return (place.key, Pane(rawValue: place.pane) ?? .list)
    }

    public func save(key: String, pane: Pane) {
        guard let data = try? JSONEncoder().encode(Place(key: key, pane: pane.rawValue)) else { return }
        try? data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
