/// Reads the rows of a PDF table from the positions of its words, never from how many
/// numbers a line holds.
///
/// - Columns: the numbers of a run of rows under one header line up; each column is the
///   set of numbers (and header words) standing at one x position, so a blank cell is a
///   column with nothing in it on that row, not a shift of the numbers after it.
/// - Labels: words left of the numbers. A line of a label wrapped over several lines
///   continues the label above it when it starts where that one starts (or is centred
///   where it is centred), follows it closely, does not start with a number of its own
///   (一、 （二） 3.) and the label above it filled its cell to the edge. A narrow group
///   label (三、本年度办理结果) that lands on a sub-item's line is kept apart from it by x:
///   the sub-item starts at an x where numbered labels start.
/// - Rows: a label with no other label to its right (the most specific one) makes a row,
///   as tall as all its lines; the numbers whose middle lies in that height are its
///   values. So a 总计 printed at the top of a tall row and the other numbers in its
///   middle belong to the same row, and so do the numbers beside a label's last fragment.
enum PositionLayout {
    /// The rows of the words on the lines of `range` (0-based), in the order they stand.
    static func rows(_ words: [PlacedWord]) -> [LogicalRow] {
        let items = words.map(Item.init).filter { !$0.text.isEmpty }
        guard !items.isEmpty else { return [] }
        let values = items.filter(\.isValue)
        guard let dataLeft = values.map(\.box.x0).min() else {
            // No numbers: the lines as they stand, one label per line.
            return visualLines(items).map { LogicalRow(cells: $0.map(\.cell)) }
        }
        let lineHeight = median(items.map(\.box.height))
        // Row labels stand left of the numbers on the rows' own lines; words further right
        // are headings, even over a column no row fills (its heading may stand left of
        // every number). A table without row labels (Table 3) is all headings.
        let valueLines = visualLines(values)
        let words = items.filter { !$0.isValue }
        let labelRight = words.reduce(-Double.infinity) { right, word in
            let beside = valueLines.contains { line in
                verticalOverlap(line[0].box, word.box) >= 0.5 && word.box.x1 <= line.map(\.box.x0).min()! + 0.5
            }
            return beside ? max(right, word.box.x1) : right
        }
        let labels = words.filter { $0.box.centerX < labelRight + 0.5 }
        let headers = words.filter { $0.box.centerX >= labelRight + 0.5 }
        let segments = Segments(valueLines: valueLines, headers: headers)
        let labelCells = LabelCells(labels, valueLines: valueLines, segments: segments, dataLeft: dataLeft, lineHeight: lineHeight)
        return RowAssembly(
            leaves: labelCells.leaves, values: values, headers: headers, segments: segments, lineHeight: lineHeight
        ).rows
    }

    /// A word with what the layout needs of it.
    struct Item {
        let text: String
        let location: SourceLocation
        let box: PlacedWord
        let isValue: Bool
        /// Starts with a number of its own (一、 （二） 3.), and is nothing more.
        let startsWithNumbering: Bool
        let isBareNumbering: Bool

        init(_ word: PlacedWord) {
            text = String(word.text.trimmedSpaces)
            location = word.location
            box = word
            switch CellText.classify(text) {
            case .number, .blankMarker, .tooLarge: isValue = true
            case .empty, .label: isValue = false
            }
            let rest = isValue ? Substring(text) : LabelText.stripNumbering(text)
            startsWithNumbering = rest.unicodeScalars.count < text.unicodeScalars.count
            isBareNumbering = startsWithNumbering && rest.isEmpty
        }

        var cell: RawCell { RawCell(text: Substring(text), location: location) }
    }

    static func median(_ xs: [Double]) -> Double {
        guard !xs.isEmpty else { return 12 }
        let sorted = xs.sorted()
        return sorted[sorted.count / 2]
    }

    /// How much two boxes overlap vertically, as a share of the lower of the two (0 on other pages).
    static func verticalOverlap(_ a: PlacedWord, _ b: PlacedWord) -> Double {
        guard a.page == b.page else { return 0 }
        let overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
        let base = min(a.height, b.height)
        return base > 0 ? max(overlap, 0) / base : 0
    }

    /// Words grouped into the lines they print on, top to bottom (see `PageLines`).
    static func visualLines(_ items: [Item]) -> [[Item]] {
        PageLines.group(items.map(\.box)).map { $0.map { items[$0] } }
    }
}

