import Foundation

/// Where a review database is, as `--db` gives it: a SQLite file's path, or a PostgreSQL
/// server as `postgresql://user:password@host:port/database` (also `postgres://`), or
/// `postgresql:` alone for the usual PGHOST, PGPORT, PGUSER, PGDATABASE and PGPASSWORD.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(PostgresAddress)

    public struct PostgresAddress: Sendable, Equatable {
        public var host: String
        public var port: Int
        public var user: String
        public var password: String?
        public var database: String
        /// `disable` (the default), `prefer` or `require`.
        public var sslMode: String

        /// As the title bar and messages show it: no password.
        public var display: String { "postgresql://\(user)@\(host):\(port)/\(database)" }
    }

    public static func parse(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(StoreError) -> DatabaseLocation {
        let lower = text.lowercased()
        guard lower.hasPrefix("postgresql:") || lower.hasPrefix("postgres:") else {
            guard !text.isEmpty else { throw .badLocation("--db needs a file path or a postgresql:// URL") }
            return .sqlite(path: text)
        }
        let account = environment["USER"] ?? "postgres"
        var address = PostgresAddress(
            host: environment["PGHOST"] ?? "127.0.0.1", port: Int(environment["PGPORT"] ?? "") ?? 5432,
            user: environment["PGUSER"] ?? account, password: environment["PGPASSWORD"],
            database: environment["PGDATABASE"] ?? environment["PGUSER"] ?? account, sslMode: environment["PGSSLMODE"] ?? "disable")
        let rest = text[text.index(after: text.firstIndex(of: ":")!)...]
        if rest.isEmpty { return .postgres(address) }
        guard rest.hasPrefix("//"), let components = URLComponents(string: "postgresql:" + rest) else {
            throw .badLocation("cannot read the database URL \(text): write postgresql://user@host:port/database")
        }
        if let host = components.host, !host.isEmpty { address.host = host }
        if let port = components.port {
            guard (1...65535).contains(port) else { throw .badLocation("the port in \(text) is not a port number") }
            address.port = port
        }
        if let user = components.user, !user.isEmpty { address.user = user.removingPercentEncoding ?? user }
        if let password = components.password { address.password = password.removingPercentEncoding ?? password }
        let database = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if !database.isEmpty { address.database = database.removingPercentEncoding ?? database }
        for item in components.queryItems ?? [] where item.name == "sslmode" {
            guard let value = item.value, ["disable", "prefer", "require"].contains(value) else {
                throw .badLocation("sslmode in \(text) must be disable, prefer or require")
            }
            address.sslMode = value
        }
        return .postgres(address)
    }

    /// Opens the store there (creating or upgrading its schema unless `readOnly`).
    public func open(readOnly: Bool = false) throws(StoreError) -> any ReviewStore {
        switch self {
        case .sqlite(let path): try SQLiteReviewStore(path: path, readOnly: readOnly)
        case .postgres(let address): try PostgresReviewStore(address, migrate: !readOnly)
        }
    }

    public var display: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let address): address.display
        }
    }
}
