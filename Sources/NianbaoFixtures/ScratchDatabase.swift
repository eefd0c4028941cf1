import Foundation
import NianbaoStore

/// The review-store engines, each able to make a fresh, empty database: for the tests and
/// the benchmark. SQLite always; PostgreSQL when a server is given in
/// `NIANBAO_TEST_POSTGRES` (a URL of a role that may create databases and roles; `.ci/postgres`
/// starts one), each database new so that runs never see each other's records.
public enum StoreEngine: String, CaseIterable, Sendable {
    case sqlite, postgres

    public static let postgresURL = ProcessInfo.processInfo.environment["NIANBAO_TEST_POSTGRES"]

    /// The engines this machine can run: PostgreSQL only with a server to use.
    public static var available: [StoreEngine] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// A fresh, empty database: for SQLite a `.nianbao/reviews.sqlite` under `folder` (a new
    /// temporary folder when nil); for PostgreSQL a new database on the server given.
    public func freshLocation(in folder: URL? = nil) throws -> DatabaseLocation {
        switch self {
        case .sqlite:
            let folder = folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-store-\(UUID().uuidString)")
            return .sqlite(path: folder.appendingPathComponent(".nianbao/reviews.sqlite").path)
        case .postgres:
            guard let url = StoreEngine.postgresURL, case .postgres(var address) = try DatabaseLocation.parse(url) else {
                throw StoreError.badLocation("NIANBAO_TEST_POSTGRES is not a PostgreSQL URL")
            }
            let name = "nianbao_test_" + UUID().uuidString.prefix(8).lowercased()
            try PostgresAdmin.createDatabase(name, on: address)
            address.database = name
            return .postgres(address)
        }
    }

    public func freshStore() throws -> any ReviewStore { try freshLocation().open() }
}
