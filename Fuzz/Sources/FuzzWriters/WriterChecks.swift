import FuzzSupport

@testable import DistillDecode
@testable import DistillReport
@testable import DistillScan
@testable import DistillScore

/// The report built from fuzzed strings and the invariants every writer must keep.
enum WriterChecks {
    /// `s` without the characters a writer must neutralise (markup, quotes, separators,
    /// line breaks, controls): the reference rendering `sameShape` compares against.
    /// Equal strings stay equal and distinct ones distinct (a numbered suffix), empty ones empty.
    static func tamed(_ strings: [String]) -> [String] {
        strings.map { s in s.isEmpty ? "" : tamed(s) + "n" + String(strings.firstIndex(of: s)!) }
    }

    static func tamed(_ s: String) -> String {
        String(
            String.UnicodeScalarView(
                s.unicodeScalars.filter { u in
                    !"<>&|\"'`\\,;*_#[](){}!~=+-@.:/\n\r\t".unicodeScalars.contains(u) && u.value >= 0x20 && !(0x7F...0x9F).contains(u.value)
                        && !(0x2028...0x2029).contains(u.value)
                }))
    }

    static func report(_ s: [String]) -> AnalysisReport {
        func at(_ i: Int) -> String { s.isEmpty ? "" : s[i % s.count] }
        func tallies(_ from: Int) -> [Tally] { (0..<3).map { Tally(value: at(from + $0), accounts: 2, requests: 5 + $0) } }
        // Campaign ids, timeline labels, severity rules and evidence kinds are the tool's own
        // words (a hash, days, typed numbers), never log text; a pivot's model name is.
        // Distinct member ids however the strings repeat.
        let accounts = (0..<max(2, min(s.count, 8))).map { at($0) + "\u{0}" + String($0) }.map { $0.replacingOccurrences(of: "\u{0}", with: "") }
        let c = Campaign(
            id: "c-7f3a9e", severity: .high, score: 80, accounts: accounts, requests: 10, firstSeen: 1_785_542_400_000,
            lastSeen: 1_785_600_000_000, signals: [
                Signal(
                    kind: .modelPivot, strength: 0.5, weight: 10,
                    fact: .modelPivot(model: at(2) + at(3), lagHours: 1.5, groupShare: 0.5, othersShare: 0.1))
            ],
            benign: [], severityRule: .score(.high, threshold: 60, minAccounts: nil),
            families: [Campaign.FamilySummary(template: at(4), share: 0.5, accounts: 2, outsideAccounts: 0)],
            ips: tallies(5), subnets: tallies(6), clients: tallies(7), payments: tallies(8), emailDomains: tallies(9),
            models: tallies(10), timeline: [(day: 20666, requests: 3)], samples: [at(12), at(13)])
        var r = AnalysisReport(
            input: InputSummary(), campaigns: [c], accounts: accounts.count, candidates: accounts.count, families: 1,
            manifest: RunManifest(
                toolName: "distillscan", toolVersion: "fuzz", commandLine: [at(14)], parameters: [],
                rulePackName: at(15), rulePackVersion: "1", rulePackSHA256: "", accountsFile: nil,
                accountsFileSHA256: nil, accountsTally: nil))
        for (i, id) in accounts.enumerated() {
            r.members[id] = MemberFigures(
                account: id, requests: 3, firstSeen: 1_785_542_400_000, lastSeen: 1_785_542_500_000,
                emailDomain: at(i + 16), payment: at(i + 17), country: at(i + 18), topIP: at(i + 19),
                topClient: at(i + 20), suspicion: 0.7, extractionShare: 0.5,
                evidence: ["ip", "payment"], links: 1)
        }
        return r
    }

