SWIFT ?= swift
BIN = .build/release/distillscan

.PHONY: deps build release install test demo bench fuzz bench-templates eval-seeds fixtures clean eval-holdout

PREFIX ?= /usr/local

# The system packages the build needs (zlib, ISA-L, libcrypto, pkg-config), installed when missing.
deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product distillscan

# A release binary with the Swift runtime linked in (runs without a Swift toolchain) in $(PREFIX)/bin.
install: deps
	$(SWIFT) build -c release --product distillscan --static-swift-stdlib
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 "$$($(SWIFT) build -c release --product distillscan --static-swift-stdlib --show-bin-path)/distillscan" $(DESTDIR)$(PREFIX)/bin/distillscan

# Unit, end-to-end and golden tests (quick: fixtures only).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel

# The analysis of the corpus shipped in Fixtures/demo, as Markdown.
demo: release
	$(BIN) analyze Fixtures/demo/logs --accounts Fixtures/demo/accounts.jsonl

# libFuzzer targets of Fuzz/ (decoder, gzip reader against zlib, accounts file, rule
# packs, report writers), FUZZ_SECONDS each (default 60); see scripts/fuzz.sh.
fuzz: deps
	scripts/fuzz.sh

# Throughput and memory against zcat on a >= 1 GB corpus (generated once under bench-corpus/).
bench: release
	scripts/bench.sh

# Loghub-2k grouping accuracy and throughput of the template miner.
bench-templates: release
	python3 scripts/loghub_ga.py ../shared/benchmarks/loghub $(BIN)

# Detection quality on fresh synthetic corpora: 10 seeds x 3 formats plus a run without the
# accounts file, real human prompts when scripts/human-prompts.sh can install them; prints
# the worst seed per format (SEEDS=, ACCOUNTS=, DAYS=, KEEP=dir to keep every report).
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
