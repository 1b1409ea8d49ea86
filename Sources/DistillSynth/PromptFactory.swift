/// Builds prompts: free-form human ones for benign users and dataset replay, and
/// seed-specific templates with slots for campaigns.
enum PromptFactory {
    static func fill(_ frame: String, _ rng: inout SplitMix) -> String {
        Slots.fill(frame) { slot($0, &rng) }
    }

    /// The value of a common slot: topics, foods, places, languages and numbers.
    static func slot(_ name: Substring, _ rng: inout SplitMix) -> String? {
        switch name {
        case "t", "t2": return rng.pick(TextPools.topics)
        case "f": return rng.pick(TextPools.foods)
        case "p", "p2": return rng.pick(TextPools.places)
        case "l": return rng.pick(TextPools.codeLangs)
        case "n": return String(rng.int(2...400))
        case "a": return String(rng.int(3...2000))
        case "b": return String(rng.int(2...12))
        default: return nil
        }
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

    static let formatClauses = [
        "Use Markdown headings.", "Number every paragraph.", "Write at least 800 words.", "Respond in plain text only.",
        "Be exhaustive.", "Do not skip any detail.", "Use LaTeX for formulas.", "Answer in English.", "Cite the key ideas by name.",
        "Keep a formal academic tone.", "Label each section clearly.", "End with a one-line summary.",
    ]

    /// A seed-specific campaign template; `{x}` is its slot. Assembled from fragments and
    /// clauses so that two campaigns almost never share a template.
    static func campaignTemplate(_ style: String, _ rng: inout SplitMix) -> String {
        let extra = (0..<rng.int(1...2)).map { _ in rng.pick(formatClauses) }.joined(separator: " ")
        let tag = rng.pick(["[task]", "###", "Task:", "Q:", "Input:", "Problem:", ">>"]) + " "
        switch style {
        case "reasoning":
            let a = rng.pick([
                "Solve the following problem.", "Consider this question carefully.", "Here is a task for you.", "Answer the question below.",
                "Work on this problem:", "Please help with this.", "Tackle the following.", "Read the problem and solve it.",
                "I need a careful solution.", "Take your time with this one.", "A question for an expert.", "Your assignment:",
            ])
            // An instruction assembled word group by word group: hundreds of wordings.
            let verb = rng.pick(["Think through it", "Work through it", "Reason about it", "Break it down", "Walk through it", "Go through it", "Analyse it"])
            let how = rng.pick(["step by step", "one step at a time", "methodically", "carefully and in order", "slowly and explicitly"])
            let show = rng.pick([
                "write out your complete reasoning", "show every intermediate step of your chain of thought", "number each step of your reasoning",
                "lay out your full thought process", "explain the logic behind each step", "make every inference explicit", "justify each step",
            ])
            let end = rng.pick([
                "before the final answer", "then state the answer", "and finish with 'Final answer:'", "and put the result in a box",
                "and only then answer", "ending with the answer on its own line", "and conclude with ANSWER: <value>",
            ])
            let b = "\(verb) \(how), \(show) \(end)."
            switch rng.int(0...2) {
            case 0: return "\(a) \(tag){x} \(b) \(extra)"
            case 1: return "\(a) \(b) \(extra)\n\n\(tag){x}"
            default: return "\(tag){x}\n\n\(b) \(extra)"
            }
        case "grading":
            let crit = rng.pick([
                "helpfulness, harmlessness and honesty", "accuracy and completeness", "correctness, clarity and safety", "factuality and tone",
                "reasoning quality and correctness", "relevance and depth", "instruction following and style",
            ])
            let scale = rng.pick(["from 1 to 10", "on a scale of 1 to 7", "from 1 to 5", "out of 100", "with a letter grade A-F"])
            let role = rng.pick(["You are an expert evaluator.", "Act as a strict grader.", "You are a reward model.", "Be an impartial judge.", "As a senior reviewer,"])
            let out = rng.pick([
                "Explain the score, then output 'Score: N'.", "Give a short justification first.", "Return JSON with score and rationale.",
                "List strengths and weaknesses before scoring.", "End with the verdict on its own line.",
            ])
            return rng.pick([
                "\(role) Question: {x}\nResponse: {y}\nRate the response \(scale) for \(crit). \(out) \(extra)",
                "\(role) Grade the following answer on \(crit) \(scale). \(out) \(extra)\nPrompt: {x}\nAnswer: {y}",
                "\(role) Compare the two responses to '{x}' and say which response is better for \(crit), scoring each \(scale). \(out) \(extra)\nA: {y}\nB: {y}",
            ])
        case "rewrite":
            return rng.pick([
                "The following answer is about {s}. Rewrite it so that it is safe and policy-compliant while staying helpful: {y} \(extra)",
                "A user asked about {s}. Here is a draft reply: {y}\nRewrite the reply to refuse the harmful parts but keep every safe detail. \(extra)",
                "Produce a safe rewrite of this response on {s}, explaining what you removed and why: {y} \(extra)",
            ])
        case "agentic":
            return rng.pick([
                "You are an autonomous agent with tools. Goal: {g}. Plan step by step, call tools as needed, and report every action and observation. \(extra)",
                "\(tag){g}. Use the available tools. Before each tool call, write your reasoning; after it, summarise the result. \(extra)",
                "Act as a coding agent. Objective: {g}. Think aloud, use the tools, and produce a full trace of your work. \(extra)",
            ])
        case "textbook":
            let what = rng.pick([
                "a comprehensive textbook chapter", "a long, detailed lecture", "an exhaustive study guide", "a complete course module",
                "an in-depth tutorial", "a thorough encyclopedia entry", "a full set of lecture notes", "a detailed review article",
            ])
            let audience = rng.pick([
                "for university students", "for advanced high-school students", "for graduate students", "for self-learners",
                "for engineers new to the field", "for a general audience", "for exam preparation",
            ])
            let parts = rng.pick([
                "with sections, worked examples and exercises with solutions", "covering theory, history and examples",
                "with definitions, derivations, examples and practice questions with answers", "with a glossary and review questions",
                "including common mistakes and how to avoid them", "with case studies and a summary table", "with proofs where relevant",
            ])
            let length = rng.pick(["", "Aim for 3000 words.", "Be as long as needed.", "Cover every subtopic.", "Include at least five examples."])
            return rng.chance(0.5) ? "Write \(what) on {x} \(audience), \(parts). \(length) \(extra)" : "\(tag){x}\nProduce \(what) \(parts), \(audience). \(length) \(extra)"
        case "cjk":
            let tail = rng.pick(["请使用Markdown格式。", "字数不少于一千字。", "请分点作答。", "语言要正式。", ""])
            return rng.pick([
                "请一步一步地详细解释{c}，写出完整的推理过程，最后给出结论。\(tail)",
                "关于{c}，请先列出思考步骤，再逐步推理，并在最后总结答案。\(tail)",
                "你是一名专家。请详细分析{c}，展示你的全部思维链，然后给出最终答案。\(tail)",
                "题目：{c}。请写出详细的推理过程和每一步的依据。\(tail)",
            ])
        default:
            return "{x}"
        }
    }

    /// Fills a campaign template's slots.
    static func instantiate(_ template: String, _ rng: inout SplitMix) -> String {
        Slots.fill(template) { name in
            switch name {
            case "x":
                switch rng.int(0...3) {
                case 0: return fill(rng.pick(TextPools.mathProblems), &rng)
                case 1: return "Explain " + rng.pick(TextPools.topics) + " and its consequences for " + rng.pick(TextPools.topics) + "."
                case 2: return "How does " + rng.pick(TextPools.topics) + " relate to " + rng.pick(TextPools.topics) + " in " + rng.pick(TextPools.places) + "?"
                default: return "Derive the main result about " + rng.pick(TextPools.topics) + " (case \(rng.int(1...5000)))."
                }
            case "y":
                return "\(rng.pick(TextPools.topics).capitalized) is " + rng.pick(["a process", "a concept", "an event", "a field"]) + " that "
                    + rng.pick(["changed how we think.", "has many parts.", "is often misunderstood.", "matters today."])
            case "s": return rng.pick(TextPools.sensitive)
            case "g": return fill(rng.pick(TextPools.agentTasks), &rng)
            case "c":
                return rng.pick(TextPools.cjkTopics) + rng.pick(["的原理", "的历史", "与", "对", "在"]) + rng.pick(TextPools.cjkTopics)
                    + rng.pick(["的关系", "的影响", "中的应用", "的比较"]) + "（第\(rng.int(1...9999))题）"
            default: return nil
            }
        }
    }
}