extension PositionLayout {
    /// Runs of rows under one header: a line of header words after numbers starts a new
    /// run (Table 1's four small tables), and each run has its own columns.
    struct Segments {
        /// Where each run starts: page and top.
        private var starts: [(page: Int, y: Double)] = []
        /// The columns of each run, left to right, as x ranges.
        private(set) var columns: [[ClosedRange<Double>]] = []
        /// Columns of each run under whose heading numbers line up in two ways (two groups of
        /// numbers under one heading): which group is the column cannot be told.
        private(set) var ambiguous: [Set<Int>] = []

        init(valueLines: [[Item]], headers: [Item]) {
            let headerLines = PositionLayout.visualLines(headers).filter { line in
                // Text standing among a row's numbers is a cell ("无"), not a header.
                !valueLines.contains { PositionLayout.verticalOverlap($0[0].box, line[0].box) >= 0.5 }
            }
            enum Event { case values([Item]), header([Item]) }
            var events = valueLines.map(Event.values) + headerLines.map(Event.header)
            func key(_ e: Event) -> (Int, Double) {
                switch e {
                case .values(let l), .header(let l): (l[0].box.page, l.map(\.box.y0).min()!)
                }
            }
            events.sort { key($0) < key($1) }
            var runValues: [[Item]] = [[]], runHeaders: [[Item]] = [[]]
            starts = [(events.first.map { key($0).0 } ?? 1, -.infinity)]
            var sawValues = false
            for event in events {
                switch event {
                case .values(let line):
                    runValues[runValues.count - 1] += line
                    sawValues = true
                case .header(let line):
                    if sawValues {
                        let (page, y) = key(event)
                        starts.append((page, y))
                        runValues.append([])
                        runHeaders.append([])
                        sawValues = false
                    }
                    runHeaders[runHeaders.count - 1] += line
                }
            }
            let found = zip(runValues, runHeaders).map { Self.columns(values: $0, headers: $1) }
            columns = found.map(\.ranges)
            ambiguous = found.map(\.ambiguous)
        }

        /// The run a box belongs to.
        func segment(of box: PlacedWord) -> Int {
            var index = 0
            for (i, start) in starts.enumerated() where (start.page, start.y) <= (box.page, box.y0 + 0.5) { index = i }
            return index
        }

        /// The column of a run a value stands in.
        func column(of box: PlacedWord, segment: Int) -> Int? {
            columns[segment].firstIndex { $0.contains(box.centerX) }
        }

        /// The columns of a run. Each heading of a single column (a heading over two or more
        /// others, such as 法人或其他组织, heads a group and is left out) is a column; a column
        /// reaches half way to its neighbours' middles, since the headings stand centred in
        /// their cells while the numbers may be centred, left or right in them. The numbers
        /// are grouped by how they line up (centre, left or right edge); when two groups of
        /// numbers fall under one heading, or there is no heading, the groups of numbers are
        /// the columns, with the headings over none of them as columns left blank.
        static func columns(values: [Item], headers: [Item]) -> (ranges: [ClosedRange<Double>], ambiguous: Set<Int>) {
            var clusters: [Cluster] = []
            for item in values.sorted(by: { $0.box.centerX < $1.box.centerX }) {
                if let index = clusters.firstIndex(where: { $0.aligns(with: item.box) }) {
                    clusters[index].add(item.box)
                } else {
                    clusters.append(Cluster(item.box))
                }
            }
            let leaves = headingPositions(headers)
            guard !leaves.isEmpty else { return (spans(around: clusters.map(\.center).sorted()), []) }
            let ranges = spans(around: leaves)
            let homes = clusters.compactMap { cluster in ranges.firstIndex { $0.contains(cluster.center) } }
            let shared = Set(homes.filter { home in homes.filter { $0 == home }.count > 1 })
            return (ranges, shared)
        }

