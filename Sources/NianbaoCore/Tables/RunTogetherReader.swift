/// Tables whose cells ran together when a page was flattened to text
/// (`一、本年新收政府信息公开申请数量21710000218`).
///
/// A row's numbers are the digits between its label and the next row's. They are split
/// only where the split is certain: a row's own total (Table 2's 总计, each of Table 3's
/// group totals) is the only identity used, and only when exactly one split satisfies it;
/// a single-column row and a row with one digit per column need none. Every other row is
/// reported unreadable: a wrong number is much worse than a missing one.
enum RunTogetherReader {
    /// True when the region is a table flattened onto a line: no tabs, at most three
    /// non-empty lines, one of them long or holding a run of ten digits or more.
    static func fits(_ text: ReportText, _ range: Range<Int>) -> Bool {
        var lines = 0
        var long = false
        for index in range {
            let line = text.lines[index]
            if line.hasTab { return false }
            if Bytes.isBlank(line) { continue }
            lines += 1
            if lines > 3 { return false }
            if line.unicodeScalars.count > 60 || longestDigitRun(line) >= 10 { long = true }
        }
        return long
    }

    static func longestDigitRun(_ line: Substring) -> Int {
        var best = 0, run = 0
        for byte in line.utf8 {
            run = (48...57).contains(byte) ? run + 1 : 0
            best = max(best, run)
        }
        return best
    }

    /// The region without spaces, each letter with where it stands in the text.
    struct Flat {
        var letters: [Unicode.Scalar] = []
        var origins: [SourceLocation] = []

        init(_ text: ReportText, _ range: Range<Int>) {
            for index in range {
                var column = 1
                for s in text.lines[index].unicodeScalars {
                    if !Characters.isSpace(s) {
                        letters.append(Characters.halfWidth(s))
                        origins.append(SourceLocation(line: index + 1, column: column))
                    }
                    column += 1
                }
            }
        }

        func find(_ needle: String, from start: Int) -> Int? {
            let n = Array(needle.unicodeScalars.map(Characters.halfWidth))
            guard !n.isEmpty, letters.count >= n.count, start <= letters.count - n.count else { return nil }
            for i in start...(letters.count - n.count) where letters[i] == n[0] {
                if (0..<n.count).allSatisfy({ letters[i + $0] == n[$0] }) { return i }
            }
            return nil
        }
    }

    static func read(_ text: ReportText, region: Range<Int>, schema: TableSchema) -> ExtractedTable? {
        let flat = Flat(text, region)
        return schema.table == .t3 ? readTable3(flat, region: region, schema: schema) : readRows(flat, region: region, schema: schema)
    }

    // MARK: Tables 1 and 2

    static func readRows(_ flat: Flat, region: Range<Int>, schema: TableSchema) -> ExtractedTable? {
        let specs = schema.rows.enumerated().filter { !$0.element.isAlternative || schema.template == .format2019 }
        // Where each row's label is, in table order.
        var positions: [(index: Int, start: Int, end: Int)] = []
        var cursor = 0
        for (index, spec) in specs {
            let needles = spec.exact + spec.keys
            guard let found = needles.compactMap({ needle in flat.find(needle, from: cursor).map { ($0, $0 + needle.unicodeScalars.count) } })
                .min(by: { $0.0 < $1.0 }) else { continue }
            positions.append((index, found.0, found.1))
            cursor = found.1
        }
        guard !positions.isEmpty else { return nil }
        var rows: [ExtractedRow] = []
        var problems: [RowShapeProblem] = []
        for (k, position) in positions.enumerated() {
            let spec = schema.rows[position.index]
            let limit = k + 1 < positions.count ? positions[k + 1].start : flat.letters.count
            let nextNumber = k + 1 < positions.count ? leadingNumber(schema.rows[positions[k + 1].index].label) : nil
            let run = digits(flat, from: position.end, to: limit, nextNumber: nextNumber)
            let ids = schema.rowCellIDs[position.index]
            let labelLocation = flat.origins[position.start]
            let parts = run.map { split($0.text, columns: spec.columns.count, total: schema.table == .t2) } ?? []
            if let run, parts.count == 1 {
                var offset = run.start
                let cells = zip(ids, parts[0]).map { id, part -> Cell in
                    defer { offset += part.unicodeScalars.count }
                    let value = CellText.classify(part)
                    if case .number(let q) = value {
                        return Cell(id: id, value: .number(q), source: flat.origins[offset], provenance: .recovered)
                    }
                    return Cell(id: id, value: .blank, source: flat.origins[offset], provenance: .unplaced)
                }
                rows.append(ExtractedRow(spec: spec, label: spec.label, labelLocation: labelLocation, cells: cells))
            } else {
                let cells = ids.map { Cell(id: $0, value: .blank, source: labelLocation, provenance: .unplaced) }
                rows.append(ExtractedRow(spec: spec, label: spec.label, labelLocation: labelLocation, cells: cells))
                problems.append(RowShapeProblem(
                    table: schema.table, rowID: spec.id, cells: ids, expected: spec.columns.count, found: 0,
                    line: labelLocation.line, runTogether: run?.text ?? "", splits: parts.count))
            }
        }
        return ExtractedTable(schema: schema, rows: rows, region: region, shapeProblems: problems, labelVariants: [])
    }