    /// Lines and `<` must not come from log text: the same count as the tamed rendering.
    /// (`angles: false` for DOT, where a `<` inside a quoted string is text; Markdown is
    /// compared without its code spans, where a `<` is text too.)
    static func sameShape(_ writer: String, _ hostile: String, _ tame: String, angles: Bool = true) {
        func lines(_ s: String) -> Int { s.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        func opens(_ s: String) -> Int { s.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "<") ? 1 : 0) } }
        if lines(hostile) != lines(tame) || (angles && opens(hostile) != opens(tame)) { keep(writer, hostile, tame) }
        guard lines(hostile) == lines(tame) else { FuzzSupport.fail("\(writer): \(lines(hostile)) lines, \(lines(tame)) with tamed text") }
        guard !angles || opens(hostile) == opens(tame) else { FuzzSupport.fail("\(writer): \(opens(hostile)) '<', \(opens(tame)) with tamed text") }
    }

    /// Both renderings in scratch files, to see where they part.
    static func keep(_ writer: String, _ hostile: String, _ tame: String) {
        _ = hostile.utf8.withContiguousStorageIfAvailable { FuzzSupport.scratchFile(UnsafeRawBufferPointer($0), suffix: "-\(writer)-hostile") }
        _ = tame.utf8.withContiguousStorageIfAvailable { FuzzSupport.scratchFile(UnsafeRawBufferPointer($0), suffix: "-\(writer)-tame") }
    }

    /// `htmlSelfCheck` run once, before the first input.
    static let htmlSelfChecked: Bool = {
        htmlSelfCheck()
        return true
    }()

    /// Markdown without its code spans (a run of backticks, not backslash-escaped, to the
    /// next run of the same length, on one line).
    static func outsideCodeSpans(_ md: String) -> String {
        var out = String.UnicodeScalarView()
        for (n, line) in md.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if n > 0 { out.append("\n") }
            let u = Array(line.unicodeScalars)
            var i = 0
            while i < u.count {
                // A backslash escape outside a code span: an escaped backtick opens nothing.
                if u[i] == "\\" && i + 1 < u.count { out.append(u[i]); out.append(u[i + 1]); i += 2; continue }
                guard u[i] == "`" else { out.append(u[i]); i += 1; continue }
                var run = 0
                while i + run < u.count && u[i + run] == "`" { run += 1 }
                // Find the closing run of exactly `run` backticks.
                var j = i + run, close = -1
                while j < u.count {
                    if u[j] == "`" {
                        var r = 0
                        while j + r < u.count && u[j + r] == "`" { r += 1 }
                        if r == run { close = j; break }
                        j += r
                    } else {
                        j += 1
                    }
                }
                if close < 0 { for k in i..<(i + run) { out.append(u[k]) }; i += run } else { i = close + run }
            }
        }
        return String(out)
    }

    /// Every row of a Markdown table has as many cell separators as its header. A cell
    /// separator is a `|` not directly after a backslash: GitHub's table parser (cmark-gfm,
    /// `escaped_char = [\\][|]`) keeps `\\|` inside the cell too (checked with cmarkgfm);
    /// counting backslash pairs first made `ab\\|x` a false split.
    static func tableColumnsHold(_ md: String) {
        var expected: Int?
        for line in md.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { expected = nil; continue }
            var pipes = 0, previous: Unicode.Scalar = " "
            for ch in line.unicodeScalars {
                if ch == "|" && previous != "\\" { pipes += 1 }
                previous = ch
            }
            if let e = expected, e != pipes { FuzzSupport.fail("table row with \(pipes) separators, header \(e): \(line)") }
            expected = expected ?? pipes
        }
    }

    /// No terminal controls, bidi overrides or line separators.
    static func noControls(_ writer: String, _ s: String) {
        for u in s.unicodeScalars
        where (u.value < 0x20 && u != "\n" && u != "\r") || (0x7F...0x9F).contains(u.value)
            || (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value)
        {
            FuzzSupport.fail("\(writer): control U+\(String(u.value, radix: 16)) in the output")
        }
    }

    /// Every DOT line is a brace or a statement starting with a quoted id, quotes paired.
    static func dotStatementsQuoted(_ dot: String) {
        for (i, line) in dot.split(separator: "\n").enumerated() where i > 0 {
            let t = line.drop { $0 == " " }
            guard t == "}" || t.hasPrefix("\"") || t.hasPrefix("node") || t.hasPrefix("subgraph") || t.hasPrefix("edge") || t.hasPrefix("graph") || t.hasPrefix("rankdir") || t.hasPrefix("label")
            else {
                FuzzSupport.fail("dot: statement without a quoted id: \(line)")
            }
            var quotes = 0, escaped = false
            for ch in t.unicodeScalars {
                if ch == "\"" && !escaped { quotes += 1 }
                escaped = ch == "\\" && !escaped
            }
            guard quotes % 2 == 0 else { FuzzSupport.fail("dot: unpaired quote: \(line)") }
        }
    }

    /// RFC 4180 read back: `rows` records of the header's 16 fields, no formula-leading cell.
    static func csvParses(_ csv: String, rows: Int) {
        var records: [[String]] = [], fields: [String] = [], field = "", quoted = false, atStart = true
        var it = Array(csv.unicodeScalars)[...]
        while let u = it.popFirst() {
            if quoted {
                if u == "\"" { if it.first == "\"" { it.removeFirst(); field.unicodeScalars.append(u) } else { quoted = false } } else { field.unicodeScalars.append(u) }
            } else if u == "\"" && atStart {
                quoted = true; atStart = false
            } else if u == "," {
                fields.append(field); field = ""; atStart = true
            } else if u == "\r" && it.first == "\n" {
                it.removeFirst(); fields.append(field); records.append(fields); fields = []; field = ""; atStart = true
            } else {
                field.unicodeScalars.append(u); atStart = false
            }
        }
        guard fields.isEmpty && field.isEmpty && !quoted else { FuzzSupport.fail("csv: does not end with CRLF after a whole record") }
        guard records.count == rows else { FuzzSupport.fail("csv: \(records.count) records, expected \(rows)") }
        for r in records {
            guard r.count == CSV.header.count else { FuzzSupport.fail("csv: a record of \(r.count) fields") }
            for f in r { if let u = f.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(u) { FuzzSupport.fail("csv: formula-leading cell \(f)") } }
        }
    }
}
