// libFuzzer entry point for lifeline's parsers: dates, amounts, slugs, JSON, CSV, the
// catalogue readers, the spreadsheet reader, restore's table reader and `--param`. Built by `make fuzz` with
// `swiftc -sanitize=fuzzer,address` together with the sources of the LifelineCore
// module (pure: no SQLite); LIFELINE_FUZZ_TARGET picks what one run exercises.
//
// A crash, a hang or a broken round-trip below stops the fuzzer and leaves the input
// in Fuzz/crashes/; copy it to Tests/FuzzRegressions/ so `swift test` replays it.
import Glibc

let target = getenv("LIFELINE_FUZZ_TARGET").map { String(cString: $0) } ?? "all"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzedParsers.run(Array(UnsafeBufferPointer(start: data, count: size)), target: target)
    return 0
}
