import Foundation
import NianbaoCore

/// Reads a PDF report through poppler's `pdftotext -bbox` (Debian package poppler-utils):
/// every word with its box on its page. The words are laid out as lines of text (the raw
/// side, one line per printed line, a wide gap a tab), page numbers dropped, and handed to
/// the core with their boxes, so that the tables are read by position: a blank cell is a
/// column with no number in it, never a shift of the numbers after it.
public enum PDFReader {
    /// How long pdftotext may take over one file.
    public static let timeLimit = 15.0
    /// The most text pdftotext may write for one file (its XHTML, boxes and all): a
    /// 200-page report writes about 10 MB.
    public static let outputLimit = 24 * 1_048_576

    /// Reads the PDF whose bytes are given; pdftotext reads a copy of them in its own
    /// temporary folder, so the file's name (in whatever bytes) never reaches it.
    public static func document(bytes: [UInt8], path: String, timeLimit: Double = timeLimit) throws(ReadError) -> SourceDocument {
        let result: ExternalCommand.Result
        do {
            result = try ExternalCommand.run(
                ["pdftotext", "-bbox", "-enc", "UTF-8", ExternalCommand.inputFile, "-"], input: bytes, timeLimit: timeLimit,
                outputLimit: outputLimit)
        } catch {
            switch error {
            case .notFound:
                throw ReadError(path: path, reason: .unsupportedFormat("reading PDF files needs pdftotext (Debian package poppler-utils)"))
            case .timedOut(let seconds):
                throw ReadError(path: path, reason: .unsupportedFormat("pdftotext took longer than \(Int(seconds)) s over it"))
            case .outputTooLarge:
                throw ReadError(path: path, reason: .textTooLarge(limit: outputLimit))
            case .couldNotStart(let why):
                throw ReadError(path: path, reason: .unsupportedFormat("pdftotext could not be started (\(why))"))
            }
        }
        guard result.status == 0 else {
            let why = result.stderr.split(separator: "\n").first.map(String.init) ?? "exit \(result.status)"
            throw ReadError(path: path, reason: .unsupportedFormat("pdftotext could not read it: \(why)"))
        }
        let words = try self.words(fromBBox: result.stdout, path: path)
        let document = layout(words)
        if document.text.unicodeScalars.filter({ !$0.properties.isWhitespace }).count < 20 {
            throw ReadError(path: path, reason: .unsupportedFormat("the PDF has no text layer (a scanned document?)"))
        }
        return document
    }

    /// A word as pdftotext gives it: page and box, no place in the text yet.
    struct RawWord {
        let text: String
        let page: Int
        let x0, y0, x1, y1: Double
    }