        /// The middles of the headings of single columns, left to right (fragments of one
        /// heading, such as 自然 over 人, stand at one middle).
        static func headingPositions(_ headers: [Item]) -> [Double] {
            func positions(_ xs: [Double]) -> [Double] {
                var out: [Double] = []
                for x in xs.sorted() where out.last.map({ x - $0 > 3 }) ?? true { out.append(x) }
                return out
            }
            // A group heading holds the middles of narrower headings at two or more places
            // (its own middle counted: 第二十条第（一）项 over 本年制发件数).
            let leaves = headers.filter { heading in
                let width = heading.box.x1 - heading.box.x0
                let inside = headers.filter { other in
                    other.box.x1 - other.box.x0 < width - 1 && other.box.centerX > heading.box.x0 + 0.5
                        && other.box.centerX < heading.box.x1 - 0.5
                }
                return positions(inside.map(\.box.centerX) + [heading.box.centerX]).count < 2
            }
            return positions(leaves.map(\.box.centerX))
        }

        /// Ranges that meet half way between neighbouring middles, the outer ones open.
        static func spans(around middles: [Double]) -> [ClosedRange<Double>] {
            middles.enumerated().map { i, middle in
                let low = i == 0 ? -Double.infinity : (middles[i - 1] + middle) / 2
                let high = i == middles.count - 1 ? Double.infinity : (middle + middles[i + 1]) / 2
                return low...high
            }
        }
    }

    /// The boxes of one column.
    struct Cluster {
        var x0s: [Double] = [], x1s: [Double] = []
        var range: ClosedRange<Double>

        init(_ box: PlacedWord) {
            x0s = [box.x0]
            x1s = [box.x1]
            range = box.x0...box.x1
        }

        mutating func add(_ box: PlacedWord) {
            x0s.append(box.x0)
            x1s.append(box.x1)
            range = min(range.lowerBound, box.x0)...max(range.upperBound, box.x1)
        }

        /// Centred, left- or right-aligned with the first box of the column.
        func aligns(with box: PlacedWord) -> Bool {
            let tolerance = 1.5
            let center = (x0s[0] + x1s[0]) / 2
            return abs(box.centerX - center) <= tolerance || abs(box.x0 - x0s[0]) <= tolerance
                || abs(box.x1 - x1s[0]) <= tolerance
        }

        /// The middle of the column's numbers.
        var center: Double {
            let middles = zip(x0s, x1s).map { ($0 + $1) / 2 }.sorted()
            return middles[middles.count / 2]
        }
    }
}

extension PositionLayout {
    /// A label as its cell holds it: one or more pieces, joined.
    struct LabelCell {
        private(set) var pieces: [Piece]
        private(set) var top: Double, bottom: Double, x0: Double, x1: Double

        init(pieces: [Piece]) {
            self.pieces = pieces
            let box = pieces[0].box
            (top, bottom, x0, x1) = (box.y0, box.y1, box.x0, box.x1)
            for piece in pieces.dropFirst() { extend(piece.box) }
        }

        mutating func append(_ piece: Piece) {
            pieces.append(piece)
            extend(piece.box)
        }

        private mutating func extend(_ box: PlacedWord) {
            top = min(top, box.y0); bottom = max(bottom, box.y1); x0 = min(x0, box.x0); x1 = max(x1, box.x1)
        }

        var text: String { pieces.map(\.text).joined() }
        var first: Piece { pieces[0] }
        var last: Piece { pieces[pieces.count - 1] }
        var page: Int { first.box.page }
        /// The columns of the numbers printed on the lines of its pieces.
        var valueColumns: Set<Int> = []
        var hasHeaderWords = false
    }

    /// Words of one line that belong to one cell, joined.
    struct Piece {
        private(set) var items: [Item]
        /// The box of its words together (its text left out: not needed for placing).
        private(set) var box: PlacedWord

        init(items: [Item]) {
            self.items = items
            let first = items[0].box
            box = PlacedWord(
                text: "", location: first.location, page: first.page, x0: items.map(\.box.x0).min()!,
                y0: items.map(\.box.y0).min()!, x1: items.map(\.box.x1).max()!, y1: items.map(\.box.y1).max()!)
        }

        mutating func append(_ item: Item) {
            items.append(item)
            box = PlacedWord(
                text: "", location: box.location, page: box.page, x0: min(box.x0, item.box.x0), y0: min(box.y0, item.box.y0),
                x1: max(box.x1, item.box.x1), y1: max(box.y1, item.box.y1))
        }

        var text: String { items.map(\.text).joined() }
        var startsWithNumbering: Bool { items[0].startsWithNumbering }
        /// Only a number such as `1.` or `（三）`, its text following in the next word.
        var isBareNumbering: Bool { items.count == 1 && items[0].isBareNumbering }
    }

