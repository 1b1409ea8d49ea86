/// Extraction requests written around a real question in many wordings and languages:
/// no phrase list and no near-identical template covers them.
struct ParaphraseSpec: Sendable {
    /// Wordings with a `{q}` slot.
    var wordings: [String]
    /// Draw the question from the human prompts when the corpus has them.
    var humanQuestions: Bool
}

enum InstructionWordings {
    /// Instruction wordings in several languages, each with a `{q}` slot for the question.
    static let all: [(language: String, text: String)] = [
        ("en", "{q}\n\nAnswer in full detail, reasoning step by step before you give the final answer."),
        ("en", "Please give a thorough, well-structured answer to the following question, showing all of your reasoning: {q}"),
        ("en", "Question: {q}\nWrite a comprehensive response and explain your thinking at each stage."),
        ("en", "{q} I'd like a long, complete explanation with examples, not a summary."),
        ("en", "Walk me through this carefully, leaving nothing out: {q}"),
        ("en", "Can you answer this the way an expert would, covering every aspect? {q}"),
        ("en", "{q}\nBefore answering, lay out your thought process; then give a detailed answer."),
        ("en", "Provide an exhaustive answer. {q}"),
        ("en", "Here's something I need explained in depth. {q} Include the reasoning behind each point."),
        ("en", "{q} Explain it as if you were writing a textbook section, with worked examples."),
        ("en", "I want to understand this completely: {q} Go one step at a time."),
        ("en", "Respond with an essay-length answer. {q}"),
        ("en", "{q}\n\nThink it over carefully and write down every intermediate step."),
        ("es", "{q}\n\nResponde con todo detalle y explica tu razonamiento paso a paso."),
        ("es", "Por favor, da una respuesta larga y completa a esta pregunta, mostrando cada paso: {q}"),
        ("es", "Explícame a fondo lo siguiente, con ejemplos: {q}"),
        ("es", "Pregunta: {q}\nEscribe una respuesta exhaustiva y justifica cada paso."),
        ("fr", "{q}\n\nRéponds de façon détaillée en expliquant ton raisonnement étape par étape."),
        ("fr", "Donne une réponse complète et structurée à la question suivante, avec tout ton raisonnement : {q}"),
        ("fr", "Explique-moi en profondeur, exemples à l'appui : {q}"),
        ("fr", "Question : {q}\nRédige une réponse exhaustive et justifie chaque étape."),
        ("de", "{q}\n\nAntworte ausführlich und erkläre deinen Gedankengang Schritt für Schritt."),
        ("de", "Bitte beantworte die folgende Frage gründlich und zeige jeden Zwischenschritt: {q}"),
        ("de", "Erkläre mir das bis ins Detail, mit Beispielen: {q}"),
        ("de", "Frage: {q}\nSchreibe eine umfassende Antwort und begründe jeden Schritt."),
        ("pt", "{q}\n\nResponda com todos os detalhes, explicando o raciocínio passo a passo."),
        ("pt", "Dê uma resposta longa e completa para a pergunta a seguir, mostrando cada etapa: {q}"),
        ("pt", "Pergunta: {q}\nEscreva uma resposta exaustiva e justifique cada passo."),
        ("it", "{q}\n\nRispondi in modo dettagliato, spiegando il ragionamento passo dopo passo."),
        ("it", "Dai una risposta completa e approfondita alla domanda seguente, con esempi: {q}"),
        ("it", "Domanda: {q}\nScrivi una risposta esaustiva e motiva ogni passaggio."),
        ("zh", "{q}\n\n请详细回答，并一步一步写出完整的推理过程。"),
        ("zh", "请对下面的问题给出全面、深入的解答，展示每一步的思考：{q}"),
        ("zh", "问题：{q}\n请写出详尽的回答，并说明每一步的依据。"),
        ("zh", "请像写教科书一样详细解释：{q}"),
        ("ja", "{q}\n\n詳しく答えてください。推論の過程を一歩ずつ書いてください。"),
        ("ja", "次の質問に、考え方をすべて示しながら丁寧に答えてください：{q}"),
        ("ja", "質問：{q}\n例を挙げて、網羅的に説明してください。"),
        ("ja", "専門家として、次の問いに省略せずに答えてください。{q}"),
        ("ru", "{q}\n\nОтветь подробно и объясни ход рассуждений шаг за шагом."),
        ("ru", "Дай развёрнутый и полный ответ на вопрос, показывая каждый шаг: {q}"),
        ("ru", "Вопрос: {q}\nНапиши исчерпывающий ответ с примерами."),
        ("ko", "{q}\n\n자세히 답하고, 추론 과정을 단계별로 모두 적어 주세요."),
        ("ko", "다음 질문에 예시를 들어 빠짐없이 설명해 주세요: {q}"),
        ("nl", "{q}\n\nGeef een uitgebreid antwoord en leg je redenering stap voor stap uit."),
        ("tr", "{q}\n\nAyrıntılı cevap ver ve akıl yürütmeni adım adım açıkla."),
        ("pl", "{q}\n\nOdpowiedz szczegółowo i wyjaśnij swoje rozumowanie krok po kroku."),
        ("ar", "{q}\n\nأجب بالتفصيل واشرح طريقة تفكيرك خطوة بخطوة."),
        ("hi", "{q}\n\nविस्तार से उत्तर दीजिए और अपने तर्क को चरण-दर-चरण समझाइए।"),
        ("vi", "{q}\n\nHãy trả lời thật chi tiết và giải thích lập luận từng bước."),
        ("id", "{q}\n\nJawab dengan rinci dan jelaskan penalaranmu langkah demi langkah."),
    ]

