import Testing

@testable import DistillSynth

@Suite("eval scores")
struct EvaluationTests {
    let truth: [String: (kind: String, group: String, population: String)] = [
        "a1": ("campaign", "C1", "hydra"), "a2": ("campaign", "C1", "hydra"), "a3": ("campaign", "C1", "hydra"), "a4": ("campaign", "C1", "hydra"),
        "b1": ("campaign", "C2", "relay"), "b2": ("campaign", "C2", "relay"),
        "n1": ("benign", "casual", "casual"), "n2": ("benign", "university", "university"),
    ]

    @Test func perfectReport() {
        let e = Evaluation.evaluate(predicted: [("X", "high", ["a1", "a2", "a3", "a4"]), ("Y", "low", ["b1", "b2"])], truth: truth)
        #expect(e.precision == 1 && e.recall == 1 && e.f1 == 1 && e.bcubedF1 == 1)
        #expect(e.campaigns.map(\.fragments) == [1, 1])
    }

    @Test func knownScoresForAMixedReport() {
        // One campaign split in two, the other missed, one benign account reported at medium.
        let e = Evaluation.evaluate(predicted: [("X", "critical", ["a1", "a2"]), ("Y", "medium", ["a3", "a4", "n2"])], truth: truth)
        #expect(e.precision == 0.8)
        #expect(abs(e.recall - 4.0 / 6.0) < 1e-9)
        #expect(abs(e.f1 - 2 * 0.8 * (4.0 / 6.0) / (0.8 + 4.0 / 6.0)) < 1e-9)
        // B-cubed precision: a1,a2: 1; a3,a4: 2/3; n2: 1/3; b1,b2,n1 singletons: 1 → (2 + 4/3 + 1/3 + 3) / 8.
        #expect(abs(e.bcubedPrecision - (2 + 4.0 / 3 + 1.0 / 3 + 3) / 8) < 1e-9)
        // B-cubed recall: a*: 2/4 each; b1,b2: 1/2 each; n1,n2: 1 → (2 + 1 + 2) / 8.
        #expect(abs(e.bcubedRecall - 5.0 / 8) < 1e-9)
        #expect(e.campaigns.first { $0.id == "C1" }?.fragments == 2)
        #expect(e.campaigns.first { $0.id == "C2" }?.recall == 0)
        #expect(e.benignAtMediumOrAbove == 1)
        #expect(e.falsePositives.map(\.population) == ["university"])
    }
}
