import GRDB

/// The schema, as named steps that are never edited once shipped: a new need is a new step.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: reviews and decision history") { db in
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
        return migrator
    }
}
