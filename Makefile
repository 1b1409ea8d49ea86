SWIFT ?= swift
BIN = .build/release/distillscan

.PHONY: build release test demo bench bench-templates eval-seeds fixtures clean eval-holdout

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release --product distillscan

# Unit, end-to-end and golden tests (quick: fixtures only).
test:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel

# The analysis of the corpus shipped in Fixtures/demo, as Markdown.
demo: release
	$(BIN) analyze Fixtures/demo/logs --accounts Fixtures/demo/accounts.jsonl

# Throughput and memory against zcat on a >= 1 GB corpus (generated once under bench-corpus/).
bench: release
	scripts/bench.sh

# Loghub-2k grouping accuracy and throughput of the template miner.
bench-templates: release
	python3 scripts/loghub_ga.py ../shared/benchmarks/loghub $(BIN)

# Detection quality on fresh synthetic corpora (several seeds, all formats).
eval-seeds: release
	scripts/eval-seeds.sh

# Regenerate the committed fixture corpora (byte-identical for the same seeds).
fixtures: release
	scripts/fixtures.sh

clean:
	rm -rf .build

# Detection quality on independent hold-out corpora (scripts/holdout/gen.py; see its README).
eval-holdout: release
	scripts/holdout/eval.sh
