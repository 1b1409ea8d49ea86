/// Finds many phrases in one pass over a text's bytes (ASCII letters folded to lower
/// case): the intent rules' phrase matcher.
public struct AhoCorasick: Sendable {
    /// Dense transition table: state * 256 + byte → next state.
    private var next: [Int32]
    /// Pattern ids ending at each state (including via failure links).
    private var outputs: [[Int32]]
    /// States with at least one output (checked per byte without touching `outputs`).
    private var hasOutput: [Bool]

    public init(patterns: [[UInt8]]) {
        var goto: [[Int32]] = [[Int32](repeating: -1, count: 256)]
        var out: [[Int32]] = [[]]
        for (pid, p) in patterns.enumerated() {
            var s = 0
            for raw in p {
                let c = Int(Self.fold(raw))
                if goto[s][c] < 0 {
                    goto.append([Int32](repeating: -1, count: 256))
                    out.append([])
                    goto[s][c] = Int32(goto.count - 1)
                }
                s = Int(goto[s][c])
            }
            out[s].append(Int32(pid))
        }
        var fail = [Int32](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for c in 0..<256 {
            if goto[0][c] < 0 { goto[0][c] = 0 } else { fail[Int(goto[0][c])] = 0; queue.append(Int(goto[0][c])) }
        }
        var head = 0
        while head < queue.count {
            let r = queue[head]; head += 1
            for c in 0..<256 {
                let s = goto[r][c]
                if s < 0 { goto[r][c] = goto[Int(fail[r])][c]; continue }
                queue.append(Int(s))
                let f = goto[Int(fail[r])][c]
                fail[Int(s)] = f
                out[Int(s)] += out[Int(f)]
            }
        }
        next = goto.flatMap { $0 }
        outputs = out
        hasOutput = out.map { !$0.isEmpty }
    }

    @inline(__always) static func fold(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b + 32 : b }

    /// Calls `hit` with the id of every pattern occurrence.
    public func scan(_ text: UnsafeRawBufferPointer, _ hit: (Int) -> Void) {
        var s = 0
        next.withUnsafeBufferPointer { table in
            hasOutput.withUnsafeBufferPointer { has in
                for b in text {
                    s = Int(table[s << 8 | Int(Self.fold(b))])
                    if has[s] { for p in outputs[s] { hit(Int(p)) } }
                }
            }
        }
    }
}
