/// A small, fast, seedable random generator (SplitMix64): the same seed gives the same
/// corpus on every machine.
package struct SplitMix: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    /// A generator for one named part of the corpus, independent of the others.
    package init(seed: UInt64, _ parts: [UInt64]) {
        var s = seed ^ 0x9E37_79B9_7F4A_7C15
        for p in parts { s = SplitMix.mix(s ^ p &+ 0x632B_E59B_D9B4_E019) }
        state = s
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix.mix(state)
    }

    static func mix(_ x0: UInt64) -> UInt64 {
        var z = x0
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    package mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    package mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    package mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
    package mutating func unit() -> Double { Double.random(in: 0..<1, using: &self) }

    /// Hex string of `n` characters.
    package mutating func hex(_ n: Int) -> String {
        var s = ""
        while s.count < n { s += String(next(), radix: 16) }
        return String(s.prefix(n))
    }

    /// Letters a–z.
    package mutating func letters(_ n: Int) -> String {
        String((0..<n).map { _ in Character(Unicode.Scalar(UInt8(97 + int(0...25)))) })
    }

    /// A Poisson-distributed count with mean `lambda` (Knuth for small, normal approx. for large).
    package mutating func poisson(_ lambda: Double) -> Int {
        if lambda <= 0 { return 0 }
        if lambda > 30 {
            let u1 = max(unit(), 1e-12), u2 = unit()
            let z = (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
            return max(0, Int((lambda + z * lambda.squareRoot()).rounded()))
        }
        let l = _exp(-lambda)
        var k = 0
        var p = 1.0
        repeat { k += 1; p *= unit() } while p > l
        return k - 1
    }
}

@inline(__always) func _log(_ x: Double) -> Double { x.isZero ? -.infinity : Double(log(x)) }
@inline(__always) func _exp(_ x: Double) -> Double { Double(exp(x)) }
@inline(__always) func _cos(_ x: Double) -> Double { Double(cos(x)) }

#if canImport(Glibc)
import Glibc
#endif