    /// The words of `pdftotext -bbox` output (XHTML: `<page>` holding `<word xMin yMin xMax
    /// yMax>text</word>`), scanned as bytes: the output is regular, and a tree of a large
    /// one would cost far more memory than the words.
    static func words(fromBBox bytes: [UInt8], path: String) throws(ReadError) -> [RawWord] {
        var words: [RawWord] = []
        var page = 0
        var i = 0
        let count = bytes.count
        func starts(_ literal: StaticString, at index: Int) -> Bool {
            let n = literal.utf8CodeUnitCount
            guard index + n <= count else { return false }
            return literal.withUTF8Buffer { lit in (0..<n).allSatisfy { bytes[index + $0] == lit[$0] } }
        }
        while i < count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if starts("<page", at: i) { page += 1; i += 5; continue }
            guard starts("<word", at: i) else { i += 1; continue }
            guard let close = bytes[i...].firstIndex(of: UInt8(ascii: ">")) else { break }
            let tag = bytes[i..<close]
            guard let end = findEnd(bytes, from: close + 1) else { break }
            let box = ["xMin", "yMin", "xMax", "yMax"].map { attribute($0, in: tag) }
            if let x0 = box[0], let y0 = box[1], let x1 = box[2], let y1 = box[3], x1 >= x0, y1 >= y0 {
                let text = unescape(bytes[(close + 1)..<end]).collapsingSpaces
                if !text.isEmpty { words.append(RawWord(text: text, page: max(page, 1), x0: x0, y0: y0, x1: x1, y1: y1)) }
            }
            i = end + 7
        }
        return words
    }

    /// Where `</word>` starts, from `start` on.
    private static func findEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + 7 <= bytes.count {
            if bytes[i] == UInt8(ascii: "<"), bytes[i + 1] == UInt8(ascii: "/"), bytes[i + 2] == UInt8(ascii: "w") {
                return i
            }
            i += 1
        }
        return nil
    }

    /// A number attribute of a tag (`xMin="56.900000"`), if it is there and finite.
    private static func attribute(_ name: String, in tag: ArraySlice<UInt8>) -> Double? {
        let key = Array((name + "=\"").utf8)
        guard tag.count > key.count else { return nil }
        var i = tag.startIndex
        while i + key.count <= tag.endIndex {
            if tag[i] == key[0], Array(tag[i..<(i + key.count)]) == key {
                let start = i + key.count
                guard let end = tag[start...].firstIndex(of: UInt8(ascii: "\"")), end - start <= 32 else { return nil }
                guard let value = Double(String(decoding: tag[start..<end], as: UTF8.self)), value.isFinite else { return nil }
                return value
            }
            i += 1
        }
        return nil
    }

    /// The text of a word with XML's five entities and numeric references decoded.
    static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semi) <= 10 else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = rest[rest.index(after: amp)..<semi]
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                let digits = entity.dropFirst()
                let value = entity.hasPrefix("#x") ? UInt32(digits.dropFirst(), radix: 16) : entity.hasPrefix("#") ? UInt32(digits) : nil
                if let value, let scalar = Unicode.Scalar(value) { out.unicodeScalars.append(scalar) } else { out += "&\(entity);" }
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }

    /// The words as lines of text, each word placed where the text shows it. Words on one
    /// printed line are joined with nothing (touching), a space (a space's gap) or a tab (a
    /// wider gap, as between the cells of a table). Page-number lines are left out; an
    /// empty line marks a page break.
    static func layout(_ raw: [RawWord]) -> SourceDocument {
        let boxes = raw.map { PlacedWord(text: $0.text, location: SourceLocation(line: 0, column: 0), page: $0.page, x0: $0.x0, y0: $0.y0, x1: $0.x1, y1: $0.y1) }
        var lines: [String] = []
        var placed: [PlacedWord] = []
        var lastPage: Int?
        for group in PageLines.group(boxes) {
            let first = boxes[group[0]]
            if group.count == 1, isPageNumber(first.text) { continue }
            if let lastPage, lastPage != first.page { lines.append("") }
            lastPage = first.page
            var line = ""
            var column = 1
            var previous: PlacedWord?
            for index in group {
                let word = boxes[index]
                if let previous {
                    let height = max(min(previous.y1 - previous.y0, word.y1 - word.y0), 1)
                    let gap = word.x0 - previous.x1
                    let separator = gap < 0.2 * height ? "" : gap < 1.2 * height ? " " : "\t"
                    line += separator
                    column += separator.unicodeScalars.count
                }
                placed.append(PlacedWord(
                    text: word.text, location: SourceLocation(line: lines.count + 1, column: column), page: word.page,
                    x0: word.x0, y0: word.y0, x1: word.x1, y1: word.y1))
                line += word.text
                column += word.text.unicodeScalars.count
                previous = word
            }
            lines.append(line)
        }
        return SourceDocument(text: lines.joined(separator: "\n") + "\n", words: placed)
    }

    /// `-3-`, `— 3 —`, `3`, `第 3 页`: a page number printed between table rows.
    static func isPageNumber(_ field: String) -> Bool {
        let core = field.filter { !"-—－ 第页".contains($0) }
        return !core.isEmpty && core.allSatisfy(\.isNumber) && field != core
    }
}
