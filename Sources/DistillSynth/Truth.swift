/// `truth.json`: every account's campaign id or benign population, per-campaign style
/// and size, the dirty lines injected, and the world's facts (new-model release).
enum Truth {
    static func render(config: SynthConfig, world: World, accounts: [SynthAccount], dirty: [String: Int]) -> String {
        var s = "{\n  \"seed\": \(config.seed),\n  \"format\": \"\(config.format.rawValue)\",\n  \"days\": \(config.days),\n"
        s += "  \"new_model\": \(EventWriter.q(world.newModel)),\n  \"new_model_released_at\": \"\(EventWriter.rfc3339(world.releaseAt))\",\n"
        s += "  \"dirty_lines\": {" + dirty.sorted { $0.key < $1.key }.map { "\(EventWriter.q($0.key)): \($0.value)" }.joined(separator: ", ") + "},\n"
        var campaigns: [String: (String, Int)] = [:]
        for a in accounts where a.kind == "campaign" { campaigns[a.group, default: (a.population, 0)].1 += 1 }
        s += "  \"campaigns\": [\n" + campaigns.sorted { $0.key.count != $1.key.count ? $0.key.count < $1.key.count : $0.key < $1.key }
            .map { "    {\"id\": \(EventWriter.q($0.key)), \"style\": \(EventWriter.q($0.value.0)), \"accounts\": \($0.value.1)}" }.joined(separator: ",\n") + "\n  ],\n"
        s += "  \"accounts\": {\n" + accounts.map { a in
            "    \(EventWriter.q(EventWriter.accountKey(a.id, config.format))): {\"kind\": \"\(a.kind)\", \"group\": \(EventWriter.q(a.group)), \"population\": \(EventWriter.q(a.population))}"
        }.joined(separator: ",\n") + "\n  }\n}\n"
        return s
    }
}
