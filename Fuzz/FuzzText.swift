import NianbaoCore
import NianbaoFormats

/// libFuzzer entry: any bytes as a .txt file, through its reader and the whole core.
/// A refusal (ReadError) is an answer; only a trap, a hang or runaway memory is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? ReportFiles.read(bytes: bytes, path: "fuzz.txt")
    return 0
}
