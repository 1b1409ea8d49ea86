/// Builds prompts: free-form human ones for benign users and dataset replay, and
/// seed-specific templates with slots for campaigns.
enum PromptFactory {
    static func fill(_ frame: String, _ rng: inout SplitMix) -> String {
        var s = frame
        let keys = ["{t2}", "{t}", "{f}", "{p2}", "{p}", "{l}"]
        for k in keys {
            while let r = s.range(of: k) {
                let v: String
                switch k {
                case "{t}", "{t2}": v = rng.pick(TextPools.topics)
                case "{f}": v = rng.pick(TextPools.foods)
                case "{p}", "{p2}": v = rng.pick(TextPools.places)
                default: v = rng.pick(TextPools.codeLangs)
                }
                s.replaceSubrange(r, with: v)
            }
        }
        while let r = s.range(of: "{n}") { s.replaceSubrange(r, with: String(rng.int(2...400))) }
        while let r = s.range(of: "{a}") { s.replaceSubrange(r, with: String(rng.int(3...120))) }
        while let r = s.range(of: "{b}") { s.replaceSubrange(r, with: String(rng.int(2...12))) }
        return s
    }

    /// A casual chat prompt; `foreign` picks another language or script.
    static func casual(_ rng: inout SplitMix, foreign: Bool) -> String {
        var s = fill(rng.pick(foreign ? TextPools.foreignFrames : TextPools.casualFrames), &rng)
        if rng.chance(0.2) { s = rng.pick(["hey, ", "quick question: ", "pls ", "ok so ", ""]) + s }
        if rng.chance(0.15) { s += rng.pick([" thanks!", " :)", " asap", " in simple words", ""]) }
        return s
    }

    /// Human-style prompts with no shared template (public prompt datasets).
    static func datasetPrompt(_ rng: inout SplitMix) -> String {
        let openers = ["", "I'm curious: ", "Question. ", "Help me understand this. ", "For a school project, ", "My friend and I disagree. ", "Be detailed. "]
        let bodies = [
            "how did {t} change the world", "what would happen if {t} suddenly stopped", "compare {t} with {t2} in a table",
            "write a story where {t} is a character", "what are common misconceptions about {t}", "give me a timeline of {t}",
            "how would you teach {t} to a teenager", "what are the open research questions about {t}", "debate both sides of {t}",
            "create a quiz with answers on {t}", "describe {t} from the perspective of a historian", "list ten surprising facts about {t}",
            "what is the math behind {t}", "how is {t} related to {t2}", "write an essay outline about {t}",
        ]
        var s = rng.pick(openers) + fill(rng.pick(bodies), &rng)
        if rng.chance(0.5) { s += rng.pick(["?", ".", "!", " — please be thorough.", " Use examples.", " Keep it rigorous."]) }
        return s
    }

    static func code(_ rng: inout SplitMix) -> String { fill(rng.pick(TextPools.codeFrames), &rng) }

    static func homework(_ rng: inout SplitMix) -> String {
        let lead = rng.pick(["Solve step by step: ", "Can you show the steps for this homework problem? ", "I don't get this one, explain the steps: ", "hw help: ", ""])
        return lead + fill(rng.pick(TextPools.mathProblems), &rng)
    }

    /// A seed-specific campaign template; `{x}` is its slot.
    static func campaignTemplate(_ style: String, _ rng: inout SplitMix) -> String {
        switch style {
        case "reasoning":
            let a = rng.pick(["Solve the following problem.", "Consider this question carefully.", "Here is a task for you.", "Answer the question below.", "Work on this problem:"])
            let b = rng.pick(["Think through it step by step and write out your complete reasoning before the final answer.",
                              "Show every intermediate step of your chain of thought, then state the answer.",
                              "Explain your reasoning in detail, numbering each step, and finish with 'Final answer:'.",
                              "Reason carefully, verify each step, and only then give the final answer in a box."])
            return rng.chance(0.5) ? "\(a) {x} \(b)" : "\(a) \(b)\n\n{x}"
        case "grading":
            let crit = rng.pick(["helpfulness, harmlessness and honesty", "accuracy and completeness", "correctness, clarity and safety"])
            return rng.pick([
                "You are an expert evaluator. Question: {x}\nResponse: {y}\nRate the response from 1 to 10 for \(crit). Explain the score, then output 'Score: N'.",
                "Grade the following answer on \(crit) using a 1-10 scale and justify your grade.\nPrompt: {x}\nAnswer: {y}",
                "Compare the two responses to the question '{x}' and say which one is better for \(crit), with a score for each.\nA: {y}\nB: {y}",
            ])
        case "rewrite":
            return rng.pick([
                "The following answer is about {s}. Rewrite it so that it is safe and policy-compliant while staying helpful: {y}",
                "A user asked about {s}. Here is a draft reply: {y}\nRewrite the reply to refuse the harmful parts but keep every safe detail.",
                "Produce a safe rewrite of this response on {s}, explaining what you removed and why: {y}",
            ])
        case "agentic":
            return rng.pick([
                "You are an autonomous agent with tools. Goal: {g}. Plan step by step, call tools as needed, and report every action and observation.",
                "Task: {g}. Use the available tools. Before each tool call, write your reasoning; after it, summarise the result.",
                "Act as a coding agent. Objective: {g}. Think aloud, use the tools, and produce a full trace of your work.",
            ])
        case "textbook":
            return rng.pick([
                "Write a comprehensive textbook chapter on {x} with sections, worked examples and exercises with solutions.",
                "Produce a long, detailed lecture on {x} suitable for university students, covering theory, history and examples.",
                "Write an exhaustive study guide about {x}: definitions, derivations, examples, and 10 practice questions with answers.",
            ])
        case "cjk":
            return rng.pick([
                "请一步一步地详细解释{c}，写出完整的推理过程，最后给出结论。",
                "关于{c}，请先列出思考步骤，再逐步推理，并在最后总结答案。",
                "你是一名专家。请详细分析{c}，展示你的全部思维链，然后给出最终答案。",
            ])
        default:
            return "{x}"
        }
    }

    /// Fills a campaign template's slots.
    static func instantiate(_ template: String, _ rng: inout SplitMix) -> String {
        var s = template
        while let r = s.range(of: "{x}") {
            let v = rng.chance(0.5) ? fill(rng.pick(TextPools.mathProblems), &rng) : "Explain " + rng.pick(TextPools.topics) + " and its consequences."
            s.replaceSubrange(r, with: v)
        }
        while let r = s.range(of: "{y}") { s.replaceSubrange(r, with: "\(rng.pick(TextPools.topics).capitalized) is " + rng.pick(["a process", "a concept", "an event", "a field"]) + " that " + rng.pick(["changed how we think.", "has many parts.", "is often misunderstood.", "matters today."])) }
        while let r = s.range(of: "{s}") { s.replaceSubrange(r, with: rng.pick(TextPools.sensitive)) }
        while let r = s.range(of: "{g}") { s.replaceSubrange(r, with: fill(rng.pick(TextPools.agentTasks), &rng)) }
        while let r = s.range(of: "{c}") { s.replaceSubrange(r, with: rng.pick(TextPools.cjkTopics) + rng.pick(["的原理", "的历史", "与社会的关系", "的数学基础", ""])) }
        return s
    }
}
