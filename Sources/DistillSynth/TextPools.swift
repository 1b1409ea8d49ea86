/// Word and phrase pools the generator draws from. Campaign prompts are assembled from
/// fragments chosen per seed, so no fixed wording identifies a campaign.
enum TextPools {
    static let topics = [
        "photosynthesis", "the French Revolution", "black holes", "compound interest", "the immune system",
        "plate tectonics", "supply and demand", "the Pythagorean theorem", "climate change", "neural networks",
        "the Roman Empire", "quantum entanglement", "the water cycle", "inflation", "DNA replication",
        "the Industrial Revolution", "game theory", "volcanoes", "the stock market", "protein folding",
        "the Cold War", "electric circuits", "Bayesian statistics", "the Renaissance", "ocean currents",
        "cryptography", "the nitrogen cycle", "microeconomics", "general relativity", "the printing press",
        "vaccines", "linear regression", "the Silk Road", "thermodynamics", "blockchains", "coral reefs",
        "the human heart", "public key encryption", "the Byzantine Empire", "sorting algorithms",
        "antibiotic resistance", "the Big Bang", "monetary policy", "the Krebs cycle", "graph theory",
        "the Ottoman Empire", "semiconductors", "evolution by natural selection", "the greenhouse effect",
        "prime numbers", "the Treaty of Versailles", "machine translation", "earthquakes", "the Moon landing",
        "operant conditioning", "enzyme kinetics", "the Meiji Restoration", "hash tables", "glaciers",
        "the Federal Reserve", "cell division", "the Mongol Empire", "optics", "recursion", "rainforests",
    ]
    static let foods = ["chickpeas", "leftover rice", "salmon", "tofu", "spinach", "lentils", "eggs", "mushrooms", "sweet potatoes", "chicken thighs"]
    static let places = ["Lisbon", "Kyoto", "Mexico City", "Reykjavik", "Cape Town", "Hanoi", "Montreal", "Istanbul", "Buenos Aires", "Prague"]
    static let casualFrames = [
        "what's the difference between {t} and {t2}?", "can you explain {t} like I'm five", "help me write an email to my landlord about a broken heater",
        "give me dinner ideas with {f}", "plan a 3 day trip to {p} on a budget", "is it normal to feel tired after lunch every day",
        "rewrite this so it sounds more polite: can you send the report already", "tell me a fun fact about {t}",
        "what should I get my mom for her birthday, she likes gardening", "summarize the plot of a famous novel in 3 sentences",
        "how do I fix a leaking faucet", "write a short poem about {t}", "why is the sky blue", "what are good stretches for lower back pain",
        "translate 'where is the train station' into Portuguese", "how long should I boil an egg", "explain {t} in two paragraphs",
        "I have an interview tomorrow for a marketing job, what questions should I prepare for", "recommend some podcasts about {t}",
        "can you check my grammar: me and him goes to the store yesterday", "how much water should I drink a day", "ideas for a 7 year old's birthday party",
        "what is {t}?", "pros and cons of renting vs buying in {p}", "write a toast for my sister's wedding", "how do vaccines work",
        "make a packing list for a week in {p}", "what does APR mean on a credit card", "tips for learning guitar as an adult",
    ]
    static let foreignFrames = [
        "¿Cuál es la diferencia entre {t} y {t2}?", "Explícame {t} de forma sencilla", "Ideas para cenar con {f}",
        "Kannst du mir {t} einfach erklären?", "Schreib eine kurze E-Mail an meinen Vermieter wegen der Heizung",
        "Peux-tu m'expliquer {t} simplement ?", "Donne-moi des idées de recettes avec {f}",
        "Você pode me explicar {t}?", "Quais são os melhores lugares para visitar em {p}?",
        "{t}について簡単に説明してください", "{p}で三日間の旅行プランを立ててください", "夕食のレシピを教えてください",
        "请简单解释一下{t}", "帮我写一封给房东的邮件，暖气坏了", "周末去{p}玩有什么推荐",
        "{t}에 대해 쉽게 설명해 주세요", "Объясни простыми словами, что такое {t}", "क्या आप {t} को आसान भाषा में समझा सकते हैं?",
        "اشرح لي {t} بطريقة بسيطة",
    ]
    static let codeLangs = ["Python", "TypeScript", "Rust", "Go", "Java", "Swift", "C++", "Kotlin"]
    static let codeFrames = [
        "why does this {l} function return None sometimes?\n```\ndef f(x):\n    if x > {n}:\n        return x * 2\n```",
        "refactor this {l} code to be more readable", "write a unit test for a function that parses dates in {l}",
        "I get 'index out of range' at line {n}, what's wrong", "how do I read a CSV file in {l} and group by a column",
        "explain what this regex does: ^[a-z0-9_-]{3,16}$", "add error handling to the upload handler",
        "convert this loop to use map and filter in {l}", "what's the idiomatic way to do dependency injection in {l}",
        "the build fails with 'undefined symbol', how do I debug it", "optimize this SQL query that joins orders and customers",
    ]
    static let mathProblems = [
        "A train travels {a} km in {b} hours. What is its average speed?", "If 3x + {a} = {b}, what is x?",
        "A store discounts a ${a} item by {b}%. What is the sale price?", "What is the sum of the first {a} positive integers?",
        "A rectangle has perimeter {a} and width {b}. What is its area?", "How many ways can {b} people sit in a row?",
        "Find the derivative of x^{b} + {a}x.", "A tank fills at {a} liters per minute. How long to fill {b}00 liters?",
    ]
    static let tickets = [
        "I was charged twice for my subscription this month", "The app crashes when I upload a photo", "How do I change my email address",
        "My invoice shows the wrong company name", "Password reset link is not arriving", "Can I get a refund for last month",
        "The dashboard is very slow since yesterday", "I want to upgrade to the annual plan", "Two-factor codes are not working",
    ]
    static let products = [
        "ergonomic office chair", "stainless steel water bottle", "noise cancelling headphones", "bamboo cutting board",
        "smart LED bulb", "trail running shoes", "cast iron skillet", "standing desk", "wireless charger", "yoga mat",
    ]
    static let sensitive = [
        "self-harm", "weapons manufacturing", "drug synthesis", "extremist propaganda", "hacking a bank account",
        "evading taxes", "stalking someone", "making explosives",
    ]
    static let agentTasks = [
        "book the cheapest flight from {p} to {p2} next Tuesday", "find and summarize the three latest papers on {t}",
        "create a spreadsheet comparing prices of {f} across five stores", "refactor the repository to remove dead code and open a pull request",
        "research competitors for a startup working on {t} and write a report", "debug the failing CI job and fix the flaky test",
    ]
    static let cjkTopics = ["光合作用", "量子纠缠", "供需关系", "勾股定理", "气候变化", "神经网络", "罗马帝国", "复利", "免疫系统", "板块构造", "区块链", "热力学", "博弈论", "密码学"]
    static let commonMail = ["gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com", "proton.me", "gmx.de", "qq.com", "163.com", "mail.ru", "naver.com", "yandex.ru"]
    static let firstNames = [
        "anna", "ben", "carla", "david", "elena", "farid", "grace", "hiro", "ines", "jonas", "kemal", "lucia", "mei", "nadia", "omar", "priya", "quinn", "rosa", "sven", "tariq", "uma", "victor",
        "wen", "yara", "zoe",
    ]
    static let lastNames = ["smith", "garcia", "muller", "rossi", "kim", "tanaka", "silva", "novak", "chen", "ali", "dubois", "jensen", "kowalski", "ivanova", "patel", "okafor"]
    static let countries = ["US", "DE", "FR", "BR", "JP", "IN", "GB", "ES", "KR", "CN", "MX", "CA", "NG", "PL"]
    static let browserUAs = [
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36", "cd08e31494f9531f560d64c695473da9"),
        ("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15", "773906b0efdefa24a7f2b8eb6985bf37"),
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148", "e4d448cdfe06dc1243c1eb026c74ac9a"),
        ("Mozilla/5.0 (Linux; Android 14) Chrome/126.0 Mobile Safari/537.36", "b32309a26951912be7dba376398abc3b"),
    ]
    static let sdkUAs = [
        ("openai-python/1.35.0", "3b5074b1b5d032e5620f69f9f700ff0e"), ("anthropic-python/0.30.0", "3b5074b1b5d032e5620f69f9f700ff0e"),
        ("python-requests/2.32.3", "8d9f7747675e24454cd9b7ed35c58707"), ("node-fetch/1.0", "5d65ea3fb1d4aa7d826733d2f2cbbb1d"),
        ("axios/1.7.2", "5d65ea3fb1d4aa7d826733d2f2cbbb1d"), ("Go-http-client/2.0", "b6b7b0a3b5d5b64b5b1b3f6d2c0e9a11"),
    ]
}
