import Foundation
import NianbaoStore

/// `index.html` of `nianbao report`: one self-contained page (styles inline, charts as inline
/// SVG, nothing fetched) with the progress of the review, counts by status, findings per rule
/// and per body, a table of every report, and a section per report with its confirmed
/// findings and their arithmetic. The table sorts by a click on a heading (a few lines of
/// inline script); without the script the page reads the same, in file order.
public enum ReviewReportPage {
    public static func html(_ summary: ReviewSummary) -> String {
        let reviewed = summary.count(.approved) + summary.count(.needsCorrection)
        var out = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>政府信息公开工作年度报告审阅报告</title>
            <style>\(style)</style>
            </head>
            <body>
            <h1>政府信息公开工作年度报告审阅报告</h1>
            <p class="meta">生成于 \(HTML.escape(LocalTime.string(summary.generatedAt))) · 审阅数据库 \(HTML.escape(summary.database))</p>
            <section id="progress">
            <h2>进度</h2>
            <p class="progress">已审 <strong>\(reviewed)</strong> / \(summary.entries.count) 份</p>
            \(progressBar(reviewed: reviewed, total: summary.entries.count))
            \(BarChart.svg([("通过", summary.count(.approved)), ("需修改", summary.count(.needsCorrection)), ("未审", summary.count(.unreviewed))], title: "各状态的报告数"))
            </section>
            <section id="rules">
            <h2>各规则的发现（不含已驳回的）</h2>
            \(BarChart.svg(summary.findingsPerRule, title: "各规则的发现数"))
            </section>
            <section id="bodies">
            <h2>各机关的发现（最多的 20 个）</h2>
            \(BarChart.svg(summary.findingsPerBody(), title: "各机关的发现数"))
            </section>
            <section id="reports">
            <h2>全部报告</h2>
            <p class="hint">点击表头排序。</p>
            <table id="report-table">
            <thead><tr><th data-type="text">文件</th><th data-type="text">机关</th><th data-type="number">年度</th><th data-type="text">状态</th><th data-type="number">错误</th><th data-type="number">警告</th><th data-type="text">审阅人</th><th data-type="text">备注</th></tr></thead>
            <tbody>

            """
        let language = OutputLanguage.zh
        for entry in summary.entries {
            let status = language.status(entry.status)
            let link = entry.confirmed.isEmpty ? HTML.escape(entry.key) : "<a href=\"#\(anchor(entry.key))\">\(HTML.escape(entry.key))</a>"
            out += "<tr class=\"\(entry.status.rawValue)\"><td>\(link)</td><td>\(HTML.escape(entry.agency ?? ""))</td>"
            out += "<td>\(entry.year.map(String.init) ?? "")</td><td>\(status)</td><td>\(entry.errors)</td><td>\(entry.warnings)</td>"
            out += "<td>\(HTML.escape(entry.record?.reviewer ?? ""))</td><td>\(HTML.escape(entry.record?.note ?? ""))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n<section id=\"details\">\n<h2>各报告已确认的发现</h2>\n"
        let confirmed = summary.entries.filter { !$0.confirmed.isEmpty }
        if confirmed.isEmpty { out += "<p>尚无已确认的发现。</p>\n" }
        for entry in confirmed {
            out += "<article id=\"\(anchor(entry.key))\">\n<h3>\(HTML.escape(entry.title))</h3>\n"
            out += "<p class=\"meta\">\(HTML.escape(entry.key)) · \(language.status(entry.status))"
            if let reviewer = entry.record?.reviewer { out += " · 审阅人 \(HTML.escape(reviewer))" }
            out += "</p>\n<ol>\n"
            for row in entry.confirmed {
                let line = row.line.map { "第 \($0) 行 · " } ?? ""
                out += "<li><span class=\"rule\">\(HTML.escape(row.rule))</span> \(line)<span class=\"arithmetic\">\(HTML.escape(row.message))</span></li>\n"
            }
            out += "</ol>\n"
            if let note = entry.record?.note, !note.isEmpty { out += "<p class=\"note\">审阅意见：\(HTML.escape(note))</p>\n" }
            out += "</article>\n"
        }
        out += "</section>\n<script>\(sortScript)</script>\n</body>\n</html>\n"
        return out
    }

    /// An id for a report's section, from its key (letters and digits kept, the rest hex).
    static func anchor(_ key: String) -> String {
        "r-" + key.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? String($0) : String($0.value, radix: 16) }.joined()
    }

    static func progressBar(reviewed: Int, total: Int) -> String {
        let width = 720, done = total == 0 ? 0 : width * reviewed / total
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"progress-bar\" role=\"img\" width=\"\(width)\" height=\"16\" viewBox=\"0 0 \(width) 16\"><title>已审 \(reviewed)/\(total)</title><rect class=\"track\" x=\"0\" y=\"0\" width=\"\(width)\" height=\"16\"></rect><rect class=\"bar\" x=\"0\" y=\"0\" width=\"\(done)\" height=\"16\"></rect></svg>"
    }

    static let style = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
        h1{font-size:1.6em}h2{font-size:1.25em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
        .meta,.hint{color:#666;font-size:.9em}
        svg.chart text{font-size:13px;fill:#222}svg .bar{fill:#3a6ea5}svg .track{fill:#e6e6e6}
        table{border-collapse:collapse;width:100%;font-size:.92em}th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
        th{background:#f2f2f2;cursor:pointer}tr.needsCorrection td:nth-child(4){color:#b00020;font-weight:bold}
        tr.approved td:nth-child(4){color:#1b7a2e}.rule{font-family:monospace;color:#555}.arithmetic{font-weight:bold}
        article{margin:1em 0;padding:.2em 1em;border-left:4px solid #b00020}.note{color:#333}
        """

    static let sortScript = """
        (function(){var t=document.getElementById('report-table');if(!t)return;var hs=t.tHead.rows[0].cells;
        for(var i=0;i<hs.length;i++)(function(i){var up=true;hs[i].addEventListener('click',function(){
        var b=t.tBodies[0],rs=Array.prototype.slice.call(b.rows),num=hs[i].getAttribute('data-type')==='number';
        rs.sort(function(x,y){var a=x.cells[i].textContent,c=y.cells[i].textContent;
        var r=num?(parseFloat(a)||0)-(parseFloat(c)||0):a.localeCompare(c,'zh-CN');return up?r:-r;});
        up=!up;rs.forEach(function(r){b.appendChild(r);});});})(i);})();
        """
}
