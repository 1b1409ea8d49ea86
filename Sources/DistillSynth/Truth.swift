/// `truth.json`: every account's campaign id or benign population, per-campaign style,
/// size and drawn parameters, the benign populations' drawn parameters, how this seed's
/// logs look (time resolution, IPs, accounts file), the dirty lines injected, and the
/// world's facts (new-model release).
enum Truth {
    static func render(config: SynthConfig, world: World, accounts: [SynthAccount], dirty: [String: Int], parameters: DrawnParameters) -> String {
        var s = "{\n  \"seed\": \(config.seed),\n  \"format\": \"\(config.format.rawValue)\",\n  \"days\": \(config.days),\n"
        s += "  \"new_model\": \(EventWriter.q(world.newModel)),\n  \"new_model_released_at\": \"\(EventWriter.rfc3339(world.releaseAt))\",\n"
        let v = world.variant
        s += "  \"logs\": {\"timestamps\": \"\(v.wholeSeconds ? "seconds" : "milliseconds")\", \"timestamp_style\": \"\(config.format == .canonical && v.epochTimestamps ? "epoch" : "text")\""
        s += ", \"ips\": \(v.withIPs), \"accounts_file\": \(config.writeAccountsFile), \"human_prompts\": \(config.humanPrompts.count)"
        if config.format == .bedrock { s += ", \"log_owner\": \(EventWriter.q(v.logOwner))" }
        s += "},\n"
        s += "  \"dirty_lines\": {" + dirty.sorted { $0.key < $1.key }.map { "\(EventWriter.q($0.key)): \($0.value)" }.joined(separator: ", ") + "},\n"
        var campaigns: [String: (String, Int)] = [:]
        for a in accounts where a.kind == "campaign" { campaigns[a.group, default: (a.population, 0)].1 += 1 }
        func object(_ values: [(String, String)]) -> String { "{" + values.map { "\(EventWriter.q($0.0)): \($0.1)" }.joined(separator: ", ") + "}" }
        s +=
            "  \"campaigns\": [\n"
            + campaigns.sorted { $0.key.count != $1.key.count ? $0.key.count < $1.key.count : $0.key < $1.key }
            .map { c in
                var o = "    {\"id\": \(EventWriter.q(c.key)), \"style\": \(EventWriter.q(c.value.0)), \"accounts\": \(c.value.1)"
                if let p = parameters.values(for: c.key) { o += ", \"parameters\": " + object(p) }
                return o + "}"
            }.joined(separator: ",\n") + "\n  ],\n"
        let benign = parameters.entries.filter { campaigns[$0.group] == nil }
        s += "  \"populations\": {" + benign.map { "\n    \(EventWriter.q($0.population)): " + object($0.values) }.joined(separator: ",") + (benign.isEmpty ? "},\n" : "\n  },\n")
        s +=
            "  \"accounts\": {\n"
            + accounts.map { a in
                "    \(EventWriter.q(EventWriter.accountKey(a.id, config.format, owner: v.logOwner))): {\"kind\": \"\(a.kind)\", \"group\": \(EventWriter.q(a.group)), \"population\": \(EventWriter.q(a.population))}"
            }.joined(separator: ",\n") + "\n  }\n}\n"
        return s
    }
}
