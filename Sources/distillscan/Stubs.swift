import ArgumentParser
struct Templates: ParsableCommand {}
struct Rules: ParsableCommand {}
