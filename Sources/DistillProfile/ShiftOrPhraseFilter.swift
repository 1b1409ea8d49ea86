import CByteScan
import DistillDecode

/// Finds many phrases in a text (ASCII letters folded to lower case) with a bucketed
/// shift-or filter and an exact check of each candidate: the intent rules' phrase search
/// for packs of up to `maxPatterns` phrases (`PhraseSearch` picks it).
///
/// The idea is Hyperscan's FDR. Phrases are split into eight buckets by length. Every
/// byte pair of the text (the byte and the one before it, hashed into 12 bits) selects a
/// 64-bit mask: eight groups of eight bucket bits, group `g` clear for bucket `b` when
/// some phrase of `b` has that pair `7 - g` bytes before its end. Shifting the masks of
/// eight positions into one word (`distill_phrase_filter_next`, C with SSE2) leaves a
/// clear bit wherever the last eight pairs fit a phrase of that bucket, ending there;
/// only then are that bucket's phrases compared. Unlike an automaton's step, a mask load
/// does not wait for the one before, and eight bytes cost one test: on gateway prompts
/// the filter takes about two thirds of the automaton's time, and with the default pack
/// about one byte in 350 is a candidate.
package struct ShiftOrPhraseFilter: Sendable {
    /// Buckets are the bits of a group: eight, one byte.
    private static let buckets = 8
    /// Positions (groups) a mask covers: eight groups of eight bits fill a `UInt64`.
    private static let window = 8
    /// More phrases than this fill the buckets until the checks cost more than the
    /// automaton's steps (on gateway prompts the two are even at about 150 phrases;
    /// the default pack has 93): `PhraseSearch` then uses the automaton.
    package static let maxPatterns = 128

    /// A phrase as the check reads it: its last four bytes (fewer for a shorter phrase)
    /// compared as one word first, the whole phrase only when they agree.
    private struct Phrase {
        var tail: UInt32
        var tailMask: UInt32
        var id: Int32
        var start: Int32
        var count: Int32
    }

    /// Mask per hashed byte pair (4096 entries, 32 KiB: the L1 cache).
    private var masks: [UInt64]
    /// The phrases, bucket after bucket; bucket `b` is `phrases[bucketStarts[b]..<bucketStarts[b + 1]]`.
    private var phrases: [Phrase]
    private var bucketStarts: [Int]
    /// Every phrase's bytes, ASCII lower case, one after another (`Phrase.start`).
    private var bytes: [UInt8]

    /// `nil` when there are more than `maxPatterns` phrases, an empty one (`RulePack.lint`
    /// refuses phrases under 3 bytes; the automaton keeps its own answer for them), or
    /// more bytes than 32-bit offsets hold.
    package init?(patterns: [[UInt8]]) {
        guard patterns.count <= Self.maxPatterns, !patterns.contains(where: \.isEmpty),
            patterns.reduce(0, { $0 + $1.count }) < Int(Int32.max)
        else { return nil }
        var masks = [UInt64](repeating: ~0, count: 4096)
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for p in patterns {
            starts.append(bytes.count)
            bytes += p.map(\.asciiLowercased)
        }
        // Bucket by length: a short phrase leaves its bucket's early groups clear for
        // every pair, so short phrases share buckets and spoil only those.
        let byLength = patterns.indices.sorted { (patterns[$0].count, $0) < (patterns[$1].count, $1) }
        var phrases: [Phrase] = []
        var bucketStarts = [0]
        for (rank, id) in byLength.enumerated() {
            let bucket = rank * Self.buckets / byLength.count
            while bucketStarts.count <= bucket { bucketStarts.append(phrases.count) }
            let p = patterns[id].map { $0 | 0x20 }
            for group in 0..<Self.window {
                let clear = ~(UInt64(1) << UInt64(group * Self.buckets + bucket))
                let at = p.count - Self.window + group
                if at < 0 {
                    // Before the phrase: any pair fits.
                    for d in masks.indices { masks[d] &= clear }
                } else if at == 0 {
                    // The phrase's first byte, after any byte (folded, as the scan folds it).
                    for before in 0..<256 { masks[Int(distill_phrase_pair(UInt8(before) | 0x20, p[0]))] &= clear }
                } else {
                    masks[Int(distill_phrase_pair(p[at - 1], p[at]))] &= clear
                }
            }
            let lower = bytes[starts[id]..<(starts[id] + patterns[id].count)]
            let (tail, tailMask) = Self.tailWord(lower.suffix(4))
            phrases.append(Phrase(tail: tail, tailMask: tailMask, id: Int32(id), start: Int32(starts[id]), count: Int32(lower.count)))
        }
        while bucketStarts.count <= Self.buckets { bucketStarts.append(phrases.count) }
        self.masks = masks
        self.phrases = phrases
        self.bucketStarts = bucketStarts
        self.bytes = bytes
    }

    /// Up to four bytes ending a word (the last in its top byte) and the mask of those present.
    private static func tailWord(_ last: ArraySlice<UInt8>) -> (UInt32, UInt32) {
        var word: UInt32 = 0, mask: UInt32 = 0
        for (k, b) in last.reversed().enumerated() {
            word |= UInt32(b) << UInt32(24 - 8 * k)
            mask |= 0xFF << UInt32(24 - 8 * k)
        }
        return (word, mask)
    }

    /// Calls `hit` with the id of every phrase occurrence (those ending at one byte
    /// bucket by bucket).
    package func scan(_ text: UnsafeRawBufferPointer, _ hit: (Int) -> Void) {
        let n = text.count
        guard n > 0, let base = text.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        // SAFETY: `masks` has the 4096 entries the scan indexes (12-bit pair hashes); the scan reads `base[0..<n]` only, and `text` only during the call; a reported block's positions `start + k` are below `n` (positions past the text are never candidates).
        masks.withUnsafeBufferPointer { masks in
            guard let table = masks.baseAddress else { return }
            var at = 0, start = 0
            var carry: UInt64 = 0
            var before: UInt8 = 0x20
            while true {
                let checks = distill_phrase_filter_next(base, n, table, &at, &carry, &before, &start)
                if checks == ~0 { return }
                for k in 0..<Self.window {
                    let candidates = ~(checks &>> UInt64(8 * (Self.window - 1 - k))) & 0xFF
                    if candidates != 0 { check(candidates, endingAt: start + k, base, hit) }
                }
            }
        }
    }

    /// Compares the phrases of the candidate buckets with the text ending at `end`.
    private func check(_ candidates: UInt64, endingAt end: Int, _ text: UnsafePointer<UInt8>, _ hit: (Int) -> Void) {
        // The text's last four bytes up to `end` (fewer at its start), ASCII lower case.
        var word: UInt32 = 0
        // SAFETY: `end < n`, and bytes are read only at `end - k >= 0`.
        for k in 0..<min(4, end + 1) { word |= UInt32(text[end - k].asciiLowercased) << UInt32(24 - 8 * k) }
        // SAFETY: `bucketStarts` has `buckets + 1` entries and bounds `phrases`; a phrase's bytes are `bytes[start..<start + count]`; text bytes are read at `end + 1 - count ... end`, after `count <= end + 1`.
        phrases.withUnsafeBufferPointer { phrases in
            bytes.withUnsafeBufferPointer { bytes in
                var remaining = candidates
                while remaining != 0 {
                    let bucket = remaining.trailingZeroBitCount
                    remaining &= remaining - 1
                    for p in phrases[bucketStarts[bucket]..<bucketStarts[bucket + 1]] where word & p.tailMask == p.tail {
                        let count = Int(p.count), from = Int(p.start)
                        guard count <= end + 1 else { continue }
                        let first = end + 1 - count
                        var same = true
                        for k in 0..<max(0, count - 4) where text[first + k].asciiLowercased != bytes[from + k] {
                            same = false
                            break
                        }
                        if same { hit(Int(p.id)) }
                    }
                }
            }
        }
    }
}
