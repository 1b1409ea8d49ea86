/// Benign automation that looks like a campaign (issue 14, classes 5, 6 and 8): unrelated
/// customers of one public framework template, a lab's benchmark run from several
/// accounts, and a verified company's batch translation.
enum AutomationLookalikes {
    static func build(_ w: World, _ f: inout AccountFactory, _ rng: inout SplitMix, _ params: inout DrawnParameters) -> [Behaviour] {
        let n = max(60, w.config.accounts)
        var out: [Behaviour] = []

        // 5. Unrelated customers of one SDK and its public prompt template, 24/7: each with its own
        //    card, cloud IPs, company domain and signup date; moderate outputs, no extraction asks.
        do {
            let k = Draw.groupSize(&rng, accounts: n, floor: 8)
            let t = rng.int(0...(AutomationText.publicTemplates.count - 1))
            let template = AutomationText.publicTemplates[t]
            let sdk = rng.pick(AutomationText.frameworkClients)
            let ua = (sdk, rng.hex(32))
            let maxTokens = rng.pick([[512, 1024], [1024, 2048], [2048, 4096], [4096, 8192]])
            let outLo = rng.int(60...300)
            let output = outLo...(outLo + rng.int(250...1200))
            let rate = 5.0...(20.0 + 280 * rng.unit())
            for _ in 0..<k {
                let domain = rng.letters(rng.int(5...9)) + rng.pick([".com", ".io", ".ai", ".co", ".de", ".net"])
                let a = f.make(
                    kind: "benign", group: "sdk_template", population: "sdk_template", createdAt: Draw.agedSignup(w, &rng),
                    email: f.humanEmail(domain: domain), verified: rng.chance(0.3), org: rng.chance(0.5) ? "org_" + rng.hex(6) : nil)
                let subnet = World.subnet(&rng)
                out.append(
                    Behaviour(
                        account: a, apiKey: "key_" + rng.hex(8), requestsPerDay: Draw.rate(&rng, rate), timing: .uniform,
                        ips: (0..<rng.int(1...3)).map { _ in "\(subnet).\(rng.int(2...250))" }, userAgent: ua,
                        prompts: .publicTemplate(template: template, product: rng.pick(AutomationText.customerProducts)),
                        maxTokens: maxTokens, output: output, hitLimitShare: 0.01))
            }
            params.record(
                "sdk_template", "sdk_template",
                [
                    ("accounts", "\(k)"), ("template", "\(t)"), ("client", DrawnParameters.text(sdk)), ("max_tokens", DrawnParameters.range(maxTokens[0]...maxTokens[1])),
                    ("output_tokens", DrawnParameters.range(output)), ("requests_per_day", DrawnParameters.range(rate)),
                ])
        }

        // 6. A lab's benchmark from 10–20 accounts of one org: the same fixed questions sent
        //    verbatim by every account in bounded bursts, "think step by step", short answers.
        do {
            let k = min(max(3, n / 20), rng.int(10...20))
            let org = "org_" + rng.hex(6)
            let domain = rng.letters(rng.int(4...7)) + rng.pick(["-lab.org", ".ai", "-research.com", ".ac.uk"])
            let suffix = rng.pick(AutomationText.stepByStep)
            let questions = (0..<rng.int(50...250)).map { _ in
                PromptFactory.fill(rng.pick(TextPools.mathProblems + AutomationText.benchmarkFrames), &rng) + " " + suffix
            }
            let card: String? = rng.chance(0.6) ? f.card() : nil
            // Declared or not: the org may be in the logs and the accounts file, or nowhere.
            let declared = rng.chance(0.5), verified = rng.chance(0.5)
            // One lab NAT, one address each in the lab's subnet, or unrelated cloud addresses.
            let network = rng.pick(["nat", "subnet", "cloud"])
            let subnet = World.subnet(&rng)
            let nat = "\(subnet).\(rng.int(2...250))"
            // A sweep starts every account's run at the same times; else each account runs on its own.
            let sweep = rng.chance(0.5)
            let sweepStarts = (0..<w.config.days).filter { _ in rng.chance(0.5) }.map { w.dayStart($0) + Int64(rng.int(0...22)) * 3_600_000 + Int64(rng.int(0...3599)) * 1000 }
            let client = (rng.pick(["lm-eval-harness/0.4.3", "inspect-ai/0.3", "openai-python/1.40.0", "python-httpx/0.27.0"]), rng.hex(32))
            let runsPerDay = 1...rng.int(1...3)
            let outHi = rng.int(60...300)
            for _ in 0..<k {
                let a = f.make(
                    kind: "benign", group: "lab_benchmark", population: "lab_benchmark", createdAt: Draw.agedSignup(w, &rng),
                    email: f.humanEmail(domain: domain), payment: card, verified: verified, org: declared ? org : nil)
                var starts: [Int64] = []
                if sweep {
                    starts = sweepStarts.map { $0 + Int64(rng.int(0...30)) * 1000 }
                } else {
                    for d in 0..<w.config.days where rng.chance(0.5) {
                        for _ in 0..<rng.int(runsPerDay) { starts.append(w.dayStart(d) + Int64(rng.int(0...22)) * 3_600_000 + Int64(rng.int(0...3599)) * 1000) }
                    }
                }
                if starts.isEmpty { starts = [w.dayStart(0) + Int64(rng.int(8...18)) * 3_600_000] }
                var schedule: [Int64] = []
                for start in starts {
                    var t = start
                    for _ in questions.indices { schedule.append(t); t += Int64(rng.int(800...6_000)) }
                }
                schedule.sort()
                let ips: [String]
                switch network {
                case "nat": ips = [nat]
                case "subnet": ips = ["\(subnet).\(rng.int(2...250))"]
                default: ips = [World.subnet(&rng) + ".\(rng.int(2...250))"]
                }
                out.append(
                    Behaviour(
                        account: a, apiKey: "key_" + rng.hex(8), requestsPerDay: 0, timing: .uniform, ips: ips, userAgent: client,
                        prompts: .benchmark(questions), maxTokens: [256, 512, 1024], output: 10...outHi, schedule: schedule))
            }
            params.record(
                "lab_benchmark", "lab_benchmark",
                [
                    ("accounts", "\(k)"), ("questions", "\(questions.count)"), ("shared_card", card == nil ? "false" : "true"),
                    ("org_declared", "\(declared)"), ("verified", "\(verified)"), ("network", DrawnParameters.text(network)), ("sweep", "\(sweep)"),
                    ("runs_per_active_day", DrawnParameters.range(runsPerDay)), ("output_tokens", DrawnParameters.range(10...outHi)), ("suffix", DrawnParameters.text(suffix)),
                ])
        }

        // 7. A verified translation company: one org, several keys behind the office NAT,
        //    batch translations of documents into several languages.
        do {
            let k = rng.int(3...10)
            let org = "org_" + rng.hex(6)
            let domain = rng.letters(rng.int(5...8)) + rng.pick(["-translations.com", "lingua.eu", "-localize.io"])
            let nat = World.residentialIP(&rng)
            let languages = Array(AutomationText.languages.shuffled(using: &rng).prefix(rng.int(3...8)))
            let businessHours = rng.chance(0.5)
            for _ in 0..<k {
                let a = f.make(
                    kind: "benign", group: "translation_company", population: "translation_company", createdAt: Draw.agedSignup(w, &rng),
                    email: f.humanEmail(domain: domain), verified: true, org: org, country: rng.pick(["DE", "NL", "FR", "GB", "US"]))
                out.append(
                    Behaviour(
                        account: a, apiKey: "key_" + rng.hex(8), requestsPerDay: Draw.rate(&rng, 80...500),
                        timing: businessHours ? .window(startHour: 7, hours: 11) : .uniform, ips: [nat], userAgent: ("python-requests/2.32.3", rng.hex(32)),
                        prompts: .translation(languages: languages), maxTokens: [2048, 4096], output: 100...900))
            }
            params.record(
                "translation_company", "translation_company",
                [
                    ("accounts", "\(k)"), ("languages", DrawnParameters.list(languages)), ("timing", DrawnParameters.text(businessHours ? "business_hours" : "uniform")),
                ])
        }
        return out
    }
}