    /// The numbering of a sub-item label ("2.其他法律…" → "2"), which a flattened page
    /// glues to the digits of the row before it.
    static func leadingNumber(_ label: String) -> String? {
        let digits = label.unicodeScalars.prefix { Characters.isDigit($0) }
        return digits.isEmpty ? nil : String(String.UnicodeScalarView(digits))
    }

    /// The digits (and decimal point) after a label, up to the next label; the next label's
    /// numbering ("2.") is not part of them.
    static func digits(_ flat: Flat, from start: Int, to limit: Int, nextNumber: String?) -> (text: String, start: Int)? {
        guard let first = (start..<limit).first(where: { Characters.isDigit(flat.letters[$0]) }) else { return nil }
        var end = first
        while end < limit, Characters.isDigit(flat.letters[end]) || flat.letters[end] == "." { end += 1 }
        var run = String(String.UnicodeScalarView(flat.letters[first..<end]))
        if let nextNumber, run.hasSuffix(nextNumber + ".") {
            run.removeLast(nextNumber.count + 1)
        } else if let nextNumber, end == limit, run.hasSuffix(nextNumber) {
            run.removeLast(nextNumber.count)
        }
        while run.hasSuffix(".") { run.removeLast() }
        return run.isEmpty ? nil : (run, first)
    }

    /// How many ways of splitting one run of digits are tried at most. The ways grow with
    /// the run's length to the power of its columns; past this many the run is reported
    /// unreadable (no split is certain), so that no input can make reading hang.
    static let splitBudget = 200_000

    /// Every way to split `digits` into `columns` numbers (no leading zeros) — with `total`,
    /// only those whose last number is the sum of the others. Stops at two: one is certain,
    /// two are not. Past `splitBudget` ways tried, none is taken.
    static func split(_ digits: String, columns: Int, total: Bool) -> [[String]] {
        let d = Array(digits)
        if columns == 1 { return [[digits]] }
        if d.contains(".") || !d.allSatisfy(\.isASCII) { return [] }
        if !total, d.count != columns { return [] }
        let values = d.map { Int($0.asciiValue! &- 48) }
        guard values.allSatisfy({ (0...9).contains($0) }) else { return [] }
        var found: [[Int]] = []  // the cut points of each split found
        var cuts: [Int] = [0]
        var tried = 0
        /// `sum`: of the parts chosen so far.
        func walk(_ at: Int, _ sum: Int) {
            tried += 1
            if found.count > 1 || tried > splitBudget { return }
            let remainingParts = columns - (cuts.count - 1)
            if remainingParts == 1 {
                let length = values.count - at
                guard length >= 1, length <= NumberReader.maxWholeDigits, length == 1 || values[at] != 0 else { return }
                if total {
                    let last = values[at...].reduce(0) { $0 * 10 + $1 }
                    guard last == sum else { return }
                }
                found.append(cuts + [values.count])
                return
            }
            guard values.count - at >= remainingParts else { return }
            // With a total, the parts so far cannot add up to more than the longest total
            // the digits left could still write.
            if total {
                let longest = min(values.count - at - (remainingParts - 1), NumberReader.maxWholeDigits)
                var bound = 1
                for _ in 0..<longest { bound = bound * 10 }
                if sum >= bound { return }
            }
            var value = 0
            for length in 1...min(NumberReader.maxWholeDigits, values.count - at - (remainingParts - 1)) {
                if length > 1, values[at] == 0 { break }
                value = value * 10 + values[at + length - 1]
                cuts.append(at + length)
                walk(at + length, sum + value)
                cuts.removeLast()
            }
        }
        walk(0, 0)
        guard tried <= splitBudget else { return [] }
        return found.map { points in zip(points, points.dropFirst()).map { String(d[$0..<$1]) } }
    }

