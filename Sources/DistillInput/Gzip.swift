/// One-call gzip compression (one member), for writers of synthetic corpora and tests.
package enum Gzip {
    package static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 4 + 64)
        // Creating a deflater only fails when memory is exhausted; that is fatal here.
        var z = try! GzipDeflater(level: level)
        // SAFETY: `bytes` is alive for the closure; the deflater reads at most its count and copies what it needs before returning.
        bytes.withUnsafeBytes { z.deflate($0, finish: true, appendingTo: &out) }
        return out
    }
}