/// Texts of benign automation: public framework templates, customer questions, translation requests.
enum AutomationText {
    /// Default prompt templates that popular open-source frameworks ship (public, used verbatim by many unrelated apps).
    static let publicTemplates = [
        "Use the following pieces of context to answer the question at the end. If you don't know the answer, just say that you don't know, don't try to make up an answer.\n\n{context}\n\nQuestion: {question}\nHelpful Answer:",
        "Context information is below.\n---------------------\n{context}\n---------------------\nGiven the context information and not prior knowledge, answer the query.\nQuery: {question}\nAnswer: ",
        "You are an assistant for question-answering tasks. Use the following pieces of retrieved context to answer the question. If you don't know the answer, just say that you don't know. Use three sentences maximum and keep the answer concise.\nQuestion: {question}\nContext: {context}\nAnswer:",
    ]
    static let frameworkClients = ["langchain-openai/0.2.1 openai-python/1.51.0", "llama-index/0.11.14 python-httpx/0.27.2", "haystack-ai/2.6.0 python-requests/2.32.3"]
    static let customerProducts = [
        "our billing portal", "the Acme HR handbook", "the mobile banking app", "the warehouse scanner", "the travel booking site",
        "the clinic scheduling system", "the school timetable app", "our cloud backup service", "the insurance claims portal",
        "the smart thermostat", "the recipe subscription box", "the fleet tracking dashboard",
    ]
    static let customerQuestions = [
        "How do I reset my password in {product}?", "What does the error code 403 mean in {product}?", "Can I export my data from {product}?",
        "Who do I contact about a refund for {product}?", "How many vacation days do I get?", "Is {product} available on weekends?",
        "What are the opening hours of support?", "How do I change the email on my account?", "Does {product} work offline?",
        "Where can I find last month's invoice?", "How do I add a second user?", "What is the cancellation policy?",
    ]
    static let stepByStep = [
        "Let's think step by step.", "Think step by step, then give only the final answer.", "Reason step by step and end with 'Answer: <value>'.",
        "Let's work this out in a step by step way to be sure we have the right answer.",
    ]
    static let benchmarkFrames = [
        "Which is larger, {a}/{b} or {b}/7?", "What is {a} modulo {b}?", "A recipe needs {b} eggs per cake. How many eggs for {a} cakes?",
        "If today is Monday, what day is it {a} days from now?", "How many primes are there below {b}0?", "What is the capital of the country where {p} is?",
    ]
    static let languages = ["German", "French", "Spanish", "Italian", "Japanese", "Korean", "Portuguese", "Dutch", "Polish", "Chinese (Simplified)", "Turkish", "Swedish"]