    // MARK: Table 3

    static func readTable3(_ flat: Flat, region: Range<Int>, schema: TableSchema) -> ExtractedTable? {
        // The data are the longest run of digits under the header.
        var best: (start: Int, end: Int)?
        var i = 0
        while i < flat.letters.count {
            guard Characters.isDigit(flat.letters[i]) else { i += 1; continue }
            var j = i
            while j < flat.letters.count, Characters.isDigit(flat.letters[j]) { j += 1 }
            if j - i > (best.map { $0.end - $0.start } ?? 0) { best = (i, j) }
            i = j
        }
        guard let best, best.end - best.start >= 15 else { return nil }
        let digits = String(String.UnicodeScalarView(flat.letters[best.start..<best.end]))
        let groups = splitGroups(Array(digits), groups: schema.rows.count, columns: 5)
        var rows: [ExtractedRow] = []
        var problems: [RowShapeProblem] = []
        let origin = flat.origins[best.start]
        if groups.count == 1 {
            var offset = best.start
            for (g, spec) in schema.rows.enumerated() {
                let cells = zip(schema.rowCellIDs[g], groups[0][g]).map { id, part -> Cell in
                    defer { offset += part.count }
                    return Cell(id: id, value: .number(Quantity(Int(part)!)), source: flat.origins[offset], provenance: .recovered)
                }
                rows.append(ExtractedRow(spec: spec, label: spec.label, labelLocation: origin, cells: cells))
            }
        } else {
            for (g, spec) in schema.rows.enumerated() {
                rows.append(ExtractedRow(
                    spec: spec, label: spec.label, labelLocation: origin,
                    cells: schema.rowCellIDs[g].map { Cell(id: $0, value: .blank, source: origin, provenance: .unplaced) }))
            }
            problems.append(RowShapeProblem(
                table: .t3, rowID: "", cells: schema.rowCellIDs.flatMap { $0 }, expected: 15, found: 0, line: origin.line,
                runTogether: digits, splits: groups.count))
        }
        return ExtractedTable(schema: schema, rows: rows, region: region, shapeProblems: problems, labelVariants: [])
    }

    /// Splits of the digits into groups of `columns` numbers, each group's last the sum of its others.
    static func splitGroups(_ d: [Character], groups: Int, columns: Int) -> [[[String]]] {
        var found: [[[String]]] = []
        var chosen: [[String]] = []
        var tried = 0
        func walk(_ at: Int) {
            tried += 1
            if found.count > 1 || tried > splitBudget { return }
            if chosen.count == groups {
                if at == d.count { found.append(chosen) }
                return
            }
            for group in prefixes(d, from: at, columns: columns, tried: &tried) {
                chosen.append(group)
                walk(at + group.reduce(0) { $0 + $1.count })
                chosen.removeLast()
                if found.count > 1 { return }
            }
        }
        walk(0)
        return tried > splitBudget ? [] : found
    }

    /// Every group of `columns` numbers starting at `at` whose last is the sum of the others.
    static func prefixes(_ d: [Character], from at: Int, columns: Int, tried: inout Int) -> [[String]] {
        var out: [[String]] = []
        var parts: [String] = []
        var count = tried
        defer { tried = count }
        func walk(_ i: Int) {
            count += 1
            if count > splitBudget { return }
            if parts.count == columns {
                let sum = parts.dropLast().reduce(0) { $0 + Int($1)! }
                if Int(parts.last!) == sum { out.append(parts) }
                return
            }
            guard i < d.count else { return }
            for length in 1...min(9, d.count - i) {
                let part = String(d[i..<(i + length)])
                if length > 1, part.first == "0" { break }
                parts.append(part)
                walk(i + length)
                parts.removeLast()
            }
        }
        walk(at)
        return out
    }
}
