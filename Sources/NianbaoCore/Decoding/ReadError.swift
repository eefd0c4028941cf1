/// Why a file could not be read as a report. Every case names the file, so that a batch
/// over a folder can report the one bad file and go on with the others.
public struct ReadError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        case unreadable(String)
        case empty
        case tooLarge(bytes: Int, limit: Int)
        /// The file is within the limit, but what it expands to (a zip's member, a page's text) is not.
        case textTooLarge(limit: Int)
        case binary
        case unknownEncoding
        case notAReport
        case unsupportedFormat(String)
    }

    public let path: String
    public let reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): cannot read this file: \(explanation)" }

    /// The problem in words a reviewer understands.
    public var explanation: String {
        switch reason {
        case .unreadable(let why): "it could not be opened (\(why))"
        case .empty: "the file is empty"
        case .tooLarge(let bytes, let limit):
            "it is \(megabytes(bytes)) MB, more than the \(megabytes(limit)) MB an annual report can be"
        case .textTooLarge(let limit): "what it holds expands to more than the \(megabytes(limit)) MB an annual report can be"
        case .binary: "it is a binary file, not text"
        case .unknownEncoding: "the text is not UTF-8, UTF-16 or GB18030/GBK"
        case .notAReport: "no annual report found: none of the six sections and none of the three tables"
        case .unsupportedFormat(let what): what
        }
    }

    /// The problem in Chinese, as the review screen and `check` say it by default.
    public var chineseExplanation: String {
        switch reason {
        case .unreadable(let why): "无法打开（\(Self.chinese(why))）"
        case .empty: "文件是空的"
        case .tooLarge(let bytes, let limit): "文件有 \(megabytes(bytes)) MB，超过年度报告可能的 \(megabytes(limit)) MB"
        case .textTooLarge(let limit): "内容展开后超过年度报告可能的 \(megabytes(limit)) MB"
        case .binary: "是二进制文件，不是文本"
        case .unknownEncoding: "文本不是 UTF-8、UTF-16 或 GB18030/GBK 编码"
        case .notAReport: "找不到年度报告：六个部分和三张表格都没有"
        case .unsupportedFormat(let what): Self.chinese(what)
        }
    }

    public var chineseDescription: String { "\(path)：无法读取此文件：\(chineseExplanation)" }

    /// The readers' own words for a problem, in Chinese; a detail from the system or a tool
    /// (an errno text, pdftotext's message) is kept as it is, in brackets.
    static func chinese(_ english: String) -> String {
        let fixed: [String: String] = [
            "a FIFO, not a regular file": "是命名管道（FIFO），不是普通文件",
            "not a regular file": "不是普通文件",
            "it is a folder": "是文件夹",
            "the HTML could not be parsed": "网页无法解析",
            "the HTML page has no content": "网页没有正文",
            "it is an old Word .doc file; save it as .docx or text": "是旧版 Word .doc 文件，请另存为 .docx 或文本",
            "old Word .doc files are not read; save the report as .docx or text": "不读取旧版 Word .doc 文件，请将报告另存为 .docx 或文本",
            "it is damaged: word/document.xml could not be parsed": "文件已损坏：word/document.xml 无法解析",
            "it is damaged: word/document.xml has no body": "文件已损坏：word/document.xml 没有正文",
            "it is not a PDF file": "不是 PDF 文件",
            "reading PDF files needs pdftotext (Debian package poppler-utils)": "读取 PDF 需要 pdftotext（Debian 软件包 poppler-utils）",
            "the PDF has no text layer (a scanned document?)": "PDF 没有文字层（扫描件？）",
        ]
        if let text = fixed[english] { return text }
        let framed: [(prefix: String, chinese: String)] = [
            ("pdftotext took longer than ", "pdftotext 用时超过 "), ("pdftotext could not be started ", "pdftotext 无法启动 "),
            ("pdftotext could not read it: ", "pdftotext 无法读取："), ("the reader stopped ", "读取进程中止 "),
            ("it is a damaged Word file: ", "Word 文件已损坏："),
        ]
        for (prefix, chinese) in framed where english.hasPrefix(prefix) {
            return chinese + english.dropFirst(prefix.count).replacingOccurrences(of: " s over it", with: " 秒")
        }
        return english
    }

    private func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10).\(tenths % 10)"
    }
}