    static func translationRequest(to language: String, _ text: String) -> String {
        "Translate the following text from English into \(language). Keep the formatting, names and numbers unchanged and do not add anything.\n\n" + text
    }
}

/// Sentences of a customer's own documents (help pages, policies, contracts): the context that
/// benign template users and the translation company send, unrelated to campaign payloads.
enum BusinessText {
    static let frames = [
        "To reset your password, open {product}, choose Settings and then Security.",
        "Invoices are issued on the {d}th of each month and can be downloaded as PDF files.",
        "Refunds are processed within {d} business days after the request is approved.",
        "Employees receive {d} days of paid leave per year, plus public holidays.",
        "Support is available Monday to Friday from 8 am to 6 pm, except on public holidays.",
        "If the app shows error {e}, sign out, wait a minute and sign in again.",
        "Data exports are available in CSV and JSON format from the account page.",
        "A second user can be added by the account owner under Team, Invite member.",
        "The service works offline for up to {d} hours and synchronises when the connection returns.",
        "Cancellations made {d} days before renewal are not charged for the next period.",
        "All personal data is stored in data centres in the European Union.",
        "The warranty covers manufacturing defects for {d} months from the date of purchase.",
        "Orders above {e} euros are shipped free of charge within the country.",
        "The new release adds dark mode, faster search and a redesigned dashboard.",
        "Please keep your receipt; it is needed for any claim under the warranty.",
        "Managers must approve expense reports within {d} days of submission.",
        "The meeting room on the third floor can be booked through the intranet calendar.",
        "Our terms were updated on {d} March; the changes concern payment deadlines only.",
        "Customers can change the delivery address until the parcel has left the warehouse.",
        "The device must be charged for at least {d} hours before first use.",
    ]

    static func paragraph(_ rng: inout SplitMix, sentences: ClosedRange<Int>, product: String = "the app") -> String {
        (0..<rng.int(sentences)).map { _ in
            Slots.fill(rng.pick(frames)) { name in
                switch name {
                case "d": return String(rng.int(2...30))
                case "e": return String(rng.int(100...999))
                case "product": return product
                default: return nil
                }
            }
        }.joined(separator: " ")
    }
}
