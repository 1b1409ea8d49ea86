import DistillDecode
import DistillSupport
import Testing

@testable import DistillProfile

@Suite("mergeable sketches")
struct SketchTests {
    @Test(arguments: [1, 2, 3, 7])
    func bottomKMergeEqualsWhole(seed: Int) {
        var whole = BottomK<Int>(k: 16), a = BottomK<Int>(k: 16), b = BottomK<Int>(k: 16)
        var x = UInt64(seed)
        for i in 0..<2000 {
            x = StableHash.mix(x)
            let key = x % 300  // repeats, so counts matter
            let h = StableHash.mix(key)
            whole.add(h, Int(key))
            if i % 3 == 0 { a.add(h, Int(key)) } else { b.add(h, Int(key)) }
        }
        a.merge(b)
        #expect(a.entries.mapValues(\.count) == whole.entries.mapValues(\.count))
        #expect(whole.entries.count == 16)
        #expect(abs(whole.distinctEstimate - 300) < 150)
    }

    /// Runs of one key are counted apart from the array until another key arrives; the
    /// kept keys and counts must still equal a plain count of every key.
    @Test(arguments: [4, 11, 23])
    func bottomKWithRunsOfRepeatsMatchesAPlainCount(seed: Int) {
        var sketch = BottomK<Int>(k: 8), a = BottomK<Int>(k: 8), b = BottomK<Int>(k: 8)
        var counts: [UInt64: Int] = [:]
        var x = UInt64(seed)
        var i = 0
        while i < 3000 {
            x = StableHash.mix(x)
            let key = x % 40
            let h = StableHash.mix(key)
            for _ in 0..<Int(x >> 60) + 1 {  // a run of 1 to 16 adds of one key
                sketch.add(h, Int(key))
                if (i / 5) % 2 == 0 { a.add(h, Int(key)) } else { b.add(h, Int(key)) }
                counts[h, default: 0] += 1
                i += 1
            }
        }
        let expected = Dictionary(uniqueKeysWithValues: counts.sorted { $0.key < $1.key }.prefix(8).map { ($0.key, $0.value) })
        #expect(sketch.entries.mapValues(\.count) == expected)
        #expect(sketch.items.map(\.count) == expected.sorted { $0.key < $1.key }.map(\.value))
        b.merge(a)
        #expect(b.entries.mapValues(\.count) == expected)
    }

    @Test func nearDuplicatesAreSimilarAndUnrelatedTextIsNot() {
        let a = ShingleSignature(text: "Explain photosynthesis step by step. Show all of your reasoning, then give the final answer in a box.")
        let b = ShingleSignature(text: "Explain the French Revolution step by step. Show all of your reasoning, then give the final answer in a box.")
        let c = ShingleSignature(text: "what should I get my mom for her birthday, she likes gardening")
        #expect(a.similarity(b) >= 0.5)
        #expect(a.similarity(c) < 0.2)
    }

    @Test func scriptsWithoutSpacesAreTokenisedByCharacter() {
        let a = ShingleSignature(text: "请一步一步地详细解释光合作用，写出完整的推理过程，最后给出结论。")
        let b = ShingleSignature(text: "请一步一步地详细解释区块链，写出完整的推理过程，最后给出结论。")
        let c = ShingleSignature(text: "帮我写一封给房东的邮件，暖气坏了")
        #expect(Tokenizer.tokens("光合作用").count == 4)
        #expect(a.similarity(b) >= 0.5)
        #expect(a.similarity(c) < 0.3)
    }

    @Test func numbersAreOneSlotToken() {
        #expect(Tokenizer.tokens("order 12345 shipped") == Tokenizer.tokens("order 9 shipped"))
    }
}

@Suite("subnets")
struct SubnetTests {
    @Test(arguments: [
        ("203.0.113.7", "203.0.113.0/24"), ("10.1.2.3", "10.1.2.0/24"), ("localhost", "localhost"),
        ("2001:db8:85a3::8a2e:370:7334", "2001:db8:85a3::/48"), ("2001:db8::1", "2001:db8::/48"), ("2001:db8:0:1::1", "2001:db8::/48"), ("fe80::", "fe80::/48"),
    ])
    func subnetIsTheSlash24OrSlash48(ip: String, subnet: String) {
        #expect(ProfileState.subnet(of: ip) == subnet)
    }

    @Test func subnetHashIsTakenOverTheSamePrefix() {
        let h = ProfileState.subnetHash
        #expect(h("203.0.113.7") == h("203.0.113.200"))
        #expect(h("203.0.113.7") != h("203.0.114.7"))
        #expect(h("2001:db8:85a3::1") == h("2001:db8:85a3:ffff::2"))
        #expect(h("2001:db8:85a3::1") != h("2001:db8:85a4::1"))
    }
}
