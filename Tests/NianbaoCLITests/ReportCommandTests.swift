import Foundation
import NianbaoCore
@testable import NianbaoFormats
import NianbaoSamples
import NianbaoStore
import Testing

/// `nianbao report` end to end: the page rendered by a real browser (headless Chromium) from
/// disk with no request leaving the machine, the notices opened by LibreOffice Writer.
@Suite("nianbao report: the review's documents, opened by a browser and an office suite", .tags(.slow), .notInQuickRun)
struct ReportCommandTests {
    static let chromium = ["chromium", "chromium-browser"].first { (try? Subprocess.run([$0, "--version"]).status) == 0 }
    static let hasLibreOffice = (try? Subprocess.run(["soffice", "--version"]).status) == 0
    static let hasPython = (try? Subprocess.run(["python3", "-c", "import zlib"]).status) == 0

    /// The samples as a project: 004 (张营乡) needs correction, two of its findings confirmed
    /// and one dismissed; 000 approved. Then `nianbao report --out`.
    func reviewed() throws -> (folder: URL, out: URL, confirmed: [Finding]) {
        let folder = try temporaryFolder()
        for file in SampleReports.files { try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent(file.lastPathComponent)) }
        let store = try SQLiteReviewStore(path: folder.appendingPathComponent(".nianbao/reviews.sqlite").path)
        var confirmed: [Finding] = []
        for file in SampleReports.files {
            let key = file.lastPathComponent
            let report = try ReportFiles.read(path: folder.appendingPathComponent(key).path)
            try store.register(path: key, contentHash: "h", agency: report.agency, year: report.year, errors: 0, warnings: 0)
            if key.hasPrefix("004") {
                try store.decide(path: key, .needsCorrection, reviewer: "李四")
                try store.setNote(path: key, "请补齐表二各行，并核对落款日期。", reviewer: "李四")
                confirmed = [report.findings.first { $0.rule.rawValue == "DATE_ORDER" }!, report.findings.first { $0.rule.rawValue == "MISSING_TABLE" }!]
                for finding in confirmed {
                    try store.rule(FindingRuling(path: key, finding: finding.identity, rule: finding.rule.rawValue, message: finding.message,
                                                 verdict: .confirmed, reviewer: "李四", ruledAt: Date()))
                }
                let dismissed = report.findings.first { $0.rule.rawValue == "BLANK_CELL" }!
                try store.rule(FindingRuling(path: key, finding: dismissed.identity, rule: "BLANK_CELL", message: dismissed.message,
                                             verdict: .dismissed, reason: "本年无此类申请", reviewer: "李四", ruledAt: Date()))
            }
            if key.hasPrefix("000") { try store.decide(path: key, .approved, reviewer: "王五") }
        }
        let out = folder.appendingPathComponent("交付")
        let run = try Subprocess.run([nianbaoBinary, "report", "--out", out.path, folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1 correction notices"), "\(run.stdout)")
        return (folder, out, confirmed)
    }

    @Test("index.html, one notice per report needing correction, findings.csv")
    func files() throws {
        let (folder, out, _) = try reviewed()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notices = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("notices").path)
        #expect(notices == ["张营乡-2023.docx"])
        let csv = try Data(contentsOf: out.appendingPathComponent("findings.csv"))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: csv, as: UTF8.self).contains(",已驳回,本年无此类申请,李四\r\n"))
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("请补齐表二各行，并核对落款日期。"))
        // The documents sit in the project, but checking it does not take them for reports.
        let check = try Subprocess.run([nianbaoBinary, "check", "--lang", "en", folder.path])
        #expect(check.stdout.contains("5 reports checked"), "\(check.stdout)")
        #expect(!check.stdout.contains("index.html") && !check.stderr.contains("docx"))
    }

    @Test("LibreOffice Writer opens the notice; its text has the confirmed findings' arithmetic and the note",
          .enabled(if: hasLibreOffice, "LibreOffice is not installed (.ci/run installs libreoffice-writer-nogui)"))
    func noticeInLibreOffice() throws {
        let (folder, out, confirmed) = try reviewed()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notice = out.appendingPathComponent("notices/张营乡-2023.docx")
        let text = folder.appendingPathComponent("text")
        let convert = try ExternalCommand.run(
            ["soffice", "-env:UserInstallation=file://" + folder.appendingPathComponent("lo-profile").path, "--headless",
             "--convert-to", "txt:Text (encoded):UTF8", "--outdir", text.path, notice.path], timeLimit: 120)
        #expect(convert.status == 0, "\(convert.stderr)")
        let content = try String(contentsOf: text.appendingPathComponent("张营乡-2023.txt"), encoding: .utf8)
        #expect(content.contains("政府信息公开工作年度报告整改通知"))
        #expect(content.contains("张营乡："))
        for finding in confirmed { #expect(content.contains(finding.message), "\(finding.message) not in the notice") }
        #expect(!content.contains("本年无此类申请"))
        #expect(content.contains("请补齐表二各行，并核对落款日期。"))
    }

    /// Chromium on a page from disk: its DOM once loaded, a screenshot, and the requests the
    /// page made (from Chromium's own network log: those a page starts carry its origin, "null"
    /// for a file; Chromium's own background requests carry none).
    func browse(_ page: URL, in folder: URL) throws -> (dom: String, screenshot: URL, pageRequests: [String]) {
        let browser = try #require(Self.chromium)
        let netLog = folder.appendingPathComponent("net-\(UUID().uuidString).json")
        let shot = folder.appendingPathComponent("shot-\(UUID().uuidString).png")
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                      "--host-resolver-rules=MAP * ~NOTFOUND"]
        let dom = try ExternalCommand.run(
            [browser] + common + ["--user-data-dir=" + folder.appendingPathComponent("chromium-\(UUID().uuidString)").path,
                                  "--log-net-log=" + netLog.path, "--dump-dom", page.absoluteString], timeLimit: 120)
        #expect(dom.status == 0, "\(dom.stderr)")
        let screenshot = try ExternalCommand.run(
            [browser] + common + ["--user-data-dir=" + folder.appendingPathComponent("chromium-\(UUID().uuidString)").path,
                                  "--window-size=1200,1600", "--screenshot=" + shot.path, page.absoluteString], timeLimit: 120)
        #expect(screenshot.status == 0, "\(screenshot.stderr)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: netLog)) as? [String: Any])
        let events = log["events"] as? [[String: Any]] ?? []
        let requests = events.compactMap { event -> String? in
            guard let params = event["params"] as? [String: Any], let url = params["url"] as? String,
                  let initiator = params["initiator"] as? String, initiator != "not an origin", !url.hasPrefix("file:") else { return nil }
            return url
        }
        return (String(decoding: dom.stdout, as: UTF8.self), shot, requests)
    }

    @Test("headless Chromium renders index.html from disk: the charts and the table are there, the screenshot is not blank, no request leaves",
          .enabled(if: chromium != nil, "Chromium is not installed (.ci/run installs chromium)"),
          .enabled(if: hasPython, "python3 is not installed (.ci/run installs it)"))
    func pageInChromium() throws {
        let (folder, out, confirmed) = try reviewed()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (dom, shot, requests) = try browse(out.appendingPathComponent("index.html"), in: folder)
        #expect(dom.components(separatedBy: "<svg").count - 1 == 4, "the charts")
        #expect(dom.contains("<rect class=\"bar\""))
        for body in ["鲁山县张良镇", "莱州市柞村镇", "大张楼镇", "祥云镇", "张营乡"] { #expect(dom.contains("<td>\(body)</td>"), "\(body)") }
        #expect(dom.components(separatedBy: "<tr class=").count - 1 == 5)
        for finding in confirmed { #expect(dom.contains(finding.message), "\(finding.message)") }
        #expect(requests.isEmpty, "the page asked for \(requests)")
        // The screenshot has more than one colour: something was drawn.
        let script = """
            import sys, zlib, struct
            data = open(sys.argv[1], 'rb').read()
            assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
            pos, idat = 8, b''
            while pos < len(data):
                n, kind = struct.unpack('>I4s', data[pos:pos + 8])
                if kind == b'IDAT': idat += data[pos + 8:pos + 8 + n]
                pos += 12 + n
            print(len(set(zlib.decompress(idat))))
            """
        let colours = try Subprocess.run(["python3", "-c", script, shot.path])
        #expect(colours.status == 0, "\(colours.stderr)")
        #expect((Int(colours.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 20, "a blank screenshot")
    }

    @Test("the request check can fail: a page with an image from the web is caught",
          .enabled(if: chromium != nil, "Chromium is not installed (.ci/run installs chromium)"))
    func requestCheckCatches() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("external.html")
        try Data("<html><body><img src=\"http://example.com/logo.png\"><p>审阅</p></body></html>".utf8).write(to: page)
        let (_, _, requests) = try browse(page, in: folder)
        #expect(requests.contains { $0.hasPrefix("http://example.com/") }, "\(requests)")
    }
}
