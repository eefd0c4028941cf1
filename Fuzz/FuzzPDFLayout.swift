import NianbaoCore
@testable import NianbaoFormats

/// libFuzzer entry: any bytes as the output of `pdftotext -bbox` (the seeds are real ones),
/// through the word scanner, the page layout and the whole core, positions and all.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let words = try? PDFReader.words(fromBBox: bytes, path: "fuzz.pdf") else { return 0 }
    _ = try? ReportReader.report(from: PDFReader.layout(words), path: "fuzz.pdf")
    return 0
}
