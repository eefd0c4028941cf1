import Foundation
import Logging
import PostgresNIO

/// The review schema on PostgreSQL: the same tables, columns and named steps as on SQLite
/// (`Migrations`), recorded in `nianbao_migrations`, and how rows become records.
enum PostgresSchema {
    /// Each named step, as SQL statements. Never edited once shipped.
    static let steps: [(name: String, statements: [String])] = [
        (Migrations.v1, [
            """
            CREATE TABLE review (
                path TEXT PRIMARY KEY, "contentHash" TEXT NOT NULL, "reviewedHash" TEXT,
                status TEXT NOT NULL DEFAULT 'unreviewed', note TEXT NOT NULL DEFAULT '', reviewer TEXT,
                "reviewedAt" TIMESTAMPTZ, "updatedAt" TIMESTAMPTZ NOT NULL, agency TEXT, year INTEGER,
                errors INTEGER NOT NULL DEFAULT 0, warnings INTEGER NOT NULL DEFAULT 0)
            """,
            """
            CREATE TABLE decision (
                id BIGSERIAL PRIMARY KEY, path TEXT NOT NULL REFERENCES review(path) ON DELETE CASCADE,
                status TEXT NOT NULL, "previousStatus" TEXT NOT NULL, reviewer TEXT, "decidedAt" TIMESTAMPTZ NOT NULL,
                "isUndo" BOOLEAN NOT NULL DEFAULT false)
            """,
            "CREATE INDEX decision_on_path ON decision(path)",
        ]),
        (Migrations.v2, [
            """
            ALTER TABLE review ADD COLUMN version INTEGER NOT NULL DEFAULT 0,
                ADD COLUMN revision BIGINT NOT NULL DEFAULT 0, ADD COLUMN missing BOOLEAN NOT NULL DEFAULT false,
                ADD COLUMN "noteBy" TEXT, ADD COLUMN "noteAt" TIMESTAMPTZ
            """,
            "CREATE INDEX review_on_revision ON review(revision)",
            "ALTER TABLE decision ADD COLUMN kind TEXT NOT NULL DEFAULT 'decision', ADD COLUMN note TEXT",
            "CREATE SEQUENCE review_revision",
        ]),
        (Migrations.v3, [
            """
            CREATE TABLE ruling (
                id BIGSERIAL PRIMARY KEY, path TEXT NOT NULL REFERENCES review(path) ON DELETE CASCADE,
                finding TEXT NOT NULL, rule TEXT NOT NULL, message TEXT NOT NULL, verdict TEXT NOT NULL,
                reason TEXT NOT NULL DEFAULT '', reviewer TEXT, "ruledAt" TIMESTAMPTZ NOT NULL)
            """,
            "CREATE INDEX ruling_on_finding ON ruling(path, finding)",
        ]),
    ]

    /// A database with tables but none of nianbao's is refused, never given a schema; one
    /// that is nianbao's but older cannot be read without migrating.
    static func check(_ connection: PostgresConnection, logger: Logger, location: String, migrating: Bool) async throws {
        var tables: Set<String> = []
        for try await (name,) in try await connection.query(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()", logger: logger
        ).decode((String,).self) {
            tables.insert(name)
        }
        if !tables.isEmpty, !tables.contains("nianbao_migrations") || !tables.contains("review") {
            throw StoreError.notReviewDatabase("\(location) is not a nianbao review database (it holds other tables); nothing was written to it")
        }
        if !migrating {
            guard tables.contains("nianbao_migrations") else {
                throw StoreError.notReviewDatabase("\(location) has no review schema yet: run `nianbao db migrate --db \(location)`")
            }
            let applied = try await appliedSteps(connection, logger: logger)
            guard applied.isSuperset(of: Migrations.all) else {
                throw StoreError.notReviewDatabase("\(location) is a review database of an older nianbao: run `nianbao db migrate --db \(location)` first")
            }
        }
    }

    static func appliedSteps(_ connection: PostgresConnection, logger: Logger) async throws -> Set<String> {
        var applied: Set<String> = []
        for try await (name,) in try await connection.query("SELECT identifier FROM nianbao_migrations", logger: logger).decode((String,).self) {
            applied.insert(name)
        }
        return applied
    }

    /// True when every step has been applied: read only, so a reviewer's role that may change
    /// rows but not create tables opens a database its owner set up.
    static func isUpToDate(_ connection: PostgresConnection, logger: Logger) async throws -> Bool {
        var exists = false
        for try await (name,) in try await connection.query("SELECT to_regclass('nianbao_migrations')::text", logger: logger).decode((String?,).self) {
            exists = name != nil
        }
        guard exists else { return false }
        return try await appliedSteps(connection, logger: logger).isSuperset(of: steps.map(\.name))
    }

