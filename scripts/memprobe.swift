// The benchmark's memory probe (scripts/bench.sh): nanoseconds per dependent load over a
// random cycle through 128 MiB, so nearly every load misses every cache (and the TLB:
// the figure is a page walk plus a memory load, as analyze's scattered writes are). `analyze` waits
// on memory where `zcat` does not (docs/performance.md, twenty-third session), so the
// zcat ratio moves with how busy the host's memory is; bench.sh prints this figure
// before and after its rounds to say which kind of host a run had.
//
// Usage: memprobe [MiB] — prints one number, the median of five timed walks.
import Foundation

// 8 MiB to 8 GiB: below, the walk fits in cache; 8 GiB is far below the 16 GiB (2^32
// four-byte entries) where the UInt32 indexes would overflow.
let mib = CommandLine.arguments.count > 1 ? min(8192, max(8, Int(CommandLine.arguments[1]) ?? 128)) : 128
let count = mib << 18  // 4-byte entries
// One cycle through every entry (Sattolo's shuffle, a fixed-seed xorshift): each load's
// address comes from the load before, so the loads cannot overlap.
var next = [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
    for i in 0..<count { buffer[i] = UInt32(i) }
    initialized = count
}
var state: UInt64 = 0x9E37_79B9_7F4A_7C15
for i in stride(from: count - 1, to: 0, by: -1) {
    state ^= state << 13; state ^= state >> 7; state ^= state << 17
    let j = Int(state % UInt64(i))
    next.swapAt(i, j)
}
let steps = 2_000_000
var times: [Double] = []
var at: UInt32 = 0
next.withUnsafeBufferPointer { cycle in
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<steps { at = cycle[Int(at)] }
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / Double(steps))
    }
}
times.sort()
// `at` is read after the walks so that they are not optimised away (a cycle through
// every entry never holds a value past `count`).
if Int(at) >= count { print("the probe's cycle left its array") }
print(String(format: "%.0f", times[2]))
