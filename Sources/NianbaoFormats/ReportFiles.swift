import NianbaoCore

/// Reads a report file of any supported kind, choosing the reader by the file's ending:
/// text (`.txt`, `.md`) goes straight to the core; web pages through `HTMLReader`, Word
/// files through `DOCXReader`. The
/// commands and the review screen read files through here.
public enum ReportFiles {
    /// The endings taken from a folder. Word and PDF files are taken too, so that each gets
    /// a clear message rather than being skipped in silence.
    public static let extensions: Set<String> = ["txt", "text", "md", "html", "htm", "pdf", "docx", "doc"]

    public static func read(path: String) throws(ReadError) -> Report {
        try read(bytes: ReportReader.readBytes(path), path: path)
    }

    /// Reads a file whose bytes are already in memory (the review screen hashes them first).
    public static func read(bytes: [UInt8], path: String) throws(ReadError) -> Report {
        try ReportReader.report(from: document(bytes: bytes, path: path), path: path)
    }

    /// What the file's reader makes of it: its text, and its tables' grids or its words'
    /// places where the format has them. The core does the rest.
    public static func document(bytes: [UInt8], path: String) throws(ReadError) -> SourceDocument {
        switch fileExtension(path) {
        case "html", "htm":
            return try HTMLReader.document(from: bytes, path: path)
        case "pdf":
            guard bytes.starts(with: Array("%PDF".utf8)) else {
                throw ReadError(path: path, reason: .unsupportedFormat("it is not a PDF file"))
            }
            return try PDFReader.document(bytes: bytes, path: path)
        case "docx":
            return try DOCXReader.document(from: bytes, path: path)
        case "doc":
            throw ReadError(path: path, reason: .unsupportedFormat("old Word .doc files are not read; save the report as .docx or text"))
        default:
            return SourceDocument(text: try TextDecoder.decode(bytes, path: path))
        }
    }

    static func fileExtension(_ path: String) -> String {
        guard let name = path.split(separator: "/").last, name.contains("."), let ext = name.split(separator: ".").last else { return "" }
        return ext.lowercased()
    }
}
