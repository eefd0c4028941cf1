/// Groups the words of PDF pages into the lines they print on: two words are on one line
/// when they share at least half the height of the lower of them. A 总计 printed at the
/// top of a tall table row and the numbers in its middle are then on different lines,
/// as they are on the page; the table reader puts them back in one row by the label.
public enum PageLines {
    /// Indices of `words`, one array per line, lines top to bottom and page by page, the
    /// words of a line left to right.
    public static func group(_ words: [PlacedWord]) -> [[Int]] {
        let order = words.indices.sorted { a, b in
            (words[a].page, words[a].y0, words[a].x0) < (words[b].page, words[b].y0, words[b].x0)
        }
        var lines: [[Int]] = []
        // The lines still open on the current page, by the box of their first word.
        var open: [Int] = []
        for index in order {
            let word = words[index]
            if let last = lines.last, words[last[0]].page != word.page { open = [] }
            // Lines whose first word lies wholly above this word are finished.
            open.removeAll { words[lines[$0][0]].y1 < word.y0 }
            if let line = open.last(where: { shareHeight(words[lines[$0][0]], word) }) {
                lines[line].append(index)
            } else {
                lines.append([index])
                open.append(lines.count - 1)
            }
        }
        return lines.map { line in line.sorted { words[$0].x0 < words[$1].x0 } }
    }

    /// True when the two boxes share at least half the height of the lower one.
    public static func shareHeight(_ a: PlacedWord, _ b: PlacedWord) -> Bool {
        guard a.page == b.page else { return false }
        let overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
        let base = min(a.y1 - a.y0, b.y1 - b.y0)
        return base > 0 && overlap >= 0.5 * base
    }
}
