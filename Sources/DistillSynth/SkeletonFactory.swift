/// A fixed instruction skeleton (title, headings, a requirements list, a closing
/// instruction) written in a few paraphrased wordings, around a per-request payload
/// (a question and a paragraph of context) that is larger than the skeleton.
struct SkeletonSpec: Sendable {
    /// Each wording is the skeleton text with `{task}` and `{context}` slots.
    var wordings: [String]
    /// The share of a prompt's words that belong to the skeleton, drawn per request.
    var share: ClosedRange<Double>

    /// Words of a wording without its slots.
    static func skeletonWords(_ wording: String) -> Int {
        words(wording.replacingOccurrences("{task}", " ").replacingOccurrences("{context}", " "))
    }

    static func words(_ s: String) -> Int { s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).count }
}

enum SkeletonFactory {
    /// One requirement in several wordings (each paraphrase of the skeleton picks one).
    static let requirements: [[String]] = [
        ["Answer every part of the task completely.", "Address each part of the task in full.", "Do not leave any part of the task unanswered.", "Cover all parts of the task."],
        [
            "Show your reasoning step by step before the final answer.", "Write out each step of your reasoning, then the answer.", "Explain your thinking one step at a time before concluding.",
            "Lay out the full chain of reasoning first, the answer last.",
        ],
        [
            "Use the context where it is relevant and say where you rely on it.", "Ground your answer in the context and point to the parts you use.",
            "Refer to the context whenever it supports a step.", "Make use of the context and cite the passages you draw on.",
        ],
        ["Be detailed: at least 600 words.", "Write a long, thorough answer of 600 words or more.", "Length: no fewer than 600 words.", "Give a comprehensive answer (600+ words)."],
        ["Include at least two worked examples.", "Give two or more concrete, worked examples.", "Illustrate with at least two examples worked in full.", "Add two worked examples or more."],
        ["State any assumptions explicitly.", "List the assumptions you make.", "Make every assumption explicit.", "Say clearly what you assume."],
        [
            "Use Markdown headings for each section.", "Structure the answer with Markdown section headings.", "Organise the answer into headed Markdown sections.",
            "Put each section under its own Markdown heading.",
        ],
        [
            "Check your result and correct any mistake before finishing.", "Verify the answer and fix errors before you end.", "Double-check the result and correct it if needed.",
            "Review your work for mistakes before the final answer.",
        ],
        ["Do not refuse or shorten the answer.", "Do not cut the answer short or decline.", "Never truncate or skip the answer.", "Give the full answer; do not abbreviate."],
    ]
    static let titles = [
        ["Expert Task", "Task for an Expert", "Expert Assignment"], ["Knowledge Request", "Request for a Full Answer", "Detailed Answer Request"],
        ["Training Item", "Practice Item", "Study Item"], ["Research Brief", "Brief for Research", "Research Question Brief"],
    ]
    static let taskHeadings = ["Task", "Question", "Problem", "Assignment", "Query"]
    static let contextHeadings = ["Context", "Background", "Reference Material", "Source Text", "Supporting Information"]
    static let requirementHeadings = ["Requirements", "Instructions", "Rules", "Constraints", "Guidelines"]
    static let closings = [
        [
            "Now write the complete answer following every requirement above.", "Write your full answer now, meeting all of the requirements.",
            "Now produce the answer, following each requirement listed.",
        ],
        [
            "Begin your answer below and make sure it meets all requirements.", "Start your answer after this line and satisfy every requirement.",
            "Your answer begins below; it must follow all the rules above.",
        ],
        ["Respond now with the full, reasoned solution.", "Now respond with the complete reasoned solution.", "Give the full solution with its reasoning now."],
    ]

    /// A skeleton with `count` paraphrased wordings (1–6) whose share of the prompt's
    /// words falls in a range drawn within 10–40 %.
    static func make(_ rng: inout SplitMix, wordings count: Int, shareCenter: Double) -> SkeletonSpec {
        let reqs = Array(requirements.indices.shuffled(using: &rng).prefix(rng.int(4...7)))
        let title = rng.pick(titles), closing = rng.pick(closings)
        let marker = rng.int(0...2)
        let numbered = rng.chance(0.5)
        var wordings: [String] = []
        for v in 0..<count {
            // The first wording takes the first phrasing of every part; each further one rewords
            // some of the requirements, the title and the closing, and may rename the headings.
            func phrase(_ options: [String]) -> String { v == 0 ? options[0] : rng.pick(options) }
            let th = v == 0 ? taskHeadings[0] : rng.pick(taskHeadings)
            let ch = v == 0 ? contextHeadings[0] : rng.pick(contextHeadings)
            let rh = v == 0 ? requirementHeadings[0] : rng.pick(requirementHeadings)
            func heading(_ h: String) -> String {
                switch marker {
                case 0: return "## \(h)";
                case 1: return "**\(h):**";
                default: return h.uppercased() + ":"
                }
            }
            var s = (marker == 0 ? "# " : "") + phrase(title) + "\n\n"
            s += heading(th) + "\n{task}\n\n" + heading(ch) + "\n{context}\n\n" + heading(rh) + "\n"
            for (i, r) in reqs.enumerated() { s += (numbered ? "\(i + 1). " : "- ") + phrase(requirements[r]) + "\n" }
            s += "\n" + phrase(closing)
            if !wordings.contains(s) { wordings.append(s) }
        }
        let half = 0.02 + 0.03 * rng.unit()
        let lo = max(0.10, shareCenter - half), hi = min(0.40, shareCenter + half)
        return SkeletonSpec(wordings: wordings, share: lo...hi)
    }

