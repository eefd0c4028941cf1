import Dispatch
import Foundation
import NianbaoCore
import NianbaoStore
import NianbaoTUI

/// The review screen on the real screen code (state, update, renderer; the in-memory
/// screen stands for the terminal) with 1,000, 10,000 and 50,000 reports: the first frame,
/// the time the folder takes to load beside `check` over the same files, the time of a key
/// press with its redraw (median and worst), and the memory the review holds.
enum ReviewBench {
    static func run(paths: [String], folder: URL) throws {
        // 50,000 files: the corpus's files, linked again under other names.
        var all = paths
        var copy = 0
        while all.count < 50_000 {
            copy += 1
            let sub = folder.appendingPathComponent("copy\(copy)")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            for path in paths where all.count < 50_000 {
                let target = sub.appendingPathComponent(URL(fileURLWithPath: path).lastPathComponent).path
                try FileManager.default.linkItem(atPath: path, toPath: target)
                all.append(target)
            }
        }
        for count in [1_000, 10_000, 50_000] {
            try measure(Array(all.prefix(count)), folder: folder)
        }
    }

    static func residentMB() -> Double {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    static func seconds(_ start: DispatchTime) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }

    static func measure(_ files: [String], folder: URL) throws {
        let storePath = folder.appendingPathComponent(".nianbao/review-\(files.count).sqlite").path
        let checkStart = DispatchTime.now()
        _ = BatchReader.check(files, reader: { path throws(ReadError) in try ReportReader.read(path: path) })
        let checkTime = seconds(checkStart)

        let memoryBefore = residentMB()
        let screen = MemoryScreen(rows: 48, columns: 160)
        let start = DispatchTime.now()
        let app = try ReviewApp(files: files, root: folder.path, store: try SQLiteReviewStore(path: storePath), reviewer: "bench")
        app.draw(on: screen)
        let firstFrame = seconds(start) * 1000
        // Loading: the run loop takes what is read until every report is in, polling for
        // keys every 40 ms as the terminal's does.
        while app.state.counts.loaded < files.count {
            if app.absorbArrivals(screen) { app.draw(on: screen) }
            usleep(40_000)
        }
        let loadTime = seconds(start)
        let memoryLoaded = residentMB() - memoryBefore

        // Key presses, each with its redraw, as the run loop does them.
        let keys: [Key] = [
            .down, .down, .character("J"), .enter, .character("]"), .tab, .down, .character("K"), .character("}"), .tab,
            .character("f"), .character("f"), .down, .character("s"), .character("z"), .character("z"), .tab, .tab,
        ]
        var times: [Double] = []
        for i in 0..<400 {
            let keyStart = DispatchTime.now()
            app.handle(.key(keys[i % keys.count]), on: screen)
            times.append(seconds(keyStart) * 1000)
            app.absorbArrivals(screen)
        }
        times.sort()
        print(String(format: "review %6d reports: first frame %.1f ms (target 300)  |  loaded in %.2f s, check %.2f s  |  key + redraw median %.2f ms, worst %.2f ms (target 16)  |  memory %.0f MB (target 600)",
                     files.count, firstFrame, loadTime, checkTime, times[times.count / 2], times.last!, memoryLoaded))
    }
}
