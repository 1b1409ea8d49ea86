/// The built-in intent rule pack (`distillscan rules show` prints it; `--rules FILE` adds to it).
enum DefaultRulePack {
    static let json = #"""
        {
          "name": "distillscan-default",
          "version": "1.0.0",
          "rules": [
            {
              "id": "reasoning-trace",
              "tag": "reasoning",
              "description": "Asks the model to write out its reasoning or chain of thought, in any of several languages.",
              "phrases": ["step by step", "step-by-step", "chain of thought", "chain-of-thought", "your reasoning", "reasoning process",
                          "intermediate step", "show your work", "show all work", "think aloud", "think through", "reason carefully",
                          "thought process", "each step", "every step", "paso a paso", "razonamiento", "schritt für schritt", "étape par étape",
                          "raisonnement", "passo a passo", "一步一步", "逐步", "推理过程", "思维链", "思考步骤", "思考过程", "ステップバイステップ",
                          "段階的に", "推論", "단계별로", "шаг за шагом", "рассуждени"],
              "examples": {
                "match": ["Solve this and show your reasoning step by step.", "请一步一步地解释，写出推理过程。", "Explain your reasoning before answering."],
                "no_match": ["What is the capital of France?", "Write a haiku about autumn."]
              }
            },
            {
              "id": "reward-model-grading",
              "tag": "grading",
              "description": "Asks the model to score, grade or compare responses the way a reward model does.",
              "phrases": ["rate the response", "rate this response", "grade the following", "grade the answer", "score from 1", "scale of 1",
                          "1-10 scale", "1 to 10", "score: n", "which response is better", "which answer is better", "better response",
                          "evaluate the response", "as a reward model", "preference between", "评分", "打分", "哪个回答更好"],
              "examples": {
                "match": ["Rate the response from 1 to 10 for helpfulness.", "Compare A and B and say which response is better."],
                "no_match": ["Rate my cooking recipe idea please", "What time is it in Tokyo?"]
              }
            },
            {
              "id": "sensitive-safe-rewrite",
              "tag": "sensitive_rewrite",
              "description": "Asks for a safe or policy-compliant rewrite of an answer on a sensitive topic.",
              "phrases": ["safe rewrite", "policy-compliant", "policy compliant", "rewrite it so that it is safe", "rewrite the reply to refuse",
                          "refuse the harmful", "make it safe", "harmless version", "safe and helpful version", "remove the harmful", "安全的改写"],
              "examples": {
                "match": ["Produce a safe rewrite of this answer.", "Rewrite the reply to refuse the harmful parts."],
                "no_match": ["Rewrite this email to sound friendlier.", "Is it safe to eat raw eggs?"]
              }
            },
            {
              "id": "agentic-trace",
              "tag": "agentic",
              "description": "Tools offered and an instruction to act autonomously or narrate tool use.",
              "phrases": ["autonomous agent", "use the tools", "use the available tools", "call tools", "tool call", "act as a coding agent",
                          "act as an agent", "report every action", "trace of your work", "plan step by step"],
              "requires": {"has_tools": true},
              "examples": {
                "match": ["You are an autonomous agent. Use the tools to finish the task."],
                "no_match": ["Fix the bug in this function."]
              }
            },
            {
              "id": "textbook-long-form",
              "tag": "long_form",
              "description": "Asks for long textbook-style material: chapters, lectures, exhaustive guides.",
              "phrases": ["textbook", "comprehensive guide", "comprehensive chapter", "exhaustive", "lecture on", "study guide", "in great detail",
                          "worked examples", "practice questions", "教科书", "详细讲义"],
              "examples": {
                "match": ["Write a comprehensive textbook chapter on thermodynamics.", "Write an exhaustive study guide about DNA."],
                "no_match": ["Summarize this article in two sentences."]
              }
            },
            {
              "id": "classification-extraction",
              "tag": "classification",
              "description": "Classification or field extraction with a short answer: typical of benign batch pipelines.",
              "phrases": ["classify the following", "classify this", "label the intent", "reply with the label", "output one word", "one word only",
                          "extract the", "as json", "sentiment of", "which category"],
              "examples": {
                "match": ["Classify the following ticket. Reply with the label only.", "Extract the order number as JSON."],
                "no_match": ["Explain how tides work."]
              }
            }
          ]
        }
        """#
}
