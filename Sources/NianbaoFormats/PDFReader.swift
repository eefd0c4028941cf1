import Foundation
internal import CLibXML2
import NianbaoCore

/// Reads a PDF report through poppler's `pdftotext -bbox` (Debian package poppler-utils):
/// every word with its box on its page. The words are laid out as lines of text (the raw
/// side, one line per printed line, a wide gap a tab), page numbers dropped, and handed to
/// the core with their boxes, so that the tables are read by position: a blank cell is a
/// column with no number in it, never a shift of the numbers after it.
public enum PDFReader {
    /// How long pdftotext may take over one file.
    public static let timeLimit = 15.0
    /// The most text pdftotext may write for one file (its XHTML, boxes and all).
    public static let outputLimit = 64 * 1_048_576

    public static func document(path: String) throws(ReadError) -> SourceDocument {
        let result: ExternalCommand.Result
        do {
            result = try ExternalCommand.run(
                ["pdftotext", "-bbox", "-enc", "UTF-8", path, "-"], timeLimit: timeLimit, outputLimit: outputLimit)
        } catch let failure as ExternalCommand.Failure {
            switch failure {
            case .notFound:
                throw ReadError(path: path, reason: .unsupportedFormat("reading PDF files needs pdftotext (Debian package poppler-utils)"))
            case .timedOut(let seconds):
                throw ReadError(path: path, reason: .unsupportedFormat("pdftotext took longer than \(Int(seconds)) s over it"))
            case .outputTooLarge:
                throw ReadError(path: path, reason: .textTooLarge(limit: outputLimit))
            case .couldNotStart(let why):
                throw ReadError(path: path, reason: .unsupportedFormat("pdftotext could not be started (\(why))"))
            }
        } catch {
            throw ReadError(path: path, reason: .unsupportedFormat("pdftotext could not be started (\(error))"))
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

    /// The words of `pdftotext -bbox` output (XHTML: `<page>` holding `<word xMin yMin xMax yMax>`).
    static func words(fromBBox bytes: [UInt8], path: String) throws(ReadError) -> [RawWord] {
        guard !bytes.isEmpty, bytes.count <= Int(Int32.max) else { return [] }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { raw in
            xmlReadMemory(UnsafeRawPointer(raw.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(raw.count), path, "UTF-8", options)
        }
        guard let parsed, let root = xmlDocGetRootElement(parsed) else {
            throw ReadError(path: path, reason: .unsupportedFormat("pdftotext gave no readable word boxes"))
        }
        defer { xmlFreeDoc(parsed) }
        var words: [RawWord] = []
        var page = 0
        MarkupNode(root).walk { node in
            guard node.isElement else { return .skip }
            if node.named("page") { page += 1; return .descend }
            guard node.named("word") else { return .descend }
            let box = ["xmin", "ymin", "xmax", "ymax"].map { node.attribute($0).flatMap(Double.init) }
            if let x0 = box[0], let y0 = box[1], let x1 = box[2], let y1 = box[3], x0.isFinite, y0.isFinite, x1.isFinite, y1.isFinite,
               x1 >= x0, y1 >= y0 {
                let text = node.textContent.collapsingSpaces
                if !text.isEmpty { words.append(RawWord(text: text, page: max(page, 1), x0: x0, y0: y0, x1: x1, y1: y1)) }
            }
            return .skip
        }
        return words
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
