import DistillScan
import Testing

@testable import DistillLink
@testable import DistillProfile
@testable import DistillReport
@testable import DistillScore

/// Issue 18: the scorer hands typed measures and the report writes the sentences; the
/// words are the contract of the evidence column (goldens hold them too), numbers from
/// the logs of any size render without trapping, and `--redact` masks log text in them
/// by its type.
@Suite("evidence sentences from typed facts")
struct EvidenceSentenceTests {
    @Test func everySignalFactSaysItsNumbers() {
        let tags = [SignalFact.TagShare(tag: IntentTag.allCases.first { $0.isExtraction }!, share: 0.25)]
        let intent = SignalFact.extractionIntent(requests: 1200, phraseShare: 0.4, shapeShare: 0.126, tags: tags).sentence
        #expect(intent == "40% of 1200 requests match extraction rules (\(tags[0].tag.rawValue) 25%); 13% are single-turn asks for a long output")
        // A tag under the shown share is left out.
        #expect(!SignalFact.extractionIntent(requests: 5, phraseShare: 0, shapeShare: 0, tags: [.init(tag: tags[0].tag, share: 0.01)]).sentence.contains("("))
        #expect(
            SignalFact.outputAppetite(meanOutputTokens: 1523.9, hitLimitShare: 0.5, largeMaxTokensShare: 1, largeMaxTokens: 4096).sentence
                == "mean output 1523 tokens, 50% of outputs stop at the token limit, 100% ask for max_tokens ≥ 4096")
        #expect(SignalFact.automation(singleTurnShare: 0.97, hourEntropy: 0.987).sentence == "97% single-turn requests; hour-of-day entropy 0.99 (1 = flat, 24/7)")
        #expect(SignalFact.coordination(edges: 12, linkedAccounts: 5, accounts: 6).sentence == "12 evidence edges link 5 of 6 accounts")
        #expect(SignalFact.linkage(kind: .lockstep, pairs: 3, meanWeight: 2.5).sentence == "3 linked account pairs fire in the same minutes of the hour (lockstep) (mean weight 2.50)")
        #expect(
            SignalFact.modelPivot(model: "m-2", lagHours: 3.456, groupShare: 0.8, othersShare: 0.05).sentence
                == "moved to m-2 3.46 h after its first appearance; it carries 80% of the group's requests vs 5% for all other accounts")
        // Every evidence kind has its own words.
        #expect(Set(EvidenceKind.allCases.map(SignalFact.label)).count == EvidenceKind.allCases.count)
    }

    @Test func severityRulesAndBenignFactsSayTheirThresholds() {
        #expect(SeverityRule.score(.critical, threshold: 80, minAccounts: 10).sentence == "score ≥ 80 with ≥ 10 accounts: critical")
        #expect(SeverityRule.score(.medium, threshold: 45, minAccounts: nil).sentence == "score ≥ 45: medium")
        #expect(
            SeverityRule.cappedLow(intent: 0.03, intentFloor: 0.1, appetite: 0.2, appetiteFloor: 0.35).sentence
                == "capped at low: extraction intent 3% < 10% and observed output appetite 0.20 < 0.35")
        #expect(
            BenignFact.batchPipeline(organisations: 1, meanOutputTokens: 120.7, shortOutputTokens: 300).sentence
                == "1 declared organisation(s), mean output 120 tokens (one organisation with outputs under 300 tokens is a batch pipeline)")
        #expect(
            BenignFact.widespreadClient(share: 0.9, minAccounts: 50, threshold: 0.6).sentence
                == "90% of requests carry a system prompt used by ≥ 50 accounts (a widespread client when ≥ 60%)")
    }

    /// Regression: the sentences converted log-derived means with `Int(_:)`, which traps on
    /// a value beyond `Int`'s range (saturated token sums make such means possible).
    @Test func hugeOrUndefinedNumbersRenderWithoutTrapping() {
        let huge = SignalFact.outputAppetite(meanOutputTokens: 1e300, hitLimitShare: .nan, largeMaxTokensShare: -1e300, largeMaxTokens: 1).sentence
        #expect(huge.hasPrefix("mean output \(Int.max) tokens, 0% of outputs"))
        #expect(SignalFact.automation(singleTurnShare: .infinity, hourEntropy: 1e19).sentence.contains("entropy \(Int.max)."))
    }

    /// A pivot's model name is the one piece of log text in the evidence: `--redact` masks
    /// an address or e-mail written in it, as in the models table.
    @Test func redactionMasksLogTextInAPivotsModelName() {
        var c = ReportRenderingTests.campaign("C-1", ["a", "b", "c"])
        c.signals = [Signal(kind: .modelPivot, strength: 1, fact: .modelPivot(model: "ops@corp.example 198.51.100.7", lagHours: 1, groupShare: 1, othersShare: 0))]
        c.models = [Tally(value: "ops@corp.example 198.51.100.7", accounts: 3, requests: 9)]
        let r = Redaction(key: Array("a key of sixteen bytes".utf8)).apply(ReportRenderingTests.report([c]))
        let text = r.markdown() + r.json().render()
        #expect(!text.contains("ops@corp.example") && !text.contains("198.51.100.7"))
        #expect(r.campaigns[0].signals[0].fact.sentence.contains("198.51.100.0/24"))
        #expect(r.campaigns[0].models.map(\.value) == [r.campaigns[0].signals[0].fact.sentence.split(separator: " ")[2] + " 198.51.100.0/24"])
    }
}

extension EvidenceSentenceTests {
    /// Regression: the scrub compared Characters, so an e-mail whose `@` carries a combining
    /// mark was not hashed in a redacted model name.
    @Test func redactionHashesAnEmailWhoseAtSignCarriesACombiningMark() {
        var c = ReportRenderingTests.campaign("C-1", ["a", "b", "c"])
        c.models = [Tally(value: "ops@\u{301}corp.example", accounts: 3, requests: 9)]
        let r = Redaction(key: Array("a key of sixteen bytes".utf8)).apply(ReportRenderingTests.report([c]))
        #expect(r.campaigns[0].models.map(\.value).allSatisfy { $0.hasPrefix("h:") })
    }
}
