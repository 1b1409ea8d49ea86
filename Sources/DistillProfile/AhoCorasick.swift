import DistillDecode

/// Finds many phrases in one pass over a text's bytes (ASCII letters folded to lower
/// case): the intent rules' phrase search for packs too large for the shift-or filter
/// (`PhraseSearch`).
///
/// Bytes are first mapped to classes (one per byte value used by some phrase, one for
/// all others), which keeps the transition table small; each 16-bit entry holds the
/// next state with a flag for "some phrase ends here". A state's row is a power of two
/// wide, so the next lookup is a shift, not a multiply, on the per-byte dependency chain.
package struct AhoCorasick: Sendable {
    /// Byte → class (ASCII upper case folded into lower case).
    private var classOf: [UInt8]
    /// log2 of a row's width (the number of classes rounded up to a power of two).
    private let rowShift: Int
    /// Next state, high bit set when it has outputs (16 bits: half the cache footprint).
    private var next: [UInt16]
    /// Pattern ids ending at each state (including via failure links).
    private var outputs: [[Int32]]
    /// Length of the longest pattern, in bytes.
    private let longest: Int
    private static let outputFlag: UInt16 = 1 << 15

    package init(patterns: [[UInt8]]) {
        var classOf = [UInt8](repeating: 0, count: 256)
        var used = [Bool](repeating: false, count: 256)
        for p in patterns { for b in p { used[Int(b.asciiLowercased)] = true } }
        var classes = 1
        // At most 230 byte values (upper case is folded), so classes fit a byte.
        for b in 0..<256 where used[b] { classOf[b] = UInt8(classes); classes += 1 }
        for b in 0..<256 { classOf[b] = classOf[Int(UInt8(b).asciiLowercased)] }
        var goto: [[Int32]] = [[Int32](repeating: -1, count: classes)]
        var out: [[Int32]] = [[]]
        for (pid, p) in patterns.enumerated() {
            var s = 0
            for raw in p {
                let c = Int(classOf[Int(raw)])
                if goto[s][c] < 0 {
                    goto.append([Int32](repeating: -1, count: classes))
                    out.append([])
                    goto[s][c] = Int32(goto.count - 1)
                }
                s = Int(goto[s][c])
            }
            out[s].append(Int32(pid))
        }
        var fail = [Int32](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for c in 0..<classes {
            // Class 0 (bytes in no phrase) always leads back to the root.
            if c == 0 || goto[0][c] < 0 { goto[0][c] = 0 } else { fail[Int(goto[0][c])] = 0; queue.append(Int(goto[0][c])) }
        }
        var head = 0
        while head < queue.count {
            let r = queue[head]; head += 1
            for c in 0..<classes {
                let s = goto[r][c]
                if s < 0 { goto[r][c] = goto[Int(fail[r])][c]; continue }
                queue.append(Int(s))
                let f = goto[Int(fail[r])][c]
                fail[Int(s)] = f
                out[Int(s)] += out[Int(f)]
            }
        }
        precondition(goto.count < 1 << 15, "rule pack phrases too long: at most 32,767 automaton states")
        let rowShift = Int.bitWidth - (classes - 1).leadingZeroBitCount
        var table = [UInt16](repeating: 0, count: goto.count << rowShift)
        for state in goto.indices {
            for c in 0..<classes {
                let to = Int(goto[state][c])
                table[state << rowShift | c] = UInt16(to) | (out[to].isEmpty ? 0 : Self.outputFlag)
            }
        }
        self.classOf = classOf
        self.rowShift = rowShift
        longest = max(1, patterns.map(\.count).max() ?? 1)
        next = table
        outputs = out
    }

    /// Calls `hit` with the id of every pattern occurrence.
    ///
    /// A text more than twice the longest pattern is walked as two halves side by side:
    /// each step waits on the table load of the step before, so one walk leaves the core
    /// idle where two overlap (about a fifth faster on gateway prompts). The second walk
    /// starts `longest - 1` bytes before the midpoint, since an occurrence ending after the
    /// midpoint starts there or later, and reports only occurrences ending after it: each
    /// occurrence is reported once.
    package func scan(_ text: UnsafeRawBufferPointer, _ hit: (Int) -> Void) {
        let shift = rowShift
        let n = text.count
        // SAFETY: `state << shift | class` < `next.count` (states < `goto.count`, classes < `1 << rowShift`); `cls` has 256 entries; `bytes` reads use `i < n` and `j <= n - longest`; `text` is read only during the call.
        next.withUnsafeBufferPointer { table in
            classOf.withUnsafeBufferPointer { cls in
                guard let bytes = text.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
                @inline(__always) func step(_ state: inout Int, _ i: Int) -> Bool {
                    let v = table[state &<< shift | Int(cls[Int(bytes[i])])]
                    state = Int(v & ~Self.outputFlag)
                    return v & Self.outputFlag != 0
                }
                var a = 0, i = 0
                if n >= 2 * longest + 8 {
                    let mid = n / 2
                    // Walk a covers [0, mid), walk b [mid - (longest - 1), n).
                    var b = 0, j = mid - (longest - 1)
                    while i < mid {
                        let endsA = step(&a, i), endsB = step(&b, j)
                        if endsA { for p in outputs[a] { hit(Int(p)) } }
                        if endsB && j >= mid { for p in outputs[b] { hit(Int(p)) } }
                        i += 1; j += 1
                    }
                    a = b; i = j
                }
                while i < n {
                    if step(&a, i) { for p in outputs[a] { hit(Int(p)) } }
                    i += 1
                }
            }
        }
    }
}