    /// Runs the steps not yet applied, in one transaction, one migrator at a time.
    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws {
        if try await isUpToDate(connection, logger: logger) { return }
        try await connection.query("BEGIN", logger: logger)
        do {
            try await connection.query("SELECT pg_advisory_xact_lock(2021030)", logger: logger)
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS nianbao_migrations (identifier TEXT PRIMARY KEY, \"appliedAt\" TIMESTAMPTZ NOT NULL DEFAULT now())",
                logger: logger)
            let applied = try await appliedSteps(connection, logger: logger)
            for step in steps where !applied.contains(step.name) {
                for statement in step.statements { try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger) }
                try await connection.query("INSERT INTO nianbao_migrations (identifier) VALUES (\(step.name))", logger: logger)
            }
            try await connection.query("COMMIT", logger: logger)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    static func nextRevision(_ connection: PostgresConnection, logger: Logger) async throws -> Int {
        for try await (value,) in try await connection.query("SELECT nextval('review_revision')", logger: logger).decode((Int,).self) {
            return value
        }
        return 0
    }

    /// The record, locked until the transaction ends.
    static func lockedRecord(_ connection: PostgresConnection, path: String, logger: Logger) async throws -> ReviewRecord? {
        for try await row in try await connection.query("SELECT * FROM review WHERE path = \(path) FOR UPDATE", logger: logger) {
            return try record(row)
        }
        return nil
    }

    static func status(_ row: PostgresRandomAccessRow, _ name: String) throws -> ReviewStatus {
        let text = try row[name].decode(String.self)
        guard let value = ReviewStatus(rawValue: text) else { throw StoreError.failed("unknown status \(text)") }
        return value
    }

    static func record(_ row: PostgresRow) throws -> ReviewRecord {
        let r = row.makeRandomAccess()
        func status(_ name: String) throws -> ReviewStatus { try PostgresSchema.status(r, name) }
        return ReviewRecord(
            path: try r["path"].decode(String.self), contentHash: try r["contentHash"].decode(String.self),
            reviewedHash: try r["reviewedHash"].decode(String?.self), status: try status("status"), note: try r["note"].decode(String.self),
            reviewer: try r["reviewer"].decode(String?.self), reviewedAt: try r["reviewedAt"].decode(Date?.self),
            updatedAt: try r["updatedAt"].decode(Date.self), agency: try r["agency"].decode(String?.self),
            year: try r["year"].decode(Int?.self), errors: try r["errors"].decode(Int.self), warnings: try r["warnings"].decode(Int.self),
            version: try r["version"].decode(Int.self), revision: try r["revision"].decode(Int.self),
            missing: try r["missing"].decode(Bool.self), noteBy: try r["noteBy"].decode(String?.self),
            noteAt: try r["noteAt"].decode(Date?.self))
    }

    static func ruling(_ row: PostgresRow) throws -> FindingRuling {
        let r = row.makeRandomAccess()
        let verdict = try r["verdict"].decode(String.self)
        return FindingRuling(
            id: Int64(try r["id"].decode(Int.self)), path: try r["path"].decode(String.self), finding: try r["finding"].decode(String.self),
            rule: try r["rule"].decode(String.self), message: try r["message"].decode(String.self),
            verdict: FindingRuling.Verdict(rawValue: verdict) ?? .open, reason: try r["reason"].decode(String.self),
            reviewer: try r["reviewer"].decode(String?.self), ruledAt: try r["ruledAt"].decode(Date.self))
    }

    static func decision(_ row: PostgresRow) throws -> DecisionRecord {
        let r = row.makeRandomAccess()
        func status(_ name: String) throws -> ReviewStatus { try PostgresSchema.status(r, name) }
        return DecisionRecord(
            id: Int64(try r["id"].decode(Int.self)), path: try r["path"].decode(String.self), status: try status("status"),
            previousStatus: try status("previousStatus"), reviewer: try r["reviewer"].decode(String?.self),
            decidedAt: try r["decidedAt"].decode(Date.self), isUndo: try r["isUndo"].decode(Bool.self),
            kind: DecisionRecord.Kind(rawValue: try r["kind"].decode(String.self)) ?? .decision, note: try r["note"].decode(String?.self))
    }
}
