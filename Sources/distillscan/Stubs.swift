import ArgumentParser
struct Analyze: ParsableCommand {}
struct Templates: ParsableCommand {}
struct Eval: ParsableCommand {}
struct Rules: ParsableCommand {}