    /// The label cells of a table and which of them are the most specific of their row.
    struct LabelCells {
        private(set) var cells: [LabelCell] = []

        init(_ labels: [Item], valueLines: [[Item]], segments: Segments, dataLeft: Double, lineHeight: Double) {
            // Where numbered labels start: a word starting at one of these begins a cell.
            let edges = labels.filter(\.startsWithNumbering).map(\.box.x0).sorted()
            func isEdge(_ x: Double) -> Bool {
                let from = edges.partitionPoint { $0 < x - 1.5 }
                return from + 1 < edges.count && edges[from + 1] <= x + 1.5
            }
            var pieces: [Piece] = []
            for line in PositionLayout.visualLines(labels) {
                var current: Piece?
                for item in line {
                    if var piece = current {
                        let gap = item.box.x0 - piece.box.x1
                        let splits = item.startsWithNumbering || gap > 1.2 * lineHeight
                            || (isEdge(item.box.x0) && !piece.isBareNumbering)
                        if !splits {
                            piece.append(item)
                            current = piece
                            continue
                        }
                        pieces.append(piece)
                    }
                    current = Piece(items: [item])
                }
                if let current { pieces.append(current) }
            }
            func valueColumns(of piece: Piece) -> Set<Int> {
                var columns = Set<Int>()
                for line in valueLines where PositionLayout.verticalOverlap(line[0].box, piece.box) >= 0.5 {
                    for item in line {
                        let segment = segments.segment(of: item.box)
                        if let column = segments.column(of: item.box, segment: segment) { columns.insert(segment * 1000 + column) }
                    }
                }
                return columns
            }
            // The right end a full line of a cell reaches: the next place a numbered label
            // starts, or the first column of numbers.
            let starts = Set(edges.map { ($0 * 2).rounded() / 2 }).sorted()
            func rightLimit(after x: Double) -> Double { starts.first { $0 > x + 1.5 } ?? dataLeft }
            for piece in pieces.sorted(by: { ($0.box.page, $0.box.y0) < ($1.box.page, $1.box.y0) }) {
                let columns = valueColumns(of: piece)
                let box = piece.box
                let continued = piece.startsWithNumbering ? nil : cells.indices.last { index in
                    let above = cells[index]
                    let last = above.last.box
                    guard above.page == box.page else { return false }
                    let gap = box.y0 - last.y1
                    let aligned = abs(above.first.box.x0 - box.x0) <= 2 || abs(above.first.box.centerX - box.centerX) <= 2
                    let filled = rightLimit(after: last.x1 - 0.1) - last.x1 <= 2.5 * lineHeight
                    return aligned && filled && gap > -0.3 * lineHeight && gap < 1.2 * lineHeight
                        && above.valueColumns.isDisjoint(with: columns)
                }
                if let index = continued {
                    cells[index].append(piece)
                    cells[index].valueColumns.formUnion(columns)
                } else {
                    var cell = LabelCell(pieces: [piece])
                    cell.valueColumns = columns
                    cells.append(cell)
                }
            }
        }

        /// Labels with no other label to their right on any of their lines: one per row.
        var leaves: [LabelCell] {
            cells.filter { cell in
                !cells.contains { other in
                    other.page == cell.page && other.x0 >= cell.x1 - 2
                        && min(other.bottom, cell.bottom) - max(other.top, cell.top) > 0.5
                }
            }
        }
    }
}

extension PositionLayout {
    /// Rows made from the leaf labels and the numbers and header words beside them.
    struct RowAssembly {
        private(set) var rows: [LogicalRow] = []

