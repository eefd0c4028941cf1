import GRDB

/// The schema, as named steps that are never edited once shipped: a new need is a new step.
/// Both engines run the same steps under the same names (PostgreSQL's in `PostgresSchema`).
enum Migrations {
    static let v1 = "v1: reviews and decision history"
    static let v2 = "v2: versions, live changes, missing files, note history"
    static let v3 = "v3: rulings on findings"
    static let all = [v1, v2, v3]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(v1) { db in
            try db.create(table: "review") { t in
                t.primaryKey("path", .text)
                t.column("contentHash", .text).notNull()
                t.column("reviewedHash", .text)
                t.column("status", .text).notNull().defaults(to: ReviewStatus.unreviewed.rawValue)
                t.column("note", .text).notNull().defaults(to: "")
                t.column("reviewer", .text)
                t.column("reviewedAt", .datetime)
                t.column("updatedAt", .datetime).notNull()
                t.column("agency", .text)
                t.column("year", .integer)
                t.column("errors", .integer).notNull().defaults(to: 0)
                t.column("warnings", .integer).notNull().defaults(to: 0)
            }
            try db.create(table: "decision") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("path", .text).notNull().indexed().references("review", column: "path", onDelete: .cascade)
                t.column("status", .text).notNull()
                t.column("previousStatus", .text).notNull()
                t.column("reviewer", .text)
                t.column("decidedAt", .datetime).notNull()
                t.column("isUndo", .boolean).notNull().defaults(to: false)
            }
        }
        migrator.registerMigration(v2) { db in
            try db.alter(table: "review") { t in
                t.add(column: "version", .integer).notNull().defaults(to: 0)
                t.add(column: "revision", .integer).notNull().defaults(to: 0)
                t.add(column: "missing", .boolean).notNull().defaults(to: false)
                t.add(column: "noteBy", .text)
                t.add(column: "noteAt", .datetime)
            }
            try db.create(index: "review_on_revision", on: "review", columns: ["revision"])
            try db.alter(table: "decision") { t in
                t.add(column: "kind", .text).notNull().defaults(to: DecisionRecord.Kind.decision.rawValue)
                t.add(column: "note", .text)
            }
            try db.create(table: "meta") { t in
                t.primaryKey("key", .text)
                t.column("value", .integer).notNull()
            }
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('revision', 0)")
        }
        migrator.registerMigration(v3) { db in
            try db.create(table: "ruling") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("path", .text).notNull().references("review", column: "path", onDelete: .cascade)
                t.column("finding", .text).notNull()
                t.column("rule", .text).notNull()
                t.column("message", .text).notNull()
                t.column("verdict", .text).notNull()
                t.column("reason", .text).notNull().defaults(to: "")
                t.column("reviewer", .text)
                t.column("ruledAt", .datetime).notNull()
            }
            try db.create(index: "ruling_on_finding", on: "ruling", columns: ["path", "finding"])
        }
        return migrator
    }
}
