import NianbaoCore

/// The note editor: the text being written and where the caret is (in characters), with
/// the note as it was when opened, so that Ctrl-G can give the change up.
public struct NoteEditor: Sendable, Equatable {
    public var text: [Character]
    public var caret: Int
    /// The note before editing.
    public let original: String
    /// The entry the note belongs to.
    public let key: String
    /// The version of the record when opened: the note is written on it.
    public let version: Int?

    public init(_ text: String, key: String, version: Int? = nil) {
        self.text = Array(text)
        caret = self.text.count
        original = text
        self.key = key
        self.version = version
    }

    public var string: String { String(text) }

    mutating func insert(_ c: Character) {
        text.insert(c, at: caret)
        caret += 1
    }

    mutating func deleteBackward() {
        guard caret > 0 else { return }
        text.remove(at: caret - 1)
        caret -= 1
    }

    mutating func deleteForward() {
        guard caret < text.count else { return }
        text.remove(at: caret)
    }

    /// Where each visual line starts when the text is wrapped to `width` cells.
    func lineStarts(width: Int) -> [Int] {
        var starts = [0]
        var used = 0
        for (i, c) in text.enumerated() {
            if c == "\n" {
                starts.append(i + 1)
                used = 0
                continue
            }
            let w = DisplayWidth.of(String(c))
            if used + w > width, used > 0 {
                starts.append(i)
                used = 0
            }
            used += w
        }
        return starts
    }

    /// The visual line of the caret and its display column in it.
    func caretPlace(width: Int) -> (line: Int, column: Int) {
        let starts = lineStarts(width: width)
        let line = (starts.lastIndex { $0 <= caret }) ?? 0
        let column = DisplayWidth.of(String(text[starts[line]..<caret]))
        return (line, column)
    }

    /// Moves the caret one visual line up or down, keeping its display column where it can.
    mutating func moveVertically(_ delta: Int, width: Int) {
        let starts = lineStarts(width: width)
        let (line, column) = caretPlace(width: width)
        let target = line + delta
        guard starts.indices.contains(target) else {
            caret = delta < 0 ? 0 : text.count
            return
        }
        let end = target + 1 < starts.count ? starts[target + 1] : text.count
        var position = starts[target]
        var used = 0
        while position < end, text[position] != "\n" {
            let w = DisplayWidth.of(String(text[position]))
            if used + w > column { break }
            used += w
            position += 1
        }
        // A wrapped line ends where the next begins: the caret stays on this line.
        if position == end, target + 1 < starts.count, text.indices.contains(end - 1), text[end - 1] != "\n", end > starts[target] {
            position = end - 1
        }
        caret = position
    }

    /// Home and End: the start and end of the caret's visual line.
    mutating func moveToLineEdge(end: Bool, width: Int) {
        let starts = lineStarts(width: width)
        let (line, _) = caretPlace(width: width)
        if !end { caret = starts[line]; return }
        var position = line + 1 < starts.count ? starts[line + 1] : text.count
        if position > starts[line], position <= text.count, position - 1 < text.count, text[position - 1] == "\n" { position -= 1 }
        caret = position
    }
}
