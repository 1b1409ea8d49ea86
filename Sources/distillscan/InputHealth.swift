import DistillDecode
import DistillScan

/// The verdict on how much of the input was usable: when more than half of the lines were
/// rejected, a report saying "no campaign" would be a lie by omission, so the run says
/// what went wrong, names the likely fix and exits 3.
enum InputHealth {
    /// One line naming the share rejected, the commonest rejection and the likely fix; nil
    /// when at most half of the lines were rejected (blank lines and time-window skips are
    /// not rejections).
    static func problem(_ input: InputSummary, inputFormat: String?, schema: String?) -> String? {
        let t = input.tally
        let considered = t.lines - t.skippedTotal
        guard considered > 0, t.malformedTotal * 2 > considered else { return nil }
        guard let (kind, count) = t.malformed.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { return nil }
        let fix: String
        switch kind {
        case .missingAccount, .missingTimestamp, .wrongType, .notObject:
            if schema != nil {
                fix = "check that the --schema paths name fields these records have"
            } else if let f = inputFormat, f != "auto" {
                fix = "--input-format \(f) may be wrong: try --input-format auto, or give --schema FILE mapping your fields (docs/formats.md)"
            } else {
                fix = "the records are not in a format distillscan knows: give --schema FILE mapping your fields (docs/formats.md), or check --input-format"
            }
        case .invalidJSON, .invalidUTF8, .nulByte:
            fix = "the files are not JSON lines (compressed in a way distillscan does not read, or another log format): check them with distillscan inspect"
        case .lineTooLong, .tooDeep:
            fix = "raise --max-line-bytes / --max-depth if these records are legitimately large"
        case .badTimestamp:
            fix = "the timestamp field holds values distillscan cannot read: map another field with --schema (docs/formats.md)"
        }
        let pct = Int((Double(t.malformedTotal) / Double(considered) * 100).rounded())
        return "\(pct)% of the lines (\(t.malformedTotal) of \(considered)) were rejected, most as \(kind.rawValue) (\(count)); \(fix). The report covers the rest only"
    }
}
