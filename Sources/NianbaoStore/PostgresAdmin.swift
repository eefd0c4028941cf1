import Foundation
import Logging
import PostgresNIO

/// What setting up a PostgreSQL server for nianbao takes beyond the store: making a
/// database (the tests make one each), running a statement, listing tables.
public enum PostgresAdmin {
    static let logger: Logger = {
        var logger = Logger(label: "nianbao.postgres-admin")
        logger.logLevel = .critical
        return logger
    }()

    static func with<T: Sendable>(_ address: DatabaseLocation.PostgresAddress, _ body: @escaping @Sendable (PostgresConnection) async throws -> T) throws(StoreError) -> T {
        let outcome = Blocking.wait {
            let connection = try await PostgresReviewStore.connect(address, logger: logger)
            do {
                let value = try await body(connection)
                try await connection.close()
                return value
            } catch {
                try? await connection.close()
                throw error
            }
        }
        switch outcome {
        case .success(let value): return value
        case .failure(let error): throw PostgresReviewStore.storeError(error, address: address)
        }
    }

    /// Creates the database `name` (letters, digits, `_`), connected through `address`.
    public static func createDatabase(_ name: String, on address: DatabaseLocation.PostgresAddress) throws(StoreError) {
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw .badLocation("a database name is letters, digits and _: \(name)")
        }
        try execute("CREATE DATABASE \(name)", on: address)
    }

    public static func execute(_ sql: String, on address: DatabaseLocation.PostgresAddress) throws(StoreError) {
        try with(address) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        }
    }

    public static func tables(on address: DatabaseLocation.PostgresAddress) throws(StoreError) -> [String] {
        try with(address) { connection in
            var out: [String] = []
            for try await (name,) in try await connection.query(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1", logger: logger
            ).decode((String,).self) {
                out.append(name)
            }
            return out
        }
    }
}
