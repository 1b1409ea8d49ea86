import Testing
@testable import DistillProfile

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
