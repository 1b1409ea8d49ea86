import DistillTemplates
import Testing

@testable import DistillTemplates

@Suite("template miner")
struct TemplateMinerTests {
    @Test func groupsLinesOfOneTemplateAndMasksValues() {
        var m = TemplateMiner()
        let a = m.add("PacketResponder 1 for block blk_38865049064139660 terminating")
        let b = m.add("PacketResponder 0 for block blk_-6952295868487656571 terminating")
        let c = m.add("Received block blk_123 of size 67108864 from /10.250.19.102")
        #expect(a == b)
        #expect(a != c)
        #expect(m.text(m.templates[a]) == "PacketResponder <*> for block <*> terminating")
    }

    @Test func differingWordsBecomeSlots() {
        var m = TemplateMiner()
        let a = m.add("session opened for user alice by admin")
        let b = m.add("session opened for user bob by admin")
        #expect(a == b)
        #expect(m.text(m.templates[a]) == "session opened for user <*> by admin")
    }

    @Test func alignerBuildsReadableFamilyTemplates() {
        let t = TemplateAligner.template([
            "Explain photosynthesis step by step and show your reasoning.",
            "Explain the water cycle step by step and show your reasoning.",
        ])
        #expect(t == "Explain <*> step by step and show your reasoning.")
    }
}

@Suite("template merge pass")
struct TemplateMergeTests {
    func groups(_ lines: [String]) -> [Int] {
        var m = TemplateMiner()
        let ids = lines.map { m.add($0) }
        let g = m.mergedGroups()
        return ids.map { g[$0] }
    }

    @Test func anOptionalValueInsideTheMessageIsOneTemplate() {
        let g = groups([
            "proxy:5070 close, 0 bytes sent, 0 bytes received, lifetime 00:01",
            "proxy:5070 close, 850 bytes (0.8 KB) sent, 10 bytes received, lifetime 00:02",
        ])
        #expect(g[0] == g[1])
    }

    @Test func anExtraTrailingFieldIsAnotherMessage() {
        let g = groups([
            "authentication failure; rhost=10.0.0.1",
            "authentication failure; rhost=10.0.0.2 user=root",
        ])
        #expect(g[0] != g[1])
    }
}
