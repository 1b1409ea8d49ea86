import DistillSupport

/// The fields of the canonical gateway log, and the aliases real logs use for them.
package enum CanonicalField: String, CaseIterable, Sendable {
    case ts, requestID = "request_id", account = "account_id", apiKey = "api_key_id", org = "org_id"
    case ip, userAgent = "user_agent", tls = "tls_ja3", model, endpoint, status
    case inputTokens = "input_tokens", outputTokens = "output_tokens", maxTokens = "max_tokens"
    case stopReason = "stop_reason", latency = "latency_ms", system, messages, tools, prompt, usage

    /// Names accepted for each field, canonical name first.
    package var aliases: [String] {
        switch self {
        case .ts: return ["ts", "timestamp", "@timestamp", "time", "request_time", "start_time", "created"]
        case .requestID: return ["request_id", "requestId", "req_id"]
        case .account: return ["account_id", "user_id", "account", "accountId", "customer_id", "userId", "user"]
        case .apiKey: return ["api_key_id", "key_id", "api_key", "apiKeyId"]
        case .org: return ["org_id", "organization_id", "organization", "orgId", "team_id"]
        case .ip: return ["ip", "client_ip", "remote_addr", "source_ip", "ip_address", "clientIp", "requester_ip_address", "x_forwarded_for"]
        case .userAgent: return ["user_agent", "userAgent", "http_user_agent", "ua"]
        case .tls: return ["tls_ja3", "ja3", "tls_fingerprint", "ja4", "ja3_hash"]
        case .model: return ["model", "model_id", "modelId"]
        case .endpoint: return ["endpoint", "path", "route"]
        case .status: return ["status", "status_code", "http_status", "statusCode"]
        case .inputTokens: return ["input_tokens", "prompt_tokens"]
        case .outputTokens: return ["output_tokens", "completion_tokens"]
        case .maxTokens: return ["max_tokens", "max_completion_tokens", "max_output_tokens"]
        case .stopReason: return ["stop_reason", "finish_reason"]
        case .latency: return ["latency_ms", "duration_ms", "latency"]
        case .system: return ["system", "system_prompt"]
        case .messages: return ["messages"]
        case .tools: return ["tools", "functions"]
        case .prompt: return ["prompt", "input"]
        case .usage: return ["usage"]
        }
    }

    /// Position of each field in `allCases` (computed once; `allCases` allocates).
    package static let ordered: [CanonicalField] = allCases
    package var index: Int {
        switch self {
        case .ts: return 0
        case .requestID: return 1
        case .account: return 2
        case .apiKey: return 3
        case .org: return 4
        case .ip: return 5
        case .userAgent: return 6
        case .tls: return 7
        case .model: return 8
        case .endpoint: return 9
        case .status: return 10
        case .inputTokens: return 11
        case .outputTokens: return 12
        case .maxTokens: return 13
        case .stopReason: return 14
        case .latency: return 15
        case .system: return 16
        case .messages: return 17
        case .tools: return 18
        case .prompt: return 19
        case .usage: return 20
        }
    }

    /// One alias: its bytes, field index and priority within the field (lower wins).
    struct Alias {
        var bytes: [UInt8]
        var field: Int
        var rank: Int
    }

    /// Every alias in a collision-free hashed table, for one allocation-free pass over a
    /// record's keys. A key is read as its length and two words (its first and last 8
    /// bytes): that hashes it in a few instructions whatever its length, and settles
    /// equality for keys of up to 16 bytes (all but a few aliases) without comparing bytes.
    /// The hash's seed is searched when the table is built so that no two aliases share a
    /// slot: a lookup reads one slot, with no probe loop (whose varying length per key cost
    /// a mispredicted branch on most of a record's ~20 keys).
    struct AliasTable {
        static let size = 512

        /// One occupied or empty (`length == 0`) slot; 32-bit fields keep it at 32 bytes (the
        /// table at 16 KiB).
        struct Slot {
            var first: UInt64 = 0
            var last: UInt64 = 0
            var length: Int32 = 0
            /// Index into `aliases`, and the alias's field and rank (read without touching it).
            var alias32: Int32 = 0
            var field32: Int32 = 0
            var rank32: Int32 = 0
            var alias: Int { Int(alias32) }
            var field: Int { Int(field32) }
            var rank: Int { Int(rank32) }
        }

        var slots = [Slot](repeating: Slot(), count: size)
        var aliases: [Alias] = []
        /// The seed that places every alias in a slot of its own.
        var seed: UInt64 = 0

        init(_ all: [Alias]) {
            aliases = all
            // SAFETY: the alias's bytes are read by `keyWords` only during the closure.
            let words = all.map { a in a.bytes.withUnsafeBytes { CanonicalField.keyWords($0) } }
            // About one seed in 170 fits 73 aliases into 512 slots; the search is bounded.
            for seed in UInt64(0)..<100_000 {
                var taken = [Bool](repeating: false, count: Self.size)
                let fits = all.indices.allSatisfy { i in
                    let s = CanonicalField.slot(words[i].0, words[i].1, all[i].bytes.count, seed: seed)
                    if taken[s] { return false }
                    taken[s] = true
                    return true
                }
                guard fits else { continue }
                self.seed = seed
                for (i, a) in all.enumerated() {
                    let s = CanonicalField.slot(words[i].0, words[i].1, a.bytes.count, seed: seed)
                    slots[s] = Slot(
                        first: words[i].0, last: words[i].1, length: Int32(a.bytes.count), alias32: Int32(i),
                        field32: Int32(a.field), rank32: Int32(a.rank))
                }
                return
            }
            preconditionFailure("no seed places every alias in a slot of its own: enlarge AliasTable.size")
        }

        /// The slot of the alias spelled exactly `key`, if any.
        @inline(__always)
        func lookup(_ key: UnsafeRawBufferPointer) -> Slot? {
            let n = key.count
            guard n > 0 else { return nil }
            let (first, last) = CanonicalField.keyWords(key)
            // SAFETY: the slot index is masked below `size` (== `slots.count`); the alias's bytes are read only inside the closure.
            let x = slots.withUnsafeBufferPointer { $0[CanonicalField.slot(first, last, n, seed: seed)] }
            guard Int(x.length) == n && x.first == first && x.last == last else { return nil }
            if n <= 16 || aliases[x.alias].bytes.withUnsafeBytes({ $0.hasSameBytes(as: key) }) { return x }
            return nil
        }
    }

    /// The table of every alias (an alias listed under two fields belongs to the first).
    static let aliasTable: AliasTable = {
        var all: [Alias] = []
        var seen = Set<[UInt8]>()
        for (fi, f) in ordered.enumerated() {
            for (rank, a) in f.aliases.enumerated() where seen.insert(Array(a.utf8)).inserted {
                all.append(Alias(bytes: Array(a.utf8), field: fi, rank: rank))
            }
        }
        return AliasTable(all)
    }()

    /// A key's first 8 bytes and last 8 bytes (little-endian); a shorter key in the first
    /// word alone (from 4 bytes, its first and last 4 bytes; below, zero-padded), the last
    /// word zero. For a given length the loads cover every byte, so equal words and
    /// lengths mean equal keys up to 16 bytes.
    @inline(__always)
    static func keyWords(_ b: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        let n = b.count
        if n >= 8 {
            // SAFETY: `n >= 8`, so both 8-byte loads (at 0 and at `n - 8`) lie in `b`; shorter keys are read a byte at a time below `n`.
            return (
                UInt64(littleEndian: b.loadUnaligned(as: UInt64.self)),
                UInt64(littleEndian: b.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
            )
        }
        if n >= 4 {
            // SAFETY: `4 <= n < 8`: the 4-byte loads at 0 and `n - 4` lie in `b` and together cover it.
            let lo = UInt64(UInt32(littleEndian: b.loadUnaligned(as: UInt32.self)))
            return (lo | UInt64(UInt32(littleEndian: b.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))) << 32, 0)
        }
        var w: UInt64 = 0
        for i in 0..<n { w |= UInt64(b[i]) << (8 * UInt64(i)) }
        return (w, 0)
    }

    /// The slot of a key in `AliasTable` under `seed`.
    @inline(__always)
    static func slot(_ first: UInt64, _ last: UInt64, _ length: Int, seed: UInt64) -> Int {
        var h = (first ^ UInt64(length) ^ seed &<< 16) &* 0x9E37_79B9_7F4A_7C15
        h ^= last &* 0xC2B2_AE3D_27D4_EB4F
        return Int(truncatingIfNeeded: (h ^ (h >> 29)) >> 32) & (AliasTable.size - 1)
    }
}