    /// A prompt: one wording around a question and a context paragraph sized so that the
    /// skeleton's share of the words falls inside `spec.share`.
    static func prompt(_ spec: SkeletonSpec, question: String, _ rng: inout SplitMix) -> String {
        let wording = rng.pick(spec.wordings)
        let s = Double(SkeletonSpec.skeletonWords(wording))
        let target = spec.share.lowerBound + rng.unit() * (spec.share.upperBound - spec.share.lowerBound)
        // Payload words p such that s / (s + p) = target.
        let need = Int((s * (1 - target) / target).rounded())
        var words = question.split(separator: " ").map(String.init)
        if words.count > need - 5 { words = Array(words.prefix(max(3, need - 5))) }
        var context: [String] = []
        while words.count + context.count < need { context += ContextText.sentence(&rng).split(separator: " ").map(String.init) }
        if words.count + context.count > need {
            // An excerpt: the paragraph is cut where the payload reaches its size.
            context = Array(context.prefix(need - words.count))
            if let last = context.last, !last.hasSuffix(".") { context[context.count - 1] = last + "…" }
        }
        return wording.replacingOccurrences("{task}", words.joined(separator: " ")).replacingOccurrences("{context}", context.joined(separator: " "))
    }
}

/// Paragraphs of varied context: sentences about topics, places, people, years and numbers.
enum ContextText {
    static let frames = [
        "In {y}, researchers in {p} reported that {t} changed the way people approached {t2}.",
        "A survey of {n} students in {p} found that most of them misunderstood {t}.",
        "{N} argued in {y} that {t} can only be explained together with {t2}.",
        "The standard textbook treats {t} in chapter {k}, right after {t2}.",
        "Critics point out that early accounts of {t} ignored its effect on {t2}.",
        "According to a {y} report, about {n} percent of the cases in {p} involved {t}.",
        "The museum in {p} has a permanent exhibition on {t} that opened in {y}.",
        "{N} and {N2} disagreed for years about whether {t} or {t2} came first.",
        "Measurements taken over {k} years suggest a slow but steady link between {t} and {t2}.",
        "Most introductory courses present {t} with a diagram and a short worked example.",
        "The committee in {p} published {k} recommendations on {t} after a long debate.",
        "One common mistake is to confuse {t} with {t2}, although they differ in important ways.",
        "Historical records from {p} mention {t} as early as {y}.",
        "A later study by {N} repeated the experiment with {n} participants and got similar results.",
        "Engineers in {p} used ideas from {t} to redesign a system for {t2}.",
        "The debate about {t} returned in {y} when new data on {t2} appeared.",
        "Teachers often introduce {t} through everyday examples, such as cooking with {f}.",
        "The local newspaper in {p} ran a series of {k} articles about {t}.",
        "Some economists estimate the cost of ignoring {t} at {n} million dollars a year.",
        "Students are usually asked to compare {t} with {t2} in their final exam.",
        "{N} kept detailed notes on {t} during a stay in {p} in {y}.",
        "A textbook exercise asks how {t} would change if {t2} were twice as strong.",
        "The original paper on {t} ran to {n} pages and included {k} tables.",
        "Field work near {p} showed that {t} varies with the season.",
        "In practice, {t} is measured with simple tools and a careful record of {t2}.",
    ]
    static let people = [
        "Ada Brennan", "Tomasz Wierzbicki", "Mariana Costa", "Kenji Mori", "Leila Haddad", "Samuel Okoro", "Ingrid Halvorsen",
        "Rafael Ortega", "Priya Raman", "Elif Demir", "Jonas Becker", "Chiara Lombardi", "Wei Zhang", "Amara Nwosu", "Olga Petrova",
        "Hugo Lefebvre", "Sofia Almeida", "Daniel Cohen", "Nadia Rahman", "Lars Eriksen",
    ]

    static func sentence(_ rng: inout SplitMix) -> String {
        Slots.fill(rng.pick(frames)) { name in
            switch name {
            case "N", "N2": return rng.pick(people)
            case "y": return String(rng.int(1820...2025))
            case "k": return String(rng.int(2...40))
            default: return PromptFactory.slot(name, &rng)
            }
        }
    }

    static func paragraph(_ rng: inout SplitMix, sentences: ClosedRange<Int>) -> String {
        (0..<rng.int(sentences)).map { _ in sentence(&rng) }.joined(separator: " ")
    }
}