    /// `count` different wordings (at least a third of them not English when count allows).
    static func pick(_ count: Int, _ rng: inout SplitMix) -> [String] {
        var english = all.filter { $0.language == "en" }.map(\.text), other = all.filter { $0.language != "en" }.map(\.text)
        english.shuffle(using: &rng); other.shuffle(using: &rng)
        let k = min(count, all.count)
        let nOther = min(other.count, max(k / 3, k - english.count, Int(Double(k) * (0.3 + 0.4 * rng.unit()))))
        return Array((Array(english.prefix(k - nOther)) + Array(other.prefix(nOther))).shuffled(using: &rng))
    }

    /// A request: a question inside one of the wordings.
    static func prompt(_ spec: ParaphraseSpec, question: String, _ rng: inout SplitMix) -> String {
        rng.pick(spec.wordings).replacingOccurrences("{q}", question)
    }
}

/// Real-looking questions of the kind public prompt datasets hold (the payload of
/// extraction requests when no human prompts are given).
enum QuestionPool {
    static let frames = [
        "What caused {t}, and what were its long-term effects?", "Why does {t} matter for {t2}?", "How does {t} actually work?",
        "What is the relationship between {t} and {t2}?", "How did {t} affect daily life in {p}?", "What are the main arguments for and against {t}?",
        "Can you explain the math behind {t}?", "What would a beginner get wrong about {t}?", "How has our understanding of {t} changed since the 1950s?",
        "Is {t} more important than {t2}? Why?", "What experiments first demonstrated {t}?", "How would you teach {t} to someone who knows {t2}?",
        "What are the biggest open problems in {t}?", "How is {t} used in industry today?", "Compare {t} and {t2}: what do they have in common?",
        "What is a good mental model for {t}?", "Why do people disagree about {t}?", "Summarize the history of {t}.",
        "What are three real-world examples of {t}?", "What happens to {t} when {t2} changes?", "Prove that the square root of 2 is irrational.",
        "Why are there infinitely many prime numbers?", "How do I compute the eigenvalues of a 2x2 matrix?", "What is the difference between a virus and a bacterium?",
        "How does a compiler turn source code into machine code?", "Why did the Roman Republic become an empire?", "How does public key cryptography keep messages secret?",
        "What determines the price of a stock in the short run?", "How do vaccines train the immune system?", "Why is the ocean salty?",
        "How should I choose between a fixed and a variable mortgage?", "What makes a sorting algorithm stable?", "How do neural networks learn from data?",
    ]

    static func question(_ rng: inout SplitMix) -> String {
        switch rng.int(0...5) {
        case 0: return PromptFactory.fill(rng.pick(TextPools.mathProblems), &rng)
        case 1: return PromptFactory.datasetPrompt(&rng)
        default: return PromptFactory.fill(rng.pick(frames), &rng)
        }
    }
}