        init(leaves: [LabelCell], values: [Item], headers: [Item], segments: Segments, lineHeight: Double) {
            var members = [[Item]](repeating: [], count: leaves.count)
            var loose: [Item] = []
            for item in values + headers {
                let box = item.box
                let containing = leaves.indices.filter { i in
                    leaves[i].page == box.page && leaves[i].top - 0.5 <= box.centerY && box.centerY <= leaves[i].bottom + 0.5
                }
                if let best = containing.max(by: { Self.overlap(leaves[$0], box) < Self.overlap(leaves[$1], box) }) {
                    members[best].append(item)
                    continue
                }
                let near = leaves.indices.filter { leaves[$0].page == box.page }.min { Self.distance(leaves[$0], box) < Self.distance(leaves[$1], box) }
                if item.isValue, let near, Self.distance(leaves[near], box) <= 0.6 * lineHeight {
                    members[near].append(item)
                } else {
                    loose.append(item)
                }
            }
            var placed: [(page: Int, y: Double, row: LogicalRow)] = []
            for (leaf, items) in zip(leaves, members) {
                let label = RawCell(text: Substring(leaf.text), location: leaf.first.items[0].location)
                placed.append((leaf.page, leaf.top, Self.row(label: label, items: items, segments: segments)))
            }
            for line in PositionLayout.visualLines(loose) {
                placed.append((line[0].box.page, line.map(\.box.y0).min()!, Self.row(label: nil, items: line, segments: segments)))
            }
            rows = placed.sorted { ($0.page, $0.y) < ($1.page, $1.y) }.map(\.row)
        }

        static func overlap(_ leaf: LabelCell, _ box: PlacedWord) -> Double {
            min(leaf.bottom, box.y1) - max(leaf.top, box.y0)
        }

        static func distance(_ leaf: LabelCell, _ box: PlacedWord) -> Double {
            box.centerY < leaf.top ? leaf.top - box.centerY : max(box.centerY - leaf.bottom, 0)
        }

        /// A row: its label, then one field per column of its run, empty where no word stands.
        /// A number wrapped in its narrow cell ("2754" over "2") is one number. When the
        /// numbers cannot be put one to a column (two side by side under one heading, or
        /// numbers of another run), the row is marked so: its values are not placed.
        static func row(label: RawCell?, items: [Item], segments: Segments) -> LogicalRow {
            let values = items.filter(\.isValue)
            let anchor = (values.first ?? items.first).map { segments.segment(of: $0.box) } ?? 0
            let columns = segments.columns[anchor]
            var slots = [[Item]](repeating: [], count: columns.count)
            var fits = !columns.isEmpty
            for item in items {
                guard !item.isValue || segments.segment(of: item.box) == anchor,
                      let column = segments.column(of: item.box, segment: anchor) else {
                    fits = false
                    continue
                }
                slots[column].append(item)
            }
            for (column, slot) in slots.enumerated() where slot.contains(where: \.isValue) {
                if !isWrapped(slot) || segments.ambiguous[anchor].contains(column) { fits = false }
            }
            var cells: [RawCell] = label.map { [$0] } ?? []
            if values.isEmpty, items.isEmpty {
                // A label with nothing beside it: a row left blank, one empty field per column.
                let location = label?.location ?? SourceLocation(line: 1, column: 1)
                cells += columns.map { _ in RawCell(text: "", location: location) }
                return LogicalRow(cells: cells)
            }
            if values.isEmpty {
                // A header line: its words, those of one column joined ("自然" "人").
                cells += slots.filter { !$0.isEmpty }.map { joined($0.sorted { $0.box.y0 < $1.box.y0 }) }
                return LogicalRow(cells: cells)
            }
            guard fits else {
                cells += values.sorted { ($0.box.x0, $0.box.y0) < ($1.box.x0, $1.box.y0) }.map(\.cell)
                var row = LogicalRow(cells: cells)
                row.unplaceable = true
                return row
            }
            let fallback = label?.location ?? values[0].location
            for slot in slots {
                cells.append(slot.isEmpty ? RawCell(text: "", location: fallback) : joined(slot.sorted { $0.box.y0 < $1.box.y0 }))
            }
            return LogicalRow(cells: cells)
        }

        /// True when the words of one cell are one number: alone, or its digits wrapped over
        /// lines one below the other.
        static func isWrapped(_ slot: [Item]) -> Bool {
            guard slot.count > 1 else { return true }
            guard slot.allSatisfy(\.isValue) else { return false }
            let stacked = slot.sorted { $0.box.y0 < $1.box.y0 }
            return zip(stacked, stacked.dropFirst()).allSatisfy { above, below in
                below.box.y0 >= above.box.y1 - 0.3 * above.box.height && below.box.y0 - above.box.y1 < 0.6 * above.box.height
                    && CellText.classify(above.text) != .blankMarker && CellText.classify(below.text) != .blankMarker
            }
        }

        static func joined(_ items: [Item]) -> RawCell {
            RawCell(text: Substring(items.map(\.text).joined()), location: items[0].location)
        }
    }
}
