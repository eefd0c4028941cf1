import NianbaoCore

/// Numbers for every cell of a report's tables that satisfy all the sum rules, with real
/// non-zero values, so that a test can break exactly the sum it means to break.
public enum ConsistentNumbers {
    public static func make(for report: Report, using rng: inout RandomNumbers) -> [CellID: CellValue] {
        var values: [CellID: CellValue] = [:]
        if let t1 = report.tables[.t1] {
            for row in t1.rows {
                for (column, cell) in zip(row.spec.columns, row.cells) {
                    switch column.kind {
                    case .count: values[cell.id] = .number(Quantity(rng.count()))
                    case .signedCount: values[cell.id] = .number(Quantity(Int.random(in: -3...3, using: &rng)))
                    case .amount: values[cell.id] = .number(Quantity(micros: Int64(Int.random(in: 0...99_999, using: &rng)) * 10_000))
                    }
                }
            }
        }
        if let t2 = report.tables[.t2] {
            let columns = TableSchema.table2Columns.map(\.id).dropLast()
            var rows: [String: [Int]] = [:]
            for row in t2.rows where row.spec.isOutcome { rows[row.spec.id] = columns.map { _ in rng.count() } }
            let resultTotal = columns.indices.map { i in rows.values.reduce(0) { $0 + $1[i] } }
            let carryForward = columns.map { _ in rng.count() }
            let carried = columns.indices.map { i in Int.random(in: 0...(resultTotal[i] + carryForward[i]), using: &rng) }
            rows["resultTotal"] = resultTotal
            rows["carryForward"] = carryForward
            rows["carried"] = carried
            rows["new"] = columns.indices.map { i in resultTotal[i] + carryForward[i] - carried[i] }
            for row in t2.rows {
                guard let numbers = rows[row.spec.id] else { continue }
                for (index, cell) in row.cells.enumerated() {
                    let n = index < numbers.count ? numbers[index] : numbers.reduce(0, +)
                    values[cell.id] = .number(Quantity(n))
                }
            }
        }
        if let t3 = report.tables[.t3] {
            for row in t3.rows {
                let parts = (0..<4).map { _ in rng.count() }
                for (index, cell) in row.cells.enumerated() {
                    values[cell.id] = .number(Quantity(index < 4 ? parts[index] : parts.reduce(0, +)))
                }
            }
        }
        return values
    }
}
